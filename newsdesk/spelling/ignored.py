"""Words the spell check leaves alone in one story ("Ignore in this story"), kept in the
database with the story, so that reopening it, or a colleague opening it in team mode,
still leaves them alone."""

from __future__ import annotations

from newsdesk.errors import UserError
from newsdesk.spelling.dictionaries import lower
from newsdesk.spelling.newsroom import MAX_WORD
from newsdesk.store.models import Article, IgnoredWord


def ignored_words(article_id: int) -> set[str]:
    """The words ignored in a story, in the dictionaries' lower case."""
    return set(IgnoredWord.select(IgnoredWord.word)
               .where(IgnoredWord.article == article_id).scalars())


def ignore_word(article_id: int, word: str, language: str, *, ignored_by: str = "") -> str:
    """Ignore ``word`` in the story from now on; returns the word as kept."""
    cleaned = lower(word.strip(), language or "en")
    if not cleaned or len(cleaned) > MAX_WORD or any(c.isspace() for c in cleaned):
        raise UserError(f"not a word to ignore: {word[:40]!r}", field="word")
    if Article.get_or_none(Article.id == article_id) is None:
        raise UserError(f"no story {article_id}")
    (IgnoredWord.insert(article=article_id, word=cleaned, ignored_by=ignored_by)
     .on_conflict_ignore().execute())
    return cleaned
