"""Who is working: the name shown on story locks and recorded with revisions."""

from __future__ import annotations

import getpass
import os


def default_user_name() -> str:
    """``NEWSDESK_USER``, else the login name; the window lets the user change it."""
    name = os.environ.get("NEWSDESK_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "newsdesk"
