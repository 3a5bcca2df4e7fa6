"""The team server's newsroom the sync tests start from."""

from __future__ import annotations

import pytest

from tests.sync.sync_helpers import build_newsroom


@pytest.fixture
def newsroom(pg_url, tmp_path):
    """A small newsroom on the test server (``build_newsroom``); its URL."""
    build_newsroom(pg_url, tmp_path)
    return pg_url
