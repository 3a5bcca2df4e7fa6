"""How long a headline may be: one limit for saving, importing and the editor's field."""

from __future__ import annotations

from newsdesk.texts import Phrase, Text

# A headline is one line of a page; anything far longer is a file read the wrong way
# (a wire file without line breaks), a paste that missed the body, or an attempt to
# swamp lists and exports.
MAX_HEADLINE = 500


TOO_LONG = Phrase("headline.too_long", "{length} characters, more than the {limit} a "
                  "headline may have; shorten it")


def headline_refusal(headline: str) -> Text | None:
    """Why ``headline`` cannot be a story's headline, or None if it can."""
    if len(headline) > MAX_HEADLINE:
        return TOO_LONG(length=f"{len(headline):,}", limit=str(MAX_HEADLINE))
    return None
