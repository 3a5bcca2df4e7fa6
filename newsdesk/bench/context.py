"""What every benchmark figure is handed: the options and the synthetic database."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from newsdesk.bench.synthetic import synthetic_database


@dataclass
class BenchContext:
    articles: int = 100_000
    db_url: str | None = None  # a postgresql:// URL instead of the cached SQLite file
    options: dict[str, str] = field(default_factory=dict)

    @cached_property
    def database_path(self) -> Path:
        """The synthetic SQLite database, built on first use and cached between runs."""
        return synthetic_database(self.articles)

    @cached_property
    def target(self) -> str:
        """What the figures open: the SQLite file, or the PostgreSQL database filled with
        the same synthetic newsroom (copied there on first use)."""
        if not self.db_url:
            return str(self.database_path)
        fill_postgres(self.db_url, self.database_path, self.articles)
        return self.db_url


def fill_postgres(url: str, source: Path, articles: int) -> None:
    """Copy the synthetic newsroom into an empty PostgreSQL database (once)."""
    from newsdesk.errors import UserError
    from newsdesk.store.copy import copy_database
    from newsdesk.store.db import open_database
    from newsdesk.store.models import Article

    target = open_database(url)
    try:
        present = Article.select().count()
        if present == articles:
            return
        if present:
            raise UserError(f"holds {present} stories, not the {articles} of the synthetic "
                            "newsroom; give an empty database", file=target.target)
        print(f"copying the synthetic newsroom ({articles} stories) to {target.target}...",
              file=sys.stderr)
        sqlite = open_database(str(source), migrate=False)  # the cache is current by name
        try:
            copy_database(sqlite, target)
        finally:
            sqlite.close()
    finally:
        target.close()
