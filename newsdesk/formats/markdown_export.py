"""Markdown files with YAML front matter, one per story, for Hugo, Jekyll and Pelican.

The front matter is YAML between ``---`` lines, a block of ``key: value`` lines. Hugo and
Jekyll read it as YAML; Pelican's own Markdown reader reads each line as text (no YAML),
and stops at the first line that is not ``key: value``. So every value stays on its line,
lists are in flow style (``[A, B]``), nothing carries a YAML tag (``!!timestamp``), and
values are plain wherever YAML allows, so that Pelican sees what YAML does: dates as RFC
3339 (which Hugo requires and Pelican's date parser reads), the dateline without its
closing colon (a trailing colon would need quotes). Pelican reads a list only as text
(``[A, B]``); its ``yaml_metadata`` plugin reads the same front matter as YAML.

``tags`` (people, organisations and places), ``category`` and ``categories`` (the
section) are what the generators list pages by; ``status`` uses their words (``published``
/ ``draft``) while ``workflow`` keeps newsdesk's own status, and ``people``,
``organisations``, ``places``, ``mentioned`` and ``located`` keep what an import needs. The footnote follows the body after a marker
comment, so generators print it and an import can tell it apart.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import yaml

from newsdesk.publish.export import (
    Plan,
    StorySource,
    content_key,
    plan_per_story,
)
from newsdesk.publish.figures import figure_of
from newsdesk.publish.picture_markdown import exported
from newsdesk.publish.pictures import keeps_gps, with_picture_files
from newsdesk.publish.safe_markdown import safe_markdown
from newsdesk.publish.stories import ExportStory, StoryPicture
from newsdesk.store.timestamps import as_utc, iso_utc
from newsdesk.stories.dateline import Dateline, DatelineError, read_dateline

FOOTNOTE_MARKER = "<!-- newsdesk:footnote -->"
_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")


class _Dumper(yaml.SafeDumper):
    """Times as unquoted RFC 3339 (``2023-03-14T12:50:00Z``, which Hugo requires), lists
    on one line, and every text on one line."""


_Dumper.add_representer(datetime, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:timestamp", iso_utc(value)))
# Lists on one line (Pelican stops reading at a "- item" line); the mapping itself is
# dumped in block style, which keeps the timestamps plain (in flow style they would need
# quotes, and then a tag).
_Dumper.add_representer(list, lambda dumper, value: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", value, flow_style=True))
_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value,
    # A line break would spread a single-quoted value over lines; escaped, it stays on one.
    style='"' if _LINE_BREAKS.search(value) else None))
_GENERATOR_STATUS = {"ready": "published", "published": "published"}


def front_matter(story: ExportStory) -> dict[str, Any]:
    dateline = story.dateline
    data: dict[str, Any] = {
        "title": story.headline,
        "date": _moment(story.date),
        "slug": story.slug,
        "lang": story.language,
        "language": story.language,
        "uuid": story.uuid,
        # Read back, the stories of one group are linked again (our Markdown import).
        "translation_group": story.translation_group,
        "status": _GENERATOR_STATUS.get(story.status, "draft"),
        "draft": story.status not in _GENERATOR_STATUS,
        "workflow": story.status,
        "created": _moment(story.created_at),
        "modified": _moment(story.updated_at),
        # Also kept when the story was published and then killed ("date" is then the
        # publication too, but an import takes it as such only for published stories).
        "published": _moment(story.published_at) if story.published_at else "",
        "dateline": _dateline_text(dateline),
        "desk_code": story.desk_code,
        "author": story.byline,
        "section": story.section,
        "category": story.section,
        "categories": [story.section] if story.section else [],
        "urgency": story.urgency,
        "embargo": _moment(story.embargo_until) if story.embargo_until else "",
        # A person and an organisation may share a name: one tag for both.
        "tags": list(dict.fromkeys(
            tag.name for tag in story.people + story.organisations + story.places)),
        "people": [tag.name for tag in story.people],
        "organisations": [tag.name for tag in story.organisations],
        "places": [tag.name for tag in story.places],
        "mentioned": [tag.name for tag in story.tags if tag.relation == "mentioned"],
        "located": [tag.name for tag in story.tags if tag.relation == "located"],
        # The picture files, beside the stories: Hugo's "images" (its Open Graph and
        # Twitter cards take them), and each with its texts (lead first).
        "images": [_picture_file(picture) for picture in story.pictures],
        "pictures": [{"src": _picture_file(picture), "caption": picture.caption,
                      "credit": picture.credit, "alt": picture.alt, "lead": picture.lead}
                     for picture in story.pictures],
    }
    data = {key: value for key, value in data.items() if value not in ("", [])}
    if not _reads_back(dateline):
        # Parts the printed form cannot tell apart (a slash in a place without agency, a
        # place like a date...): given one by one, so the import takes them as they are.
        data.update(dateline_place=dateline.place, dateline_date=dateline.date,
                    dateline_source=dateline.source)
    return data


def _picture_file(picture: StoryPicture) -> str:
    figure = figure_of(picture)
    return figure.path(figure.widths[-1], "jpg")


def _placed_file(story: ExportStory, prefix: str) -> tuple[str, str] | None:
    """A picture placed in the body: its alt text and the file copied beside the story
    (the same as the front matter's), or None when the story has no such picture."""
    picture = next((p for p in story.pictures if p.sha256.startswith(prefix)), None)
    return (picture.alt, _picture_file(picture)) if picture is not None else None


def _dateline_text(dateline: Dateline) -> str:
    return dateline.printed().removesuffix(":")


def _reads_back(dateline: Dateline) -> bool:
    try:
        return read_dateline(_dateline_text(dateline)) == dateline
    except DatelineError:
        return False


def _moment(value: datetime) -> datetime:
    # A datetime (not a string) so YAML prints it unquoted: Pelican reads the raw text.
    return as_utc(value).replace(microsecond=0)


def to_markdown(story: ExportStory) -> str:
    header = yaml.dump(front_matter(story), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                       default_flow_style=False, width=1_000_000)
    # Generators pass raw HTML through: the body goes out as sanitised as the site's pages.
    body = exported(story.body.strip(), lambda prefix: _placed_file(story, prefix))
    text = f"---\n{header}---\n\n{safe_markdown(body)}\n"
    if story.footnote.strip():
        text += f"\n{FOOTNOTE_MARKER}\n\n{safe_markdown(story.footnote.strip())}\n"
    return text


class MarkdownFormat:
    name = "markdown"
    with_reviews = False

    def settings_key(self) -> str:
        # 2: bodies sanitised (safe_markdown); 3: block front matter, tags and category;
        # 4: indented code kept, attribute lists and unclosed fences no longer pass;
        # 5: embargo and pictures in the front matter, picture files beside the stories;
        # 6: pictures placed in the body written as images of those files.
        return content_key("markdown", 6, keeps_gps())

    def plan(self, source: StorySource) -> Plan:
        return with_picture_files(plan_per_story(source, ".md", markdown_bytes), source,
                                  ".md", widest_only=True)


def markdown_bytes(story: ExportStory) -> bytes:
    return to_markdown(story).encode("utf-8")
