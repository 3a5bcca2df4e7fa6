"""Counting words and characters the way the status bar and revisions show them."""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def char_count(text: str) -> int:
    return len(text)
