"""The newsroom's own spelling dictionary: words anyone added, shared by everyone on the
database (team mode included)."""

from __future__ import annotations

from newsdesk.errors import UserError
from newsdesk.spelling.dictionaries import lower
from newsdesk.store.models import NewsroomWord

MAX_WORD = 100


def add_word(word: str, language: str = "", *, added_by: str = "") -> bool:
    """Add ``word`` (for ``language``, or every language with ""); False if it was there."""
    cleaned = lower(word.strip(), language or "en")
    if not cleaned or len(cleaned) > MAX_WORD or any(c.isspace() for c in cleaned):
        raise UserError(f"not a word for the dictionary: {word[:40]!r}", field="word")
    there = NewsroomWord.select().where((NewsroomWord.word == cleaned)
                                        & (NewsroomWord.language == language)).exists()
    if not there:
        (NewsroomWord.insert(word=cleaned, language=language, added_by=added_by)
         .on_conflict_ignore().execute())
    return not there


def words(language: str) -> set[str]:
    """The newsroom's words for ``language`` and for every language."""
    return set(NewsroomWord.select(NewsroomWord.word)
               .where(NewsroomWord.language.in_([language, ""])).scalars())
