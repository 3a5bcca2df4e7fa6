"""How long a headline may be: one limit for saving, importing and the editor's field."""

from __future__ import annotations

# A headline is one line of a page; anything far longer is a file read the wrong way
# (a wire file without line breaks), a paste that missed the body, or an attempt to
# swamp lists and exports.
MAX_HEADLINE = 500


def headline_refusal(headline: str) -> str | None:
    """Why ``headline`` cannot be a story's headline, or None if it can."""
    if len(headline) > MAX_HEADLINE:
        return (f"{len(headline):,} characters, more than the {MAX_HEADLINE} a headline "
                "may have; shorten it")
    return None
