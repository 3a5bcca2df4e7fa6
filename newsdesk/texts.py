"""Sentences the domain says to people, in English, translatable by the window.

The domain has no Qt: a message it builds (a refusal, a count, a label) is a ``Text``: a
declared ``Phrase`` (an id and an English ``str.format`` template) and the values for its
fields. ``str()`` gives the English sentence, which the command line prints; the window
looks the phrase's id up in its own translations (``newsdesk.ui.domain_texts``) and fills
the translated template with the same values.

A value may itself be a ``Text`` (a status label inside a refusal) or a list of them
(joined with commas); ``{name:lower}`` puts a value in lower case. A phrase that counts
something has an ``english_one`` for a ``count`` of 1 (the window uses Qt's plural forms).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Every phrase declared so far, by id (the window's test checks it translates them all).
PHRASES: dict[str, Phrase] = {}


@dataclass(frozen=True)
class Phrase:
    """A sentence the domain may say: its id and its English template."""

    id: str
    english: str
    english_one: str | None = None  # the template for a ``count`` of exactly 1

    def __post_init__(self) -> None:
        known = PHRASES.setdefault(self.id, self)
        if known != self:
            raise ValueError(f"phrase id {self.id!r} is declared twice, differently")

    def __call__(self, **values: Any) -> Text:
        return Text(self, values)

    def fields(self) -> set[str]:
        """The names of the template's fields (both forms)."""
        return fields_of(self.english) | fields_of(self.english_one or "")

    def parse(self, sentence: str) -> Text | None:
        """The ``Text`` whose English is ``sentence`` (a sentence stored in the database
        as the CLI shows it), or None if this phrase does not say it. A ``count`` comes
        back as a number."""
        for template in filter(None, (self.english, self.english_one)):
            found = _pattern(template).fullmatch(sentence)
            if found:
                values: dict[str, Any] = found.groupdict()
                if "count" in values:
                    values["count"] = int(values["count"].replace(",", ""))
                return Text(self, values)
        return None


@dataclass(frozen=True)
class Text:
    """A phrase with its values; ``str()`` is the English sentence."""

    phrase: Phrase
    values: Mapping[str, Any] = field(default_factory=dict)

    def template(self) -> str:
        """The English template for these values (the singular one for a count of 1)."""
        if self.phrase.english_one is not None and self.values.get("count") == 1:
            return self.phrase.english_one
        return self.phrase.english

    def __str__(self) -> str:
        return fill(self.template(), self.values, english_value, str.lower)


def english_value(value: Any) -> str:
    """A value as the English sentence shows it."""
    if isinstance(value, Text):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(english_value(item) for item in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


class _Filler(string.Formatter):
    def __init__(self, shown: Callable[[Any], str], lower: Callable[[str], str]) -> None:
        super().__init__()
        self.shown = shown
        self.lower = lower

    def format_field(self, value: Any, format_spec: str) -> str:
        text = self.shown(value)
        return self.lower(text) if format_spec == "lower" else format(text, format_spec)


def fill(template: str, values: Mapping[str, Any], shown: Callable[[Any], str],
         lower: Callable[[str], str]) -> str:
    """``template`` with its fields filled: each value through ``shown``, and ``lower``
    for the fields written ``{name:lower}``."""
    return _Filler(shown, lower).vformat(template, (), values)


def _pattern(template: str) -> re.Pattern[str]:
    """A template as a regular expression: each field a named group."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(rf"(?P<{name}>[\d,]+)" if name == "count" else rf"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


def fields_of(template: str) -> set[str]:
    """The field names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
