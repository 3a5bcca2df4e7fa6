"""What every benchmark figure is handed: the options and the synthetic database."""

from __future__ import annotations

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

    @property
    def target(self) -> str:
        return self.db_url or str(self.database_path)
