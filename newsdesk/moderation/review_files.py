"""Reading the review files readers' comments arrive in: JSON array, JSON Lines or CSV.

Every record keeps the line it starts on, so a bad record is reported as
``file:line: field: reason``. Reading never touches the database.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from newsdesk.errors import UserError
from newsdesk.json_positions import dotted, loads, text_matching, value_lines
from newsdesk.moderation.reviews import REQUIRED_FIELDS, ReviewRecord
from newsdesk.store.dialect import UNSTORABLE_TEXT, unstorable_reason

FORMATS = ("json", "jsonl", "csv")
_WHITESPACE = " \t\r\n"


def read_review_file(path: Path, fmt: str = "auto") -> list[ReviewRecord]:
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError("no such file", file=source) from exc
    except IsADirectoryError as exc:
        raise UserError("is a folder, not a review file", file=source) from exc
    except OSError as exc:
        raise UserError(f"cannot read ({exc.strerror})", file=source) from exc
    text = decode_utf8(data, source)
    if not text.strip(_WHITESPACE):
        # The same in every format: a file with nothing in it is a failed export or a
        # truncated download, not "no reviews" ("[]" or a lone header row says that).
        raise UserError("empty file (no reviews, not even a header or '[]')", file=source,
                        line=1)
    chosen = detect_format(path, text) if fmt == "auto" else fmt
    reader = {"json": parse_json_array, "jsonl": parse_json_lines, "csv": parse_csv}[chosen]
    return reader(text, source)


def decode_utf8(data: bytes, source: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                        f"{exc.start})", file=source, line=line) from exc
    if "\x00" in text:
        # PostgreSQL cannot store it (``db copy`` would fail later); no text file has one.
        raise UserError("contains a NUL character (\\0): not a text file", file=source,
                        line=text.count("\n", 0, text.index("\x00")) + 1)
    return text.removeprefix("\ufeff")


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    start = text.lstrip(_WHITESPACE)[:1]
    if start == "[":
        return "json"
    if start == "{":
        return "jsonl"
    if suffix == ".json":
        raise UserError("expected a JSON array or JSON Lines", file=str(path), line=1)
    return "csv"


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _object(value: Any, source: str, line: int) -> ReviewRecord:
    if not isinstance(value, dict):
        raise UserError(f"expected an object, found {type(value).__name__}", file=source,
                        line=line)
    found = text_matching(value, UNSTORABLE_TEXT)  # written as \u0000 or \ud800
    if found is not None:
        raise UserError(unstorable_reason(found[1]) or "cannot be stored", file=source,
                        line=line, field=dotted(found[0]))
    return ReviewRecord(value, line)


def parse_json_array(text: str, source: str) -> list[ReviewRecord]:
    """The records of a JSON array, each with the line it starts on."""
    position = len(text) - len(text.lstrip(_WHITESPACE))
    if text[position:position + 1] != "[":
        raise UserError("expected a JSON array", file=source, line=_line_at(text, position))
    try:
        values = loads(text)
    except json.JSONDecodeError as exc:
        # After a complete array, json can only complain about what follows it.
        reason = "extra data after the array" if exc.msg == "Extra data" else exc.msg
        raise UserError(f"bad JSON ({reason})", file=source, line=exc.lineno) from exc
    lines = value_lines(text)
    return [_object(value, source, lines[(number,)]) for number, value in enumerate(values)]


def parse_json_lines(text: str, source: str) -> list[ReviewRecord]:
    records = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip(_WHITESPACE):
            continue
        try:
            value = loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"bad JSON ({exc.msg})", file=source, line=number) from exc
        records.append(_object(value, source, number))
    return records


def parse_csv(text: str, source: str) -> list[ReviewRecord]:
    """CSV with a header row; quoted cells may hold commas, quotes and newlines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise UserError(f"bad CSV ({exc})", file=source, line=reader.line_num) from exc
    if not header:
        raise UserError("empty file (expected a header row)", file=source, line=1)
    columns = [name.strip() for name in header]
    repeated = next((name for index, name in enumerate(columns)
                     if name and name in columns[:index]), None)
    if repeated is not None:
        # dict(zip(...)) would keep only the last cell: a column silently lost.
        raise UserError("the header names this column twice", file=source, line=1,
                        field=repeated)
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if missing:
        raise UserError(f"missing column{'s' if len(missing) > 1 else ''} "
                        f"{', '.join(missing)}", file=source, line=1, field=missing[0])
    records = []
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise UserError(f"bad CSV ({exc})", file=source, line=start) from exc
        if row and any(cell.strip() for cell in row):
            if len(row) != len(columns):
                raise UserError(f"{len(row)} cells, the header has {len(columns)}",
                                file=source, line=start)
            records.append(ReviewRecord(dict(zip(columns, row, strict=True)), start))
        start = reader.line_num + 1
    return records
