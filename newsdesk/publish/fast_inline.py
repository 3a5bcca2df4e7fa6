"""Python-Markdown's inline stage without the calls that cannot match: same output, less time.

Python-Markdown tries every inline pattern (links, emphasis, smarty's fifteen quote rules...)
on every run of text, one Python call each, and those calls are most of the time a story
takes to render: a 2,000-word story makes about 5,000 of them, nearly all finding nothing.
Most patterns cannot match without some character: a link needs ``[``, emphasis ``*`` or
``_``, an en dash ``--``. ``required_texts`` works out, from each pattern's own regular
expression, strings one of which every match must contain; the inline stage then skips a
pattern on text that holds none of them. A skipped pattern is exactly one whose search would
have found nothing, so the HTML is the same (``tests/publish/test_fast_inline.py`` compares it with
stock Python-Markdown on thousands of generated documents).

It works through two private parts of Python-Markdown (the inline processor's
``__handleInline`` / ``__applyPattern``) and of ``re`` (its pattern parser). When either is
missing, ``FastInlineExtension`` changes nothing and Python-Markdown runs as shipped. When
they are there but behave differently (a release the cap in pyproject.toml did not foresee),
``agrees_with_stock`` notices on a fixed sample and the renderer runs without the shortcut.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import markdown
from markdown import util
from markdown.treeprocessors import InlineProcessor

try:  # the parser behind re.compile; private, so only used when it is there
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python versions
    _sre = _sre_parse = None

_MAX_CLASS_SIZE = 16  # character classes larger than this are not worth testing for
Needs = frozenset[str] | None  # strings one of which a match contains; None: no rule known


def available() -> bool:
    """Whether this Python and this Python-Markdown have the parts the shortcut uses."""
    return (_sre_parse is not None
            and hasattr(InlineProcessor, "_InlineProcessor__applyPattern")
            and hasattr(InlineProcessor, "_InlineProcessor__handleInline"))


@lru_cache(maxsize=256)
def required_texts(pattern: str, flags: int = 0) -> Needs:
    """Strings one of which any match of ``pattern`` needs in the searched text, or None.

    Positive lookarounds count (what they look at must be in the text too); anything the
    analysis does not understand, or case-insensitive matching, gives None: no shortcut.
    """
    if _sre_parse is None or flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - any surprise means: no shortcut, never a wrong one
        return None
    return _sequence(list(parsed))


def _sequence(items: list[Any]) -> Needs:
    """A sequence matches only if each of its parts does: the most selective part decides."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []  # consecutive literals must appear together
    for op, value in items:
        if op is _sre.LITERAL:
            run.append(chr(value))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        needs = _item(op, value)
        if needs is not None:
            candidates.append(needs)
    if run:
        candidates.append(frozenset(["".join(run)]))
    if not candidates:
        return None
    return max(candidates, key=lambda texts: (min(map(len, texts)), -len(texts)))


def _item(op: Any, value: Any) -> Needs:
    if op is _sre.IN:
        return _character_class(value)
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = value
        return None if add_flags & re.IGNORECASE else _sequence(list(pattern))
    if op is _sre.ATOMIC_GROUP:
        return _sequence(list(value))
    if op is _sre.ASSERT:  # a positive lookahead or lookbehind: the text holds it too
        return _sequence(list(value[1]))
    if op is _sre.BRANCH:
        branches = [_sequence(list(branch)) for branch in value[1]]
        known = [needs for needs in branches if needs is not None]
        if len(known) < len(branches):
            return None
        return frozenset[str]().union(*known)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, pattern = value
        pattern = list(pattern)
        if low >= 1 and len(pattern) == 1 and pattern[0][0] is _sre.LITERAL:
            return frozenset([chr(pattern[0][1]) * low])  # "\.{3}" needs "..."
        return _sequence(pattern) if low >= 1 else None
    return None  # anchors, negative lookarounds, any character, categories, backreferences


def _character_class(members: list[Any]) -> Needs:
    chars: set[str] = set()
    for op, value in members:
        if op is _sre.LITERAL:
            chars.add(chr(value))
        elif op is _sre.RANGE and value[1] - value[0] < _MAX_CLASS_SIZE:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        else:  # negated classes, categories (\s, \w), wide ranges
            return None
    return frozenset(chars) if 0 < len(chars) <= _MAX_CLASS_SIZE else None


def pattern_needs(pattern: object) -> Needs:
    """What an inline pattern needs in a text to match there (None: always try it)."""
    try:
        compiled = pattern.getCompiledRegExp()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a pattern we do not understand is always tried
        return None
    if not isinstance(compiled, re.Pattern):
        return None
    return required_texts(compiled.pattern, compiled.flags)


def _test_form(needs: Needs) -> str | tuple[str, ...] | None:
    """One string on its own (most patterns need one: a plain ``in`` test), else a tuple."""
    if needs is None:
        return None
    return next(iter(needs)) if len(needs) == 1 else tuple(sorted(needs))


class SkippingInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, skipping patterns the text cannot match."""

    def run(self, tree: Any, ancestors: Any = None) -> Any:
        # The patterns in the order Python-Markdown applies them, each with what it needs:
        # worked out again only when the registry holds other patterns than last time.
        patterns = list(self.inlinePatterns)
        key = tuple(map(id, patterns))
        if getattr(self, "_table_key", None) != key:
            self._table = [(pattern, _test_form(pattern_needs(pattern)))
                           for pattern in patterns]
            self._table_key = key
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802,N803
        # The loop of InlineProcessor.__handleInline, plus the test: a pattern that cannot
        # match gets the same outcome its search would give (no match, start again at 0).
        # Tested when a pattern starts only: a pattern that goes on from a match or a
        # rejected opener searches from there anyway, and testing the whole text again at
        # each of thousands of those made a paragraph of them quadratic.
        if isinstance(data, util.AtomicString):
            return data
        table = self._table
        apply = self._InlineProcessor__applyPattern
        count = len(table)
        start = 0
        while patternIndex < count:
            pattern, needs = table[patternIndex]
            if start == 0 and needs is not None and (needs not in data if type(needs) is str
                                      else not any(text in data for text in needs)):
                patternIndex += 1
                start = 0
                continue
            data, matched, start = apply(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


class FastInlineExtension(markdown.Extension):
    """Swap the inline processors (core and smarty's) for skipping ones. List it last."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - the API's name
        if not available():
            return
        priorities = {item.name: item.priority for item in md.treeprocessors._priority}
        for name, priority in priorities.items():
            current = md.treeprocessors[name]
            if type(current) is InlineProcessor:
                replacement = SkippingInlineProcessor(md)
                replacement.inlinePatterns = current.inlinePatterns
                md.treeprocessors.register(replacement, name, priority)


# Every kind of inline syntax the shortcut decides about (extra's and smarty's included),
# with near misses: what ``agrees_with_stock`` renders both ways.
SELF_CHECK_SAMPLE = """\
# Baku's *mayor* -- "quoted" and 'single' ... the '90s --- rock 'n' roll

**Strong**, __strong__, ***both***, _em_, snake_case_word, 2*3*4, * not em *, `code`,
``co`de``, \\`, \\*, [link](http://example.com "title"), [ref][r1], [r1][], ![img](i.png),
![img][r1], a footnote[^1], <http://example.com/a?b=c>, <mail@example.com>, <b>bold</b>,
&amp; &copy; &#8212; & alone, HTML, a <!-- comment --> and a hard break\x20\x20
end.

> - Quoted *list* item with [r1] and "nested 'quotes'".

| a | b |
|---|---|
| *cell* | [r1] |

*[HTML]: Hyper Text Markup Language
[r1]: http://example.com/ref "Ref title"
[^1]: A footnote with *em*.
"""


def agrees_with_stock(extensions: Callable[[], Sequence[Any]],
                      sample: str = SELF_CHECK_SAMPLE) -> bool:
    """Whether Python-Markdown with the extensions ``extensions()`` makes (each call: a
    Markdown's own) renders ``sample`` the same with the shortcut as without it (False
    also when the shortcut fails outright)."""
    stock = markdown.Markdown(extensions=list(extensions()), output_format="html")
    fast = markdown.Markdown(extensions=[*extensions(), FastInlineExtension()],
                             output_format="html")
    try:
        return bool(fast.convert(sample) == stock.convert(sample))
    except Exception:  # noqa: BLE001 - a shortcut that breaks is one not to use
        return False
