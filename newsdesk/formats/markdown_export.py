"""Markdown files with YAML front matter, one per story, for Hugo, Jekyll and Pelican.

The front matter is YAML between ``---`` lines (what all three read). Each value stays on
one line (Pelican's reader takes ``key: value`` lines), lists are in flow style, and
``status`` uses the words the generators know (``published`` / ``draft``) while
``workflow`` keeps newsdesk's own status. The footnote follows the body after a marker
comment, so generators print it and an import can tell it apart.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import yaml

from newsdesk.publish.export import (
    Plan,
    StorySource,
    content_key,
    plan_per_story,
)
from newsdesk.publish.safe_markdown import safe_markdown
from newsdesk.publish.stories import ExportStory
from newsdesk.store.timestamps import as_utc

FOOTNOTE_MARKER = "<!-- newsdesk:footnote -->"


class _Dumper(yaml.SafeDumper):
    """Prints times as unquoted RFC 3339 (``2023-03-14T12:50:00Z``), which Hugo requires."""


_Dumper.add_representer(datetime, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:timestamp", value.strftime("%Y-%m-%dT%H:%M:%SZ")))
_GENERATOR_STATUS = {"ready": "published", "published": "published"}


def front_matter(story: ExportStory) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": story.headline,
        "date": _moment(story.date),
        "slug": story.slug,
        "lang": story.language,
        "language": story.language,
        "uuid": story.uuid,
        "status": _GENERATOR_STATUS.get(story.status, "draft"),
        "draft": story.status not in _GENERATOR_STATUS,
        "workflow": story.status,
        "created": _moment(story.created_at),
        "modified": _moment(story.updated_at),
        "dateline": story.dateline.printed(),
        "desk_code": story.desk_code,
        "author": story.byline,
        "section": story.section,
        "urgency": story.urgency,
        "people": [tag.name for tag in story.people],
        "organisations": [tag.name for tag in story.organisations],
        "mentioned": [tag.name for tag in story.tags if tag.relation == "mentioned"],
    }
    return {key: value for key, value in data.items() if value not in ("", [])}


def _moment(value: datetime) -> datetime:
    # A datetime (not a string) so YAML prints it unquoted: Pelican reads the raw text.
    return as_utc(value).replace(microsecond=0)


def to_markdown(story: ExportStory) -> str:
    header = yaml.dump(front_matter(story), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                      default_flow_style=None, width=1_000_000)
    # Generators pass raw HTML through: the body goes out as sanitised as the site's pages.
    text = f"---\n{header}---\n\n{safe_markdown(story.body.strip())}\n"
    if story.footnote.strip():
        text += f"\n{FOOTNOTE_MARKER}\n\n{safe_markdown(story.footnote.strip())}\n"
    return text


class MarkdownFormat:
    name = "markdown"
    with_reviews = False

    def settings_key(self) -> str:
        # 2: bodies sanitised (safe_markdown); 3: indented code kept, attribute lists and
        # unclosed fences no longer pass
        return content_key("markdown", 3)

    def plan(self, source: StorySource) -> Plan:
        return plan_per_story(source, ".md", markdown_bytes)


def markdown_bytes(story: ExportStory) -> bytes:
    return to_markdown(story).encode("utf-8")
