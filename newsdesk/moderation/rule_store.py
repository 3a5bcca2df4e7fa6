"""The moderation rules: banned and suspect words, banned authors, the link limit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newsdesk.store.models import ModerationRule, Setting, database_proxy

DEFAULT_MAX_LINKS = 2
MAX_LINKS_KEY = "moderation.max_links"


@dataclass
class Rules:
    banned_words: list[str] = field(default_factory=list)
    suspect_words: list[str] = field(default_factory=list)
    banned_authors: list[str] = field(default_factory=list)
    max_links: int = DEFAULT_MAX_LINKS


def load_rules() -> Rules:
    rules = Rules()
    by_kind = {"banned_word": rules.banned_words, "suspect_word": rules.suspect_words,
               "banned_author": rules.banned_authors}
    for rule in ModerationRule.select().order_by(ModerationRule.value):
        by_kind[rule.kind].append(rule.value)
    max_links = Setting.get_value(MAX_LINKS_KEY)
    if max_links:
        rules.max_links = int(max_links)
    return rules


def replace_rules(data: Mapping[str, Any]) -> Rules:
    """Replace every rule with ``data`` (keys as in ``Rules``) in one transaction."""
    rows = []
    for key, kind in (("banned_words", "banned_word"), ("suspect_words", "suspect_word"),
                      ("banned_authors", "banned_author")):
        values = {str(v).strip() for v in data.get(key, []) if str(v).strip()}
        rows += [{"kind": kind, "value": value} for value in sorted(values)]
    max_links = int(data.get("max_links", DEFAULT_MAX_LINKS))
    with database_proxy.atomic():
        ModerationRule.delete().execute()
        if rows:
            ModerationRule.insert_many(rows).execute()
        Setting.put(MAX_LINKS_KEY, str(max_links))
    return load_rules()
