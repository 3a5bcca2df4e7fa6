"""The window the window tests share."""

from __future__ import annotations

import pytest

from tests.conftest import show_window


@pytest.fixture
def window(qtbot, db, settings):
    """The window on the test's database (``db``), shown. A module that wants more (its
    story open, a mode shown) overrides it as ``window(story, window)``: the data its
    fixtures make first, as a user's window finds it when it opens."""
    return show_window(qtbot, db, settings)
