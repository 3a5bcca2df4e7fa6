"""Line numbers for the values of a JSON document, so errors can say ``file:line``.

The standard ``json`` module parses without positions; this walks the same text once more
and records the line where each value (and each object key) starts, keyed by its path.
Review files (moderation) and NINJS imports (formats) both read it, so it sits below both
of them, at the base of the package; it needs nothing but the standard library.
"""

from __future__ import annotations

import json
import math
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # the C scanner, undeclared
from typing import Any

Path = tuple[str | int, ...]
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
# Real documents nest a handful of levels; far deeper is an attack on the recursion limit.
MAX_DEPTH = 64
# Strings (skipped), the constants and numbers JSON cannot hold, and brackets (for depth).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)'
                    r'|([\[{])|([\]}])')


class _Refused(ValueError):
    """Raised inside ``json.loads`` by the hooks below; located afterwards."""


def _refuse_constant(name: str) -> float:
    raise _Refused(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(text)
    return value


# One decoder made once: json.loads() with hooks would build a new one per call (per line
# of a JSON Lines file).
_STRICT = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)


def loads(text: str) -> Any:
    """``json.loads`` for files from outside: ``NaN``, ``Infinity``, numbers beyond a float
    (``1e400``) or an integer's digit limit, and nesting deeper than ``MAX_DEPTH`` are all
    refused as ``json.JSONDecodeError`` at their position, like any other syntax error."""
    try:
        data = _STRICT.decode(text)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as exc:
        raise _locate_refusal(text, exc) from None
    if _deeper_than(data, MAX_DEPTH):
        raise _locate_refusal(text, RecursionError())
    return data


def _deeper_than(data: Any, limit: int) -> bool:
    level: list[Any] = [data]
    for _ in range(limit):
        level = [child for value in level if isinstance(value, dict | list)
                 for child in (value.values() if isinstance(value, dict) else value)]
        if not level:
            return False
    return any(isinstance(value, dict | list) for value in level)


def _locate_refusal(text: str, exc: BaseException) -> json.JSONDecodeError:
    depth = 0
    for match in _TOKEN.finditer(text):
        constant, number, opening, closing = match.groups()
        if constant or (number and not isinstance(exc, RecursionError)):
            if constant or not _fits(number):
                shown = match[0] if len(match[0]) <= 20 else match[0][:12] + "…"
                return json.JSONDecodeError(f"{shown} is not a number newsdesk can hold "
                                            "(NaN, infinite or too large)", text,
                                            match.start())
        elif opening:
            depth += 1
            if depth > MAX_DEPTH:
                return json.JSONDecodeError(f"nested deeper than {MAX_DEPTH} levels", text,
                                            match.start())
        elif closing:
            depth -= 1
    return json.JSONDecodeError(f"unreadable value ({str(exc)[:80]})", text, 0)


def _fits(number: str) -> bool:
    if any(mark in number for mark in ".eE"):
        return math.isfinite(float(number))
    return len(number.lstrip("-")) < 4300  # Python's int digit limit


def value_lines(text: str) -> dict[Path, int]:
    """``{path: line}`` for every value of a valid JSON document (1-based lines)."""
    lines: dict[Path, int] = {}
    newlines = [i for i, char in enumerate(text) if char == "\n"]

    def line_of(index: int) -> int:
        low, high = 0, len(newlines)
        while low < high:
            middle = (low + high) // 2
            if newlines[middle] < index:
                low = middle + 1
            else:
                high = middle
        return low + 1

    def skip(index: int) -> int:
        return _SPACE.match(text, index).end()  # type: ignore[union-attr]  # [ \t\n\r]* always matches

    def walk(index: int, path: Path) -> int:
        index = skip(index)
        lines[path] = line_of(index)
        char = text[index]
        if char == "{":
            index = skip(index + 1)
            if text[index] == "}":
                return index + 1
            while True:
                key, index = scanstring(text, skip(index) + 1)
                key_path = (*path, key)
                index = skip(index) + 1  # the colon
                index = walk(index, key_path)
                index = skip(index)
                if text[index] == "}":
                    return index + 1
                index += 1  # the comma
        if char == "[":
            index = skip(index + 1)
            if text[index] == "]":
                return index + 1
            position = 0
            while True:
                index = skip(walk(index, (*path, position)))
                position += 1
                if text[index] == "]":
                    return index + 1
                index += 1
        _, end = _DECODER.raw_decode(text, index)
        return end

    walk(0, ())
    return lines


def text_matching(data: Any, pattern: re.Pattern[str],
                  path: Path = ()) -> tuple[Path, str] | None:
    """The first string (value or key) of parsed JSON that ``pattern`` finds something in,
    with its path."""
    pending: list[tuple[Path, Any]] = [(path, data)]
    while pending:
        here, value = pending.pop()
        if isinstance(value, str):
            if pattern.search(value):
                return here, value
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if pattern.search(key):
                    return (*here, key), key
                pending.append(((*here, key), item))
        elif isinstance(value, list):
            pending.extend(((*here, index), item) for index, item in reversed(
                list(enumerate(value))))
    return None


def line_for(lines: dict[Path, int], path: Path) -> int:
    """The line of ``path``, or of its nearest ancestor the document has."""
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)


def dotted(path: Path) -> str:
    """``("bodies", 0, "value")`` -> ``bodies[0].value``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
