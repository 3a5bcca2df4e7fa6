"""Tag suggestions: known people and organisations found in a story, and new candidates.

Names reach the agency through Azerbaijani, Russian and English, so one person is spelt
``Mammadov``, ``Məmmədov``, ``Mamedov`` and ``Мамедов``. Every word is reduced to a
variant key (``keys``) and names are matched word by word through a trie of those keys
(``index``, cached per registry state): registry names in ``known``, new names in
``candidates``. The word lists behind the rules are text files in ``resources/lexicon/``
(``lexicon``); ``tokens`` cuts a story into words.

No Qt here: the CLI, the tag panel and the benchmark share this package.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdesk.people.suggest.candidates import candidate_suggestions
from newsdesk.people.suggest.index import (
    KnownEntity,
    RegistryIndex,
    build_index,
    forget_index,
    registry_index,
)
from newsdesk.people.suggest.keys import clear_word_caches, transliterate, variant_key
from newsdesk.people.suggest.known import (
    Mention,
    Suggestion,
    find_known,
    find_surnames,
    known_suggestions,
    mentions,
)
from newsdesk.people.suggest.tokens import tokenize, with_keys

__all__ = [
    "KnownEntity", "Mention", "RegistryIndex", "Suggestion", "build_index",
    "clear_word_caches", "forget_index", "mentions", "registry_index", "story_parts",
    "suggest", "transliterate", "variant_key",
]


def story_parts(headline: str, body: str, footnote: str) -> list[str]:
    return [headline or "", body or "", footnote or ""]


def suggest(parts: Sequence[str], index: RegistryIndex | None = None, *,
            language: str = "") -> list[Suggestion]:
    """Suggestions for a story's texts (headline, body, footnote), best first."""
    index = index if index is not None else RegistryIndex()
    tokens_by_part = [tokenize(text, number) for number, text in enumerate(parts)]
    tokens = [t for part in tokens_by_part for t in part]
    with_keys(tokens, index.words)
    found, used = find_known(tokens, index)
    found += find_surnames(tokens, used, index, found)
    known = known_suggestions(found, index)
    candidates = candidate_suggestions(parts, tokens_by_part, used, index, known)
    return _ordered(known) + _ordered(candidates)


def _ordered(suggestions: list[Suggestion]) -> list[Suggestion]:
    return sorted(suggestions, key=lambda s: (-s.count, s.name.casefold()))
