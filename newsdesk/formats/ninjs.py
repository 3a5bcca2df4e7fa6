"""IPTC ninjs (News in JSON): one file per story, versions 2.1 (default) and 3.1.

Mapping: headline -> headlines (role main); body -> bodies (HTML with word and
character counts, plus the Markdown source so a round trip is exact); footnote -> bodies
(role footnote); byline -> by; dateline place -> located; dateline agency ->
copyrightholder; dateline date -> contentcreated; created/updated -> firstcreated /
versioncreated; status -> pubstatus (killed -> canceled); slug -> slugline; tags ->
people / organisations (uri when known, literal otherwise); desk code and the newsdesk
status -> altids. Version 3.x spells the same names in camelCase.
"""

from __future__ import annotations

import json
from typing import Any

from newsdesk.people.registry import is_web_link
from newsdesk.publish.export import (
    Plan,
    StorySource,
    content_key,
    plan_per_story,
)
from newsdesk.publish.render import markdown_to_html
from newsdesk.publish.safe_markdown import safe_markdown
from newsdesk.publish.stories import ExportStory, StoryTag
from newsdesk.store.timestamps import iso_utc
from newsdesk.stories.textstats import char_count, word_count

NINJS_VERSIONS = ("2.1", "3.1")
SCHEMA_URIS = {
    "2.1": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#",
    "3.1": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
}
# Baku's offset: the dateline date is a local calendar date.
DATELINE_OFFSET = "+04:00"
ALTID_DESK_CODE = "deskcode"
ALTID_STATUS = "newsdesk-status"
PUBSTATUS = {"killed": "canceled", "draft": "withheld", "edited": "withheld",
             "ready": "usable", "published": "usable"}

# 2.x name -> 3.x name, for every property newsdesk writes or reads.
CAMEL = {
    "firstcreated": "firstCreated", "versioncreated": "versionCreated",
    "contentcreated": "contentCreated", "pubstatus": "pubStatus",
    "copyrightholder": "copyrightHolder", "copyrightnotice": "copyrightNotice",
    "altids": "altIds", "contenttype": "contentType", "charcount": "charCount",
    "wordcount": "wordCount", "representationtype": "representationType",
    "embargoed": "embargoedUntil", "usageterms": "usageTerms", "ednote": "edNote",
    "infosources": "infoSources", "contactinfo": "contactInfo",
    "trustindicators": "trustIndicators", "rightsinfo": "rightsInfo",
    "geojson": "geoJSON",
}


def to_ninjs(story: ExportStory, version: str = "2.1") -> dict[str, Any]:
    """The ninjs object of one story (2.x names; camelCase for 3.x)."""
    if version not in NINJS_VERSIONS:
        raise ValueError(f"ninjs version {version!r} is not supported")
    item: dict[str, Any] = {
        "uri": f"urn:uuid:{story.uuid}",
        "standard": {"name": "ninjs", "version": version, "schema": SCHEMA_URIS[version]},
        "type": "text",
        "representationtype": "full",
        "version": str(story.version),
        "firstcreated": iso_utc(story.created_at),
        "versioncreated": iso_utc(story.updated_at),
        "pubstatus": PUBSTATUS.get(story.status, "withheld"),
        "urgency": story.urgency,
        "language": story.language,
        "slugline": story.slug,
        "headlines": [{"role": "main", "value": story.headline}],
        "bodies": _bodies(story),
        "altids": _altids(story),
    }
    if story.dateline_date:
        item["contentcreated"] = f"{story.dateline_date.isoformat()}T00:00:00{DATELINE_OFFSET}"
    optional = {"by": story.byline, "located": story.dateline_place,
                "copyrightholder": story.dateline_source}
    item.update({name: value for name, value in optional.items() if value})
    if story.people:
        item["people"] = [_tag(tag) for tag in story.people]
    if story.organisations:
        item["organisations"] = [_tag(tag) for tag in story.organisations]
    return camel_case(item) if version.startswith("3") else item


def _text_body(role: str, markdown_text: str) -> list[dict[str, Any]]:
    counts = {"wordcount": word_count(markdown_text), "charcount": char_count(markdown_text)}
    return [
        {"role": role, "contenttype": "text/html", "value": markdown_to_html(markdown_text),
         **counts},
        {"role": role, "contenttype": "text/markdown", "value": safe_markdown(markdown_text),
         **counts},
    ]


def _bodies(story: ExportStory) -> list[dict[str, Any]]:
    bodies = _text_body("main", story.body)
    if story.footnote.strip():
        bodies += _text_body("footnote", story.footnote)
    return bodies


def _altids(story: ExportStory) -> list[dict[str, str]]:
    ids = [{"role": ALTID_STATUS, "value": story.status}]
    if story.desk_code:
        ids.append({"role": ALTID_DESK_CODE, "value": story.desk_code})
    return ids


def _tag(tag: StoryTag) -> dict[str, str]:
    entry = {"name": tag.name, "rel": tag.relation}
    if tag.uri and is_web_link(tag.uri):  # one stored before links were checked: dropped
        entry["uri"] = tag.uri
    else:
        entry["literal"] = f"newsdesk:{tag.kind}:{tag.entity_id}"
    return entry


def camel_case(value: Any) -> Any:
    """Rename 2.x property names to their 3.x spelling, at every depth."""
    if isinstance(value, dict):
        return {CAMEL.get(key, key): camel_case(item) for key, item in value.items()}
    if isinstance(value, list):
        return [camel_case(item) for item in value]
    return value


def lower_case(value: Any) -> Any:
    """The reverse of ``camel_case``: 3.x names back to 2.x names."""
    reverse = {camel: lower for lower, camel in CAMEL.items()}
    if isinstance(value, dict):
        return {reverse.get(key, key): lower_case(item) for key, item in value.items()}
    if isinstance(value, list):
        return [lower_case(item) for item in value]
    return value


def dumps(item: dict[str, Any]) -> bytes:
    return (json.dumps(item, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class NinjsFormat:
    name = "ninjs"
    with_reviews = False

    def __init__(self, version: str = "2.1") -> None:
        from newsdesk.errors import UserError

        if version not in NINJS_VERSIONS:
            raise UserError(f"ninjs version {version!r} is not supported (choose "
                            f"{' or '.join(NINJS_VERSIONS)})", field="--ninjs-version")
        self.version = version

    def settings_key(self) -> str:
        return content_key("ninjs", self.version, _renderer_key())

    def plan(self, source: StorySource) -> Plan:
        return plan_per_story(source, ".json", ninjs_bytes, self.version)


def ninjs_bytes(story: ExportStory, version: str) -> bytes:
    return dumps(to_ninjs(story, version))


def _renderer_key() -> str:
    """Output changes when the renderers do (HTML bodies, sanitised Markdown bodies): their
    modules' source is part of every key."""
    from newsdesk.publish import render
    from newsdesk.publish import safe_markdown as sanitiser

    return content_key(_source_of(render), _source_of(sanitiser))


def _source_of(module: Any) -> str:
    from pathlib import Path

    try:
        return Path(module.__file__).read_text(encoding="utf-8")
    except OSError:
        return getattr(module, "__name__", "")


