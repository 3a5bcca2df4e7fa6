"""IPTC ninjs (News in JSON): one file per story, versions 2.1 (default) and 3.1.

Mapping: headline -> headlines (role main); body -> bodies (HTML with word and
character counts, plus the Markdown source so a round trip is exact); footnote -> bodies
(role footnote); byline -> by; dateline place -> located; dateline agency ->
copyrightholder; created/updated -> firstcreated / versioncreated; status -> pubstatus
(killed -> canceled); slug -> slugline; tags -> people / organisations / places (uri
when known, literal otherwise; a place's coordinates as a GeoJSON point); section -> a
subject with the literal ``newsdesk:section:<name>``; desk code, the newsdesk status,
publish time and dateline date -> altids; embargo -> embargoed (3.x: embargoedUntil).

Translations: neither version has a field of its own for them. The group goes in the
altid ``newsdesk-translation-group`` (its uuid), and each other story of the group in
``associations``: ``{"name": "translation-<language>", "uri": <its item's uri>, "type":
"text", "language": <its language>}``, in 3.x with ``"rel": "translation"`` (3.x gives
an association a relationship; 2.x allows no ``rel`` there, so the name says it). Reading
them back puts the item in the group again (``ninjs_import``).

A story from an agency keeps its identity: ``uri`` is the agency's (our uuid goes in
altids), ``version`` and ``versioncreated`` are the agency's, and everything the agency's
file said that newsdesk does not edit (subjects, copyright notice, ednote, ...) is
written back as it came. A dateline date is a calendar date, not a moment: it goes in
``contentcreated`` (a date-time) only as midnight in the newsroom's time zone when one is
set, and always in the altid ``newsdesk-dateline-date``, which is read back exactly.
Version 3.x spells the same names in camelCase.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from newsdesk.formats.ninjs_schema import fitted
from newsdesk.people.registry import is_web_link, normalize_name
from newsdesk.publish.export import (
    Plan,
    StorySource,
    content_key,
    module_key,
    plan_per_story,
)
from newsdesk.publish.figures import figure_of
from newsdesk.publish.page import LinkStyle, picture_placer
from newsdesk.publish.picture_markdown import exported
from newsdesk.publish.pictures import keeps_gps, with_picture_files
from newsdesk.publish.render import markdown_to_html
from newsdesk.publish.safe_markdown import safe_markdown
from newsdesk.publish.stories import ExportStory, StoryTag
from newsdesk.store.timestamps import as_date, iso_utc
from newsdesk.stories.images import rendered_size
from newsdesk.stories.newsroom_zone import start_of_day, zone_name
from newsdesk.stories.textstats import char_count, word_count

NINJS_VERSIONS = ("2.1", "3.1")
SCHEMA_URIS = {
    "2.1": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#",
    "3.1": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
}
ALTID_DESK_CODE = "deskcode"
ALTID_STATUS = "newsdesk-status"
ALTID_UUID = "newsdesk-uuid"  # ours, when ``uri`` is the agency's
ALTID_PUBLISHED = "newsdesk-published"
ALTID_DATELINE_DATE = "newsdesk-dateline-date"
ALTID_TRANSLATION_GROUP = "newsdesk-translation-group"
OUR_ALTIDS = frozenset({ALTID_DESK_CODE, ALTID_STATUS, ALTID_UUID, ALTID_PUBLISHED,
                        ALTID_DATELINE_DATE, ALTID_TRANSLATION_GROUP})
TRANSLATION_NAME = "translation-"  # + the language: a translation's association
TRANSLATION_REL = "translation"  # its relationship (3.x)
SECTION_LITERAL = "newsdesk:section:"  # + the section: the subject that carries it
TAG_LITERAL = "newsdesk:"  # + kind:id, a tag without a web address
PUBSTATUS = {"killed": "canceled", "draft": "withheld", "edited": "withheld",
             "ready": "usable", "published": "usable"}
# What an agency's file says that newsdesk keeps as it came and writes back (2.x names;
# the three 3.x-only properties as 3.x spells them). ``altids``, ``subjects``,
# ``headlines``, ``people``, ``organisations``, ``places``, ``slugline`` and
# ``contentcreated`` are
# kept too, for the part newsdesk does not hold itself (see ``ninjs_import``).
PASSED_THROUGH = (
    "type", "representationtype", "profile", "copyrightnotice",
    "usageterms", "ednote", "descriptions", "events", "objects", "infosources",
    "title", "renditions", "associations", "trustindicators", "genres", "expires",
    "rightsinfo", "eventDetails", "plannedCoverage", "digitalSourceType",
)
# The lists of entities (ninjs 2.x names): each entry's ``uri`` may become a link
# wherever the item is shown, so it is http(s) or nothing.
ENTITY_LISTS = ("people", "organisations", "places", "subjects", "events", "objects",
                "infosources", "genres")
# What every export says anyway: kept from an agency's file only when it says otherwise.
WRITTEN_ANYWAY = {"type": "text", "representationtype": "full"}

# 2.x name -> 3.x name, for every property of either schema spelt differently in 3.x.
CAMEL = {
    "firstcreated": "firstCreated", "versioncreated": "versionCreated",
    "contentcreated": "contentCreated", "pubstatus": "pubStatus",
    "copyrightholder": "copyrightHolder", "copyrightnotice": "copyrightNotice",
    "altids": "altIds", "contenttype": "contentType", "charcount": "charCount",
    "wordcount": "wordCount", "representationtype": "representationType",
    "embargoed": "embargoedUntil", "usageterms": "usageTerms", "ednote": "edNote",
    "infosources": "infoSources", "contactinfo": "contactInfo",
    "trustindicators": "trustIndicators", "rightsinfo": "rightsInfo",
    "geojson": "geoJSON", "sizeinbytes": "sizeInBytes", "langid": "langId",
    "linkedrights": "linkedRights", "encodedrights": "encodedRights",
    "postalcode": "postalCode", "symboltype": "symbolType",
}
_LOWER = {camel: lower for lower, camel in CAMEL.items()}
# The ninjs list of each kind of tag.
TAG_LISTS = (("people", "person"), ("organisations", "organisation"), ("places", "place"))


def to_ninjs(story: ExportStory, version: str = "2.1", zone: str = "") -> dict[str, Any]:
    """The ninjs object of one story (2.x names; camelCase for 3.x). ``zone`` is the
    newsroom's time zone (an IANA name, "" when not set)."""
    if version not in NINJS_VERSIONS:
        raise ValueError(f"ninjs version {version!r} is not supported")
    kept = story.metadata
    item: dict[str, Any] = {
        "uri": story.agency_uri or f"urn:uuid:{story.uuid}",
        "standard": {"name": "ninjs", "version": version, "schema": SCHEMA_URIS[version]},
        **WRITTEN_ANYWAY,
        **_version(story),
        "firstcreated": iso_utc(story.created_at),
        "pubstatus": PUBSTATUS.get(story.status, "withheld"),
        "urgency": story.urgency,
        "language": story.language,
        "slugline": kept.get("slugline") or story.slug,
        "headlines": [{"role": "main", "value": story.headline},
                      *kept.get("headlines", [])],
        "bodies": _bodies(story),
    }
    contentcreated = _content_created(story, kept, zone)
    if contentcreated:
        item["contentcreated"] = contentcreated
    optional = {"by": story.byline, "located": story.dateline_place,
                "copyrightholder": story.dateline_source,
                "embargoed": iso_utc(story.embargo_until) if story.embargo_until else ""}
    item.update({name: value for name, value in optional.items() if value})
    for key, kind in TAG_LISTS:
        entries = _tags(story, kind, kept.get(key, []))
        if entries:
            item[key] = entries
    subjects = [*kept.get("subjects", []), *_section_subject(story)]
    if subjects:
        item["subjects"] = subjects
    item.update({key: kept[key] for key in PASSED_THROUGH if key in kept})
    ours = [*_associations(story), *_translations(story, version)]
    if ours:  # the agency's own associations (kept) after the desk's pictures
        item["associations"] = [*ours, *kept.get("associations", [])]
    item["altids"] = _altids(story, kept, dated=contentcreated is None
                             or contentcreated != kept.get("contentcreated"))
    for key in ENTITY_LISTS:  # kept from a file imported before every list was checked
        if isinstance(item.get(key), list):
            item[key] = [_web_uri_only(entry) for entry in item[key]]
    if version.startswith("3"):
        item = camel_case(item)
    if kept:  # only what an agency sent may be of the other ninjs version
        item = fitted(item, int(version[0]))
    return item


def _associations(story: ExportStory) -> list[dict[str, Any]]:
    """The story's pictures: the lead one named ``featureimage`` (as Superdesk does),
    the others ``picture2``, ``picture3``...; each with its JPEG renditions (written
    beside the items, ``pictures/``), caption, alt text and credit."""
    found = []
    for number, picture in enumerate(story.pictures, start=1):
        figure = figure_of(picture)
        renditions = []
        for width in figure.widths:
            shown = rendered_size(picture.width, picture.height, width)
            renditions.append({
                "name": "default" if width == figure.default_width else f"w{width}",
                "href": figure.path(width, "jpg"), "contenttype": "image/jpeg",
                "width": shown[0], "height": shown[1]})
        descriptions = [{"role": role, "contenttype": "text/plain", "value": value}
                        for role, value in (("caption", picture.caption),
                                            ("alt", picture.alt)) if value]
        association: dict[str, Any] = {
            "name": "featureimage" if picture.lead else f"picture{number}",
            "uri": f"urn:newsdesk:picture:{picture.sha256}", "type": "picture",
            "representationtype": "full", "renditions": renditions}
        if descriptions:
            association["descriptions"] = descriptions
        if picture.credit:
            association["copyrightholder"] = picture.credit
        found.append(association)
    return found


def _translations(story: ExportStory, version: str) -> list[dict[str, Any]]:
    """The other stories of the story's translation group, as associations (the group
    itself is an altid)."""
    found = []
    for other in story.translations:
        association: dict[str, Any] = {
            "name": f"{TRANSLATION_NAME}{other.language}", "uri": other.uri, "type": "text",
            "language": other.language}
        if version.startswith("3"):
            association["rel"] = TRANSLATION_REL
        found.append(association)
    return found


def is_translation(association: Any) -> bool:
    """Whether an association of one of our items names a translation of it."""
    return (isinstance(association, dict) and association.get("type") == "text"
            and (association.get("rel") == TRANSLATION_REL
                 or str(association.get("name") or "").startswith(TRANSLATION_NAME)))


def _version(story: ExportStory) -> dict[str, str]:
    """An agency's story: its version and version time as the agency wrote them (left
    out when it gave none); ours: our own."""
    if story.agency_uri:
        found = {"version": story.agency_version,
                 "versioncreated": story.agency_version_created}
        return {key: value for key, value in found.items() if value}
    return {"version": str(story.version), "versioncreated": iso_utc(story.updated_at)}


def _content_created(story: ExportStory, kept: dict[str, Any], zone: str) -> str | None:
    """The agency's own ``contentcreated`` while the dateline keeps its date; else the
    dateline date's midnight in the newsroom's zone; else none (a date is no moment)."""
    if story.dateline_date is None:
        return None
    original = kept.get("contentcreated")
    if isinstance(original, str) and _date_of(original) == story.dateline_date:
        return original
    return start_of_day(story.dateline_date, zone)


def _date_of(text: str) -> date | None:
    try:
        return as_date(text)
    except ValueError:
        return None


def _text_body(role: str, markdown_text: str,
               story: ExportStory | None = None) -> list[dict[str, Any]]:
    """A body as HTML and as Markdown; with ``story``, the pictures placed in it as the
    JPEG files of its associations (a ``<figure>`` in HTML, an image in Markdown, which
    an import maps back to the association)."""
    counts = {"wordcount": word_count(markdown_text), "charcount": char_count(markdown_text)}
    figures = [figure_of(picture) for picture in story.pictures] if story else []
    placer = picture_placer(figures, _ITEM_LINKS, story.language, webp=False) \
        if story else None

    def file_of(prefix: str) -> tuple[str, str] | None:
        figure = next((f for f in figures if f.sha256.startswith(prefix)), None)
        return (figure.alt, figure.path(figure.default_width, "jpg")) if figure else None

    return [
        {"role": role, "contenttype": "text/html",
         "value": markdown_to_html(markdown_text, pictures=placer), **counts},
        {"role": role, "contenttype": "text/markdown",
         "value": safe_markdown(exported(markdown_text, file_of)), **counts},
    ]


_ITEM_LINKS = LinkStyle()  # picture files are relative to the item: pictures/...


def _bodies(story: ExportStory) -> list[dict[str, Any]]:
    bodies = _text_body("main", story.body, story)
    if story.footnote.strip():
        bodies += _text_body("footnote", story.footnote)
    return bodies


def _altids(story: ExportStory, kept: dict[str, Any], *, dated: bool) -> list[dict[str, str]]:
    ids = [{"role": ALTID_STATUS, "value": story.status}]
    if story.desk_code:
        ids.append({"role": ALTID_DESK_CODE, "value": story.desk_code})
    if story.agency_uri:
        ids.append({"role": ALTID_UUID, "value": story.uuid})
    if story.published_at is not None:
        ids.append({"role": ALTID_PUBLISHED, "value": iso_utc(story.published_at)})
    if story.dateline_date is not None and dated:
        ids.append({"role": ALTID_DATELINE_DATE, "value": story.dateline_date.isoformat()})
    if story.translation_group:
        ids.append({"role": ALTID_TRANSLATION_GROUP, "value": story.translation_group})
    return ids + list(kept.get("altids", []))


def _section_subject(story: ExportStory) -> list[dict[str, str]]:
    if not story.section:
        return []
    return [{"name": story.section, "literal": SECTION_LITERAL + story.section}]


def _tags(story: ExportStory, kind: str, details: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The story's tags of one kind, with what the agency said of each besides its name
    (contact details, its own literal); then the agency's entries that had no name."""
    by_name = {normalize_name(str(d["name"])): d for d in details if d.get("name")}
    entries = []
    tagged = set()
    for tag in story.tags:
        if tag.kind != kind:
            continue
        entry = _tag(tag)
        tagged.add(normalize_name(tag.name))
        extra = {k: v for k, v in by_name.get(normalize_name(tag.name), {}).items()
                 if k != "name"}
        if "literal" in extra and "uri" in entry:
            entry.pop("literal", None)
        entry.update(extra)
        entries.append(entry)
    # A story imported before places were tags (schema 11 and older) kept the agency's
    # places whole as metadata: written back as they came, as then.
    kept_whole = [d for name, d in by_name.items() if kind == "place" and name not in tagged]
    return entries + kept_whole + [d for d in details if not d.get("name")]


def _web_uri_only(entry: Any) -> Any:
    if isinstance(entry, dict) and isinstance(entry.get("uri"), str) \
            and not is_web_link(entry["uri"]):
        return {k: v for k, v in entry.items() if k != "uri"}
    return entry


def _tag(tag: StoryTag) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": tag.name, "rel": tag.relation}
    if tag.uri and is_web_link(tag.uri):  # one stored before links were checked: dropped
        entry["uri"] = tag.uri
    else:
        entry["literal"] = f"{TAG_LITERAL}{tag.kind}:{tag.entity_id}"
    if tag.latitude is not None and tag.longitude is not None:
        # GeoJSON orders a position longitude first (RFC 7946, 3.1.1).
        entry["geojson"] = {"type": "Point", "coordinates": [tag.longitude, tag.latitude]}
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
    if isinstance(value, dict):
        return {_LOWER.get(key, key): lower_case(item) for key, item in value.items()}
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
        self.zone = zone_name()  # the newsroom's, read once (files may be made elsewhere)

    def settings_key(self) -> str:
        # This module's source too: a newsdesk that writes ninjs differently rewrites
        # every file instead of carrying the old ones over.
        return content_key("ninjs", self.version, self.zone, keeps_gps(), _renderer_key(),
                           module_key(sys.modules[__name__]))

    def plan(self, source: StorySource) -> Plan:
        return with_picture_files(
            plan_per_story(source, ".json", ninjs_bytes, self.version, self.zone), source,
            ".json")


def ninjs_bytes(story: ExportStory, version: str, zone: str = "") -> bytes:
    return dumps(to_ninjs(story, version, zone))


def _renderer_key() -> str:
    """Output changes when the renderers do (HTML bodies, sanitised Markdown bodies, the
    pictures placed in them): their modules' source and the figure template are part of
    every key."""
    from newsdesk.assets import read_text
    from newsdesk.publish import page, picture_markdown, picture_slots, render
    from newsdesk.publish import safe_markdown as sanitiser

    return content_key(module_key(render), module_key(sanitiser), module_key(page),
                       module_key(picture_slots), module_key(picture_markdown),
                       read_text("templates", "figure.html"))



