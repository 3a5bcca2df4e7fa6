"""Access to the files shipped in ``resources/``.

In a wheel or a PyInstaller bundle they live inside the package as ``newsdesk/resources``;
in a source checkout (editable install, tests) they are the top-level ``resources/`` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    # The package's own folder, as importlib.resources.files("newsdesk") would give for
    # an installed or bundled newsdesk (both on disk), without importing importlib's
    # resource readers: ~4 ms of the window's start.
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("newsdesk resources are missing from this installation")


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("sample", "articles.json")``."""
    return resources_root().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
