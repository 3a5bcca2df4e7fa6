"""What the automatic moderation rules say about one review (no database, no Qt).

Matching runs on a *normalised* copy of the text: zero-width and direction-override
characters removed (readers hide ``i\u200bd\u200bi\u200bo\u200bt`` from filters that way)
and folded like everywhere else (``Əliyev`` -> ``aliyev``). Display uses ``visible_text``
(the moderator sees the hidden characters) or ``public_text`` (the published page gets them
neutralised), never the raw string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.moderation.rule_store import Rules
from newsdesk.search.folding import fold
from newsdesk.texts import Phrase, Text

# Characters that change nothing visible but defeat word filters or reorder what is shown.
ZERO_WIDTH = {
    "\u200b": "ZWSP", "\u200c": "ZWNJ", "\u200d": "ZWJ", "\u2060": "WJ", "\ufeff": "BOM",
    "\u00ad": "SHY", "\u180e": "MVS",
}
BIDI_CONTROLS = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI", "\u200e": "LRM",
    "\u200f": "RLM", "\u061c": "ALM",
}
HIDDEN = {**ZERO_WIDTH, **BIDI_CONTROLS}
_HIDDEN_RE = re.compile("[" + "".join(HIDDEN) + "]")
# Other C0/C1 control characters (not tab or newline) are never meant to be shown.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# ZWJ and ZWNJ are real parts of some scripts and emoji, so the public page keeps them.
_PUBLIC_DROP_RE = re.compile("[" + "".join(c for c in HIDDEN if c not in "\u200c\u200d")
                             + "]")

LINK_RE = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+|\bjavascript:",
                     re.IGNORECASE)
REPEAT_MIN_CHARS = 20  # "Thanks!" from two readers is not a repeat worth flagging
SHOUTING_MIN_LETTERS = 12
SHOUTING_SHARE = 0.7
LONG_TEXT_CHARS = 5000


# The earlier review a repeat repeats: when, and under which story.
REPEATED_REVIEW = Phrase("flag.repeated_review", "{date} under “{headline}”")
# Why a rule flagged a review, by flag code; a flag's reason is stored as this English.
FLAG_REASONS = {
    "banned_author": Phrase("flag.banned_author", "banned author: {author}"),
    "banned_word": Phrase("flag.banned_word", "banned word: {word}"),
    "suspect": Phrase("flag.suspect", "suspect word: {word}"),
    "links": Phrase("flag.links", "{count} links", english_one="{count} link"),
    "repeat": Phrase("flag.repeat", "repeat of a review on {original}"),  # REPEATED_REVIEW
    "shouting": Phrase("flag.shouting", "shouting (mostly capitals)"),
    "hidden": Phrase("flag.hidden", "hidden characters: {characters}"),
    "long": Phrase("flag.long", "very long ({count} characters)",
                   english_one="very long ({count} character)"),
}


def flag_reason(code: str, reason: str) -> Text | str:
    """A stored flag's reason as the phrase it was made from (the stored text itself
    when no phrase says it, e.g. a flag written by an older version)."""
    phrase = FLAG_REASONS.get(code)
    text = phrase.parse(reason) if phrase else None
    if text is None:
        return reason
    original = text.values.get("original")
    if isinstance(original, str):
        text = Text(text.phrase, {"original": REPEATED_REVIEW.parse(original) or original})
    return text


@dataclass(frozen=True)
class Flag:
    code: str  # links | suspect | repeat | shouting | banned_word | banned_author | hidden | long
    reason: str


# What each flag code is called where flags are counted (the dashboard, the queue filter).
FLAG_NAMES = {
    "links": Phrase("flag_name.links", "Links"),
    "suspect": Phrase("flag_name.suspect", "Suspect words"),
    "repeat": Phrase("flag_name.repeat", "Repeats"),
    "shouting": Phrase("flag_name.shouting", "Shouting"),
    "banned_word": Phrase("flag_name.banned_word", "Banned words"),
    "banned_author": Phrase("flag_name.banned_author", "Banned authors"),
    "hidden": Phrase("flag_name.hidden", "Hidden characters"),
    "long": Phrase("flag_name.long", "Very long"),
}
FLAG_LABELS = {code: name.english for code, name in FLAG_NAMES.items()}


def flag_name(code: str) -> Text | str:
    """A flag code as the phrase people read (an unknown code, e.g. from a newer newsdesk,
    as is)."""
    phrase = FLAG_NAMES.get(code)
    return phrase() if phrase else code


def flag_label(code: str) -> str:
    """A flag code as people read it, in English (the command line's)."""
    return str(flag_name(code))


@dataclass
class Verdict:
    """The rules' outcome for one review: the status it starts in and why."""

    status: str = "pending"
    flags: list[Flag] = field(default_factory=list)


def normalise(text: str) -> str:
    """The text used for matching: hidden characters gone, folded, spaces collapsed."""
    text = _HIDDEN_RE.sub("", text)
    # ASCII needs no Unicode folding; skipping it makes bulk imports several times faster.
    folded = text.lower() if text.isascii() else fold(text)
    return " ".join(folded.split())


def visible_text(text: str) -> str:
    """For the moderator: every hidden or control character shown as a visible mark."""
    shown = _HIDDEN_RE.sub(lambda m: f"\u27e8{HIDDEN[m.group()]}\u27e9", text)
    return _CONTROL_RE.sub(lambda m: f"\u27e8U+{ord(m.group()):04X}\u27e9", shown)


def public_text(text: str) -> str:
    """For readers: direction overrides and invisible separators removed (not shown)."""
    return _CONTROL_RE.sub("", _PUBLIC_DROP_RE.sub("", text))


def hidden_characters(text: str) -> list[str]:
    return sorted({HIDDEN[c] for c in _HIDDEN_RE.findall(text)})


def count_links(text: str) -> int:
    return len(LINK_RE.findall(_HIDDEN_RE.sub("", text)))


def is_shouting(text: str) -> bool:
    """Mostly capitals, in any script with case (Latin, Cyrillic)."""
    # map() over str methods runs in C: this is called for every imported review.
    upper = sum(map(str.isupper, text))
    letters = upper + sum(map(str.islower, text))
    if letters < SHOUTING_MIN_LETTERS:
        return False
    return upper / letters >= SHOUTING_SHARE


def word_pattern(words: list[str]) -> re.Pattern[str] | None:
    """One regex for a word list: whole words (or phrases), allowing a short ending
    (``idiots``, ``идиоты``), matched against ``normalise``d text."""
    folded = sorted({normalise(w) for w in words if normalise(w)}, key=len, reverse=True)
    if not folded:
        return None
    alternatives = "|".join(re.escape(w) for w in folded)
    return re.compile(rf"(?<!\w)({alternatives})\w{{0,3}}(?!\w)")


class RuleSet:
    """The rules compiled once, then applied to many reviews."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.banned = word_pattern(rules.banned_words)
        self.suspect = word_pattern(rules.suspect_words)
        self.banned_authors = {fold(a.strip()) for a in rules.banned_authors if a.strip()}

    def is_banned_author(self, author: str, email: str) -> bool:
        if not self.banned_authors:
            return False
        return bool({fold(author.strip()), fold(email.strip())} & self.banned_authors)

    def evaluate(self, text: str, author: str, email: str, repeat_of: str | None = None,
                 normalised: str | None = None) -> Verdict:
        """``repeat_of`` describes an earlier review with the same text, if there is one;
        ``normalised`` is ``normalise(text)`` when the caller has it already."""
        verdict = Verdict()
        matched = normalise(text) if normalised is None else normalised
        if self.is_banned_author(author, email):
            verdict.flags.append(_flag("banned_author", author=email or author))
        if self.banned:
            for word in sorted({m.group(1) for m in self.banned.finditer(matched)}):
                verdict.flags.append(_flag("banned_word", word=word))
        if verdict.flags:
            verdict.status = "rejected"
        if self.suspect:
            for word in sorted({m.group(1) for m in self.suspect.finditer(matched)}):
                verdict.flags.append(_flag("suspect", word=word))
        links = count_links(text)
        if links > self.rules.max_links:
            verdict.flags.append(_flag("links", count=links))
        if repeat_of:
            verdict.flags.append(_flag("repeat", original=repeat_of))
        if is_shouting(text):
            verdict.flags.append(_flag("shouting"))
        hidden = hidden_characters(text)
        if hidden:
            verdict.flags.append(_flag("hidden", characters=", ".join(hidden)))
        if len(text) > LONG_TEXT_CHARS:
            verdict.flags.append(_flag("long", count=len(text)))
        return verdict


def _flag(code: str, **values: object) -> Flag:
    return Flag(code, str(FLAG_REASONS[code](**values)))
