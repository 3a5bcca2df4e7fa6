"""The one table of letters folded by hand for matching, read by every folding side.

``ə`` and ``ı`` have no Unicode decomposition (so neither NFKD nor a diacritic-stripping
tokenizer turns them into ``a`` and ``i``), and a few more need a fixed answer. Python's
``newsdesk.search.folding.fold`` translates with this table; the SQLite and PostgreSQL
search indexes generate their SQL from it, so a query and the index it searches always
fold alike. It lives in the store because the index triggers are built here, and the store
may not import from the search package above it.
"""

from __future__ import annotations

# In this order: the SQL built from it is installed by migrations, and the same order
# keeps that SQL text unchanged. No output letter is an input letter, so order never
# changes a result.
FOLDED_LETTERS: tuple[tuple[str, str], ...] = (
    ("ə", "a"), ("Ə", "a"), ("ı", "i"), ("İ", "i"), ("ё", "е"), ("Ё", "е"), ("ß", "ss"),
    ("’", "'"), ("‘", "'"), ("ʼ", "'"),
)
