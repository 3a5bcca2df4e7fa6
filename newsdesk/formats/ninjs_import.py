"""Reading ninjs files (1.x, 2.x and 3.x) back into stories.

2.x and 3.x files are validated against the official IPTC schemas shipped in
``resources/standards`` (2.1 and 3.1); 1.x files against the 1.x property list. Anything
the schema does not allow (an unknown field, a wrong type) is refused with the file and
line, before anything is stored. HTML bodies are sanitised, then turned into Markdown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path as FilePath
from typing import Any
from urllib.parse import unquote, urlsplit

from newsdesk.errors import UserError
from newsdesk.formats import ninjs_schema
from newsdesk.formats.imported import ImportedPicture, ImportedStory
from newsdesk.formats.ninjs import (
    ALTID_DATELINE_DATE,
    ALTID_DESK_CODE,
    ALTID_PUBLISHED,
    ALTID_STATUS,
    ALTID_TRANSLATION_GROUP,
    ALTID_UUID,
    ENTITY_LISTS,
    OUR_ALTIDS,
    PASSED_THROUGH,
    SECTION_LITERAL,
    TAG_LISTS,
    TAG_LITERAL,
    WRITTEN_ANYWAY,
    is_translation,
    lower_case,
)
from newsdesk.formats.placed_pictures import origin_of_uri, referenced
from newsdesk.json_positions import Path, dotted, line_for, loads, text_matching, value_lines
from newsdesk.people.registry import is_web_link
from newsdesk.publish.export import unsafe_name_reason
from newsdesk.publish.render import sanitize_imported_html
from newsdesk.store.dialect import UNSTORABLE_TEXT, unstorable_reason
from newsdesk.store.models import STATUSES, TAG_RELATIONS
from newsdesk.store.timestamps import as_date, parse_time
from newsdesk.stories.slugs import slugify

# An identifier longer than this is not one (and would not fit an index).
MAX_URI = 1000
MAX_GROUP = 255  # a translation group's id (the column's size)
_SPAN_AFTER_SPAN = re.compile(r"</span>(?=<span[\s>])")
# The IPTC signal code of a correction: sig:correction, or its cv.iptc.org address.
_SIGNAL_CORRECTION = re.compile(r"(?:^sig:|/newscodes/signal/)correction/?$", re.IGNORECASE)
# An editorial note that says the version corrects the previous one, in the languages of
# the agencies newsdesk reads (English, the Nordic ones, German, French, Spanish,
# Portuguese, Italian, Azerbaijani, Russian).
_CORRECTION_WORDS = re.compile(
    r"\b(?:correct(?:ion|ions|ed|s|ing)|korrigering|korrigert|korrigerad|korrigeret"
    r"|rättelse|rättad|rättat|berichtigung|berichtigt|korrektur|korrigiert|rectificati"
    r"\w*|rectifié\w*|corrección|corregido|correção|corrigido|correzione|corretto"
    r"|rettifica\w*|düzəliş\w*|исправлен\w*|поправк\w*)\b",
    re.IGNORECASE)
_V3_NAMES = {"firstCreated", "versionCreated", "contentCreated", "pubStatus", "altIds",
             "copyrightHolder", "embargoedUntil", "edNote", "infoSources", "usageTerms",
             "representationType", "copyrightNotice", "trustIndicators", "rightsInfo",
             "eventDetails", "plannedCoverage", "digitalSourceType"}
_V1_NAMES = {"headline", "byline", "person", "organisation", "place", "subject", "event",
             "object", "infosource", "genre", "trustindicator", "mimetype", "$standard",
             "charcount", "wordcount"}
_V1_PATTERNS = re.compile(r"^(body|description|headline)_[A-Za-z0-9_]+$")
# ninjs 1.x (1.0-1.4): property -> JSON type.
_V1_TYPES: dict[str, type | tuple[type, ...]] = {
    "uri": str, "type": str, "mimetype": str, "representationtype": str, "profile": str,
    "version": str, "firstcreated": str, "versioncreated": str, "contentcreated": str,
    "embargoed": str, "pubstatus": str, "urgency": (int, float), "copyrightholder": str,
    "copyrightnotice": str, "usageterms": str, "ednote": str, "language": str,
    "person": list, "organisation": list, "place": list, "subject": list, "event": list,
    "object": list, "infosource": list, "title": str, "byline": str, "headline": str,
    "slugline": str, "located": str, "charcount": (int, float), "wordcount": (int, float),
    "renditions": dict, "associations": dict, "altids": dict, "trustindicator": list,
    "$standard": dict, "genre": list, "expires": str, "rightsinfo": dict,
}
# 1.x lists under their 2.x names.
_V1_LISTS = {"person": "people", "organisation": "organisations", "place": "places",
             "subject": "subjects", "event": "events", "object": "objects",
             "infosource": "infosources", "genre": "genres",
             "trustindicator": "trustindicators"}
LineOf = Callable[[Path], int]  # the line of a value in the source file
_TIME_FIELDS = ("firstcreated", "versioncreated", "contentcreated", "embargoed", "expires")
_JSON_TYPES: dict[type | tuple[type, ...], str] = {str: "a string", list: "an array", dict: "an object"}


def parse_ninjs(text: str, source: str) -> list[ImportedStory]:
    """Stories from a ninjs file: one object, or an array of objects."""
    try:
        data = loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"not valid JSON ({exc.msg})", file=source, line=exc.lineno) from exc
    lines = value_lines(text)
    found = text_matching(data, UNSTORABLE_TEXT)  # written as \u0000 or \ud800
    if found is not None:
        bad, value = found
        raise UserError(unstorable_reason(value) or "cannot be stored", file=source,
                        line=line_for(lines, bad), field=dotted(bad) or None)
    items: list[tuple[Path, Any]] = (
        [((index,), item) for index, item in enumerate(data)] if isinstance(data, list)
        else [((), data)])
    stories = []
    for path, item in items:
        if not isinstance(item, dict):
            raise UserError("a ninjs item must be a JSON object", file=source,
                            line=line_for(lines, path))
        major = ninjs_major_version(item)
        # The default binds this item's path (mypy cannot type such a lambda).
        def line_of(relative: Path, base: Path = path) -> int:
            return line_for(lines, base + relative)

        validate(item, major, source, line_of)
        _check_tag_uris(item, source, line_of)
        story = _story(_normalised(item, major), source, line_of)
        story.line = line_of(())
        story.origins = _origins(item, line_of)
        stories.append(story)
    return stories


def _origins(item: dict[str, Any], line_of: LineOf) -> dict[str, tuple[str, int]]:
    """Where the stored fields come from in this item, for errors found after mapping."""
    found = {}
    for name, keys in (("headline", ("headlines", "headline", "title")),
                       ("body", ("bodies", "descriptions")), ("byline", ("by", "byline"))):
        key = next((k for k in keys if k in item), None)
        if key is not None:
            found[name] = (key, line_of((key,)))
    return found


def _check_tag_uris(item: dict[str, Any], source: str, line_of: LineOf) -> None:
    """An entity's ``uri`` (a person, an organisation, and the places, subjects, events
    and others kept for the ninjs export) becomes a link on pages and in exports: only
    http(s) is accepted, so ``javascript:`` and ``data:`` never get that far."""
    for key in (*ENTITY_LISTS, *(old for old, new in _V1_LISTS.items() if new in ENTITY_LISTS)):
        entries = item.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            uri = entry.get("uri") if isinstance(entry, dict) else None
            if isinstance(uri, str) and uri.strip() and not is_web_link(uri):
                path = (key, index, "uri")
                raise UserError(f"must be an http:// or https:// link, not {uri[:40]!r}",
                                file=source, line=line_of(path), field=dotted(path))


def ninjs_major_version(item: dict[str, Any]) -> int:
    standard = item.get("standard") or item.get("$standard")
    if isinstance(standard, dict):
        major = str(standard.get("version", ""))[:1]
        if major in ("1", "2", "3"):
            return int(major)
    if _V3_NAMES & set(item):
        return 3
    if _V1_NAMES & set(item) or any(_V1_PATTERNS.match(key) for key in item):
        return 1
    return 2


# -- validation --------------------------------------------------------------------------
def validate(item: dict[str, Any], major: int, source: str, line_of: LineOf) -> None:
    if major == 1:
        _validate_v1(item, source, line_of)
    else:
        validator, known = ninjs_schema.validator(major)
        for key in item:
            if key not in known:
                raise UserError(f"unknown field {key!r} for ninjs {major}.x", file=source,
                                line=line_of((key,)), field=key)
        errors = sorted(validator.iter_errors(item),
                        key=lambda e: line_of(tuple(e.absolute_path)))
        if errors:
            raise _schema_error(errors[0], major, source, line_of)
    _validate_times(lower_case(item) if major == 3 else item, source, line_of, major)


def _schema_error(error: Any, major: int, source: str, line_of: LineOf) -> UserError:
    path = tuple(error.absolute_path)
    unexpected = ninjs_schema.unexpected_names(error)
    if unexpected:
        key_path = (*path, unexpected[0])
        return UserError(f"unknown field {unexpected[0]!r} for ninjs {major}.x",
                         file=source, line=line_of(key_path), field=dotted(key_path))
    return UserError(f"{_short(error.message)} (ninjs {major}.x)", file=source,
                     line=line_of(path), field=dotted(path) or None)


def _short(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."


def _validate_v1(item: dict[str, Any], source: str, line_of: LineOf) -> None:
    for key, value in item.items():
        expected = str if _V1_PATTERNS.match(key) else _V1_TYPES.get(key)
        if expected is None:
            raise UserError("unknown field for ninjs 1.x", file=source, line=line_of((key,)),
                            field=key)
        if not isinstance(value, expected) or isinstance(value, bool):
            wanted = _JSON_TYPES.get(expected, "a number")
            raise UserError(f"must be {wanted}, not {type(value).__name__}", file=source,
                            line=line_of((key,)), field=key)
        if expected is list:
            for index, entry in enumerate(item[key]):
                if not isinstance(entry, dict):
                    raise UserError("must be an object", file=source,
                                    line=line_of((key, index)), field=f"{key}[{index}]")
    if "uri" not in item:
        raise UserError("the required field 'uri' is missing", file=source, line=line_of(()),
                        field="uri")


def _validate_times(item: dict[str, Any], source: str, line_of: LineOf, major: int) -> None:
    for name in _TIME_FIELDS:
        value = item.get(name)
        if isinstance(value, str):
            try:
                parse_time(value)
            except ValueError:
                shown = _v3_name(name) if major == 3 else name
                raise UserError(f"not an ISO 8601 date and time: {value!r}", file=source,
                                line=line_of((shown,)), field=shown) from None


def _v3_name(name: str) -> str:
    from newsdesk.formats.ninjs import CAMEL

    return CAMEL.get(name, name)


# -- mapping -----------------------------------------------------------------------------
def _normalised(item: dict[str, Any], major: int) -> dict[str, Any]:
    """Any version, in 2.x shape."""
    if major == 3:
        return lower_case(item)
    if major == 2:
        return item
    converted = {key: value for key, value in item.items()
                 if not _V1_PATTERNS.match(key) and key not in ("headline", "byline")}
    if "headline" in item:
        converted["headlines"] = [{"role": "main", "value": item["headline"]}]
    if "byline" in item:
        converted["by"] = item["byline"]
    converted["bodies"] = [{"role": "main", "contenttype": _v1_content_type(key),
                            "value": value} for key, value in item.items()
                           if key.startswith("body_")]
    descriptions = [{"contenttype": _v1_content_type(key), "value": value}
                    for key, value in item.items() if key.startswith("description_")]
    if descriptions:
        converted["descriptions"] = descriptions
    for singular, plural in _V1_LISTS.items():
        if singular in converted:
            converted[plural] = converted.pop(singular)
    altids = item.get("altids") or {}
    converted["altids"] = [{"role": str(k), "value": str(v)} for k, v in altids.items()]
    return converted


def _v1_content_type(key: str) -> str:
    if "html" in key:
        return "text/html"
    return "text/plain"


def _story(item: dict[str, Any], source: str, line_of: LineOf) -> ImportedStory:
    altids = {a.get("role"): a.get("value") for a in item.get("altids") or []
              if isinstance(a, dict)}
    ours = altids.get(ALTID_STATUS) in STATUSES
    headline = _headline(item)
    # An item without a body (a brief) still has its text in the descriptions.
    bodies = [b for b in item.get("bodies") or item.get("descriptions") or []
              if isinstance(b, dict)]
    fields: dict[str, Any] = {
        "headline": headline,
        "body": _body_text([b for b in bodies if b.get("role") != "footnote"], headline),
        "byline": str(item.get("by") or ""),
        "dateline_place": str(item.get("located") or ""),
        "dateline_source": str(item.get("copyrightholder") or ""),
        "dateline_date": _dateline_date(item, altids, ours),
    }
    footnotes = [b for b in bodies if b.get("role") == "footnote"]
    if footnotes or ours:
        fields["footnote"] = _body_text(footnotes, "")
    # What newsdesk adds to a story (desk code, section, status) is set only by a file
    # that says it: an agency's next version keeps what the desk gave the story.
    if ALTID_DESK_CODE in altids or ours:
        fields["desk_code"] = str(altids.get(ALTID_DESK_CODE) or "")
    section = _section(item)
    if section is not None or ours:
        fields["section"] = section or ""
    if item.get("language"):
        fields["language"] = str(item["language"])
    if "urgency" in item:
        fields["urgency"] = _urgency(item.get("urgency"))
    if item.get("embargoed"):  # checked as a time with the others (_TIME_FIELDS)
        fields["embargo_until"] = parse_time(str(item["embargoed"]))
    if ours:
        fields["status"] = altids[ALTID_STATUS]
    elif item.get("pubstatus") == "canceled":
        fields["status"] = "killed"
    created = item.get("firstcreated") or item.get("versioncreated")
    uri = str(item.get("uri") or "").strip()
    uuid = _uuid(uri)
    agency_uri = None if uuid else uri or None
    if agency_uri and len(agency_uri) > MAX_URI:
        raise UserError(f"the uri is {len(agency_uri):,} characters long (at most "
                        f"{MAX_URI})", file=source, line=line_of(("uri",)), field="uri")
    if agency_uri:
        uuid = _uuid(f"urn:uuid:{altids.get(ALTID_UUID) or ''}")
    kind, note = change_of(item)
    brought = _local_pictures(item, source, line_of)
    metadata = kept_metadata(item, headline)
    group = _translation_group(altids, item, source, line_of)
    translated = [a for a in item.get("associations") or []
                  if group is not None and is_translation(a)]
    if translated:  # the group holds them: not kept a second time
        left = [a for a in metadata.get("associations", []) if not is_translation(a)]
        metadata.pop("associations", None)
        if left:
            metadata["associations"] = left
    if brought:  # brought in as the story's pictures: not kept a second time
        by_href = {href: picture for _uri, hrefs, picture in brought for href in hrefs}
        fields["body"] = referenced(str(fields["body"]), by_href.get)
        taken = {uri for uri, _hrefs, _picture in brought}
        left = [a for a in metadata.get("associations", [])
                if not (isinstance(a, dict) and a.get("uri") in taken)]
        metadata.pop("associations", None)
        if left:
            metadata["associations"] = left
    return ImportedStory(
        fields=fields, source=source, slug=_slug(item.get("slugline")), uuid=uuid,
        created_at=parse_time(created) if created else None,
        published_at=_published(altids),
        tags=[tag for key, kind in TAG_LISTS for tag in _tags(item, key, kind)],
        coordinates=_coordinates(item.get("places")),
        agency_uri=agency_uri, agency_version=_text(item.get("version")),
        agency_version_created=_text(item.get("versioncreated")),
        metadata=metadata, change_kind=kind, change_note=note,
        pictures=[picture for _uri, _hrefs, picture in brought], translation_group=group,
        translation_uris=[str(a["uri"]) for a in translated
                          if isinstance(a.get("uri"), str) and a["uri"].strip()])


def _translation_group(altids: dict[Any, Any], item: dict[str, Any], source: str,
                       line_of: LineOf) -> str | None:
    """The translation group our export wrote in the altids (None when it wrote none)."""
    value = altids.get(ALTID_TRANSLATION_GROUP)
    if not isinstance(value, str) or not value.strip():
        return None
    if len(value) > MAX_GROUP:
        index = next(i for i, a in enumerate(item.get("altids") or [])
                     if isinstance(a, dict) and a.get("role") == ALTID_TRANSLATION_GROUP)
        path = ("altids", index, "value")
        raise UserError(f"the translation group is {len(value):,} characters long (at most "
                        f"{MAX_GROUP})", file=source, line=line_of(path), field=dotted(path))
    return value.strip()


def _local_pictures(item: dict[str, Any], source: str,
                    line_of: LineOf) -> list[tuple[str, set[str], ImportedPicture]]:
    """The item's picture associations whose widest rendition is a file beside it (a
    relative href, or a file: URL), read: (their uri, their renditions' hrefs, the
    picture). Others stay associations kept with the story's metadata."""
    found = []
    folder = FilePath(source).parent.resolve()
    for index, association in enumerate(item.get("associations") or []):
        if not isinstance(association, dict) or association.get("type") != "picture":
            continue
        renditions = [r for r in association.get("renditions") or []
                      if isinstance(r, dict) and isinstance(r.get("href"), str)]
        renditions.sort(key=lambda r: r.get("width") or 0, reverse=True)
        local = [r["href"] for r in renditions if _is_local(r["href"])]
        if not local:
            continue
        path = (folder / unquote(urlsplit(local[0]).path)).resolve()
        line, field = line_of(("associations", index)), f"associations.{index}.renditions"
        if not path.is_relative_to(folder):  # a file of the delivery, not of the system
            raise UserError(f"the picture {local[0]!r} is outside the file's folder",
                            file=source, line=line, field=field)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"cannot read the picture {local[0]!r} ({exc.strerror or exc})",
                            file=source, line=line, field=field) from None
        texts = {d.get("role"): str(d.get("value") or "")
                 for d in association.get("descriptions") or [] if isinstance(d, dict)}
        uri = str(association.get("uri") or "")
        found.append((uri, {r["href"] for r in renditions}, ImportedPicture(
            data, str(path), caption=texts.get("caption", ""),
            credit=str(association.get("copyrightholder") or ""), alt=texts.get("alt", ""),
            lead=association.get("name") == "featureimage", origin=origin_of_uri(uri))))
    return found


def _is_local(href: str) -> bool:
    scheme = urlsplit(href).scheme
    return scheme in ("", "file") and not href.startswith("//")


def kept_metadata(item: dict[str, Any], headline: str) -> dict[str, Any]:
    """What the item says that newsdesk does not hold in a story's own fields, in 2.x
    names: kept with the story and written back by the ninjs export."""
    kept = {key: item[key] for key in PASSED_THROUGH if key in item
            and item[key] != WRITTEN_ANYWAY.get(key)}
    altids = [a for a in item.get("altids") or []
              if not (isinstance(a, dict) and a.get("role") in OUR_ALTIDS)]
    subjects = [s for s in item.get("subjects") or [] if _section_of(s) is None]
    headlines = [h for h in item.get("headlines") or [] if isinstance(h, dict)]
    main = _main_headline(headlines) if headlines else None
    others = [h for h in headlines if h is not main]
    slugline = item.get("slugline")
    extra: dict[str, Any] = {
        "altids": altids, "subjects": subjects, "headlines": others,
        "people": _tag_details(item.get("people")),
        "organisations": _tag_details(item.get("organisations")),
        "places": _tag_details(item.get("places")),
    }
    kept.update({key: value for key, value in extra.items() if value})
    if isinstance(slugline, str) and slugline and _slug(slugline) != slugline:
        kept["slugline"] = slugline
    # A contentcreated newsdesk wrote itself from a dateline date comes with that date
    # as an altid; any other is the agency's own moment.
    dated = any(isinstance(a, dict) and a.get("role") == ALTID_DATELINE_DATE
                for a in item.get("altids") or [])
    if isinstance(item.get("contentcreated"), str) and not dated:
        kept["contentcreated"] = item["contentcreated"]
    return kept


def change_of(item: dict[str, Any]) -> tuple[str, str]:
    """What this version of the item is, "update" or "correction", and its note (the
    editorial note). Neither ninjs 2.1 nor 3.1 has NewsML-G2's ``signal``; an agency may
    still carry the IPTC signal code (``sig:correction``, or its cv.iptc.org address) as a
    genre, subject or altid, and an editorial note may say it is a correction."""
    note = " ".join(str(item.get("ednote") or "").split())
    coded = [str(entry.get(key) or "") for name in ("genres", "subjects", "altids")
             for entry in item.get(name) or [] if isinstance(entry, dict)
             for key in ("uri", "literal", "value")]
    if any(_SIGNAL_CORRECTION.search(code) for code in coded) or _CORRECTION_WORDS.search(note):
        return "correction", note
    return "update", note


def _tag_details(entries: Any) -> list[dict[str, Any]]:
    """Of each person or organisation, what a tag does not hold: contact details, the
    agency's own literal, a relation newsdesk has no name for; whole entries without a
    name (they cannot be tags)."""
    details = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        if not str(entry.get("name") or "").strip():
            details.append(entry)
            continue
        extra = {k: v for k, v in entry.items() if k not in ("name", "uri", "rel", "literal")}
        if _point(entry.get("geojson")) is not None:
            del extra["geojson"]  # a place's coordinates: stored with the place
        literal = entry.get("literal")
        if isinstance(literal, str) and not literal.startswith(TAG_LITERAL):
            extra["literal"] = literal
        if "rel" in entry and entry["rel"] not in TAG_RELATIONS:
            extra["rel"] = entry["rel"]
        if extra:
            details.append({"name": entry["name"], **extra})
    return details


def _section(item: dict[str, Any]) -> str | None:
    for subject in item.get("subjects") or []:
        section = _section_of(subject)
        if section is not None:
            return section
    return None


def _section_of(subject: Any) -> str | None:
    literal = subject.get("literal") if isinstance(subject, dict) else None
    if isinstance(literal, str) and literal.startswith(SECTION_LITERAL):
        return literal[len(SECTION_LITERAL):]
    return None


def _published(altids: dict[Any, Any]) -> datetime | None:
    value = altids.get(ALTID_PUBLISHED)
    if not isinstance(value, str):
        return None
    try:
        return parse_time(value)
    except ValueError:
        return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _urgency(value: Any) -> int:
    # The loader refused NaN and infinities; a huge integer is clamped without float().
    if isinstance(value, bool) or not isinstance(value, int | float) or not value:
        return 5
    return min(9, max(1, round(value)))


def _headline(item: dict[str, Any]) -> str:
    headlines = [h for h in item.get("headlines") or [] if isinstance(h, dict)]
    if headlines:
        return " ".join(str(_main_headline(headlines).get("value", "")).split())
    return str(item.get("title") or "")


def _main_headline(headlines: list[dict[str, Any]]) -> dict[str, Any]:
    return next((h for h in headlines if h.get("role") == "main"), headlines[0])


def _body_text(bodies: list[dict[str, Any]], headline: str) -> str:
    """Markdown from the best body: our Markdown source, else HTML, else plain text; an
    agency's body that opens with the headline again starts after it."""
    def kind(body: dict[str, Any]) -> str:
        return str(body.get("contenttype") or "").lower()

    for body in bodies:
        if kind(body) == "text/markdown":
            return str(body["value"]).strip()
    for body in bodies:
        if "html" in kind(body) or "xml" in kind(body):
            return _without_headline(html_to_markdown(str(body["value"])), headline)
    if bodies:
        return _without_headline(str(bodies[0].get("value", "")).strip(), headline)
    return ""


def html_to_markdown(html: str) -> str:
    """Sanitise first (untrusted), then convert; at most one blank line between blocks.
    The sanitiser keeps the blocks an agency's page is built of (headings, divisions,
    sections), so text in neighbouring ones is not run together; neighbouring inline
    spans (TT's section and source) keep a space between them."""
    from markdownify import markdownify

    clean = _SPAN_AFTER_SPAN.sub("</span> ", sanitize_imported_html(html))
    text = markdownify(clean, heading_style="ATX", bullets="-",
                       escape_underscores=False, escape_asterisks=False)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _without_headline(text: str, headline: str) -> str:
    """The text without a first block (a heading, a line) that repeats the headline."""
    first, _, rest = text.partition("\n")
    if headline and _folded(first.lstrip("#").strip()) == _folded(headline):
        return rest.strip()
    return text


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _dateline_date(item: dict[str, Any], altids: dict[Any, Any], ours: bool) -> date | None:
    # Our own exports carry the calendar date itself; anything else is read as written.
    dated = altids.get(ALTID_DATELINE_DATE)
    if isinstance(dated, str):
        try:
            return as_date(dated)
        except ValueError:
            pass
    value = item.get("contentcreated")
    if not value and not ours:
        value = item.get("firstcreated") or item.get("versioncreated")
    if not value:
        return None
    # The local calendar date as written, not converted to UTC.
    return as_date(value)


def _slug(slugline: Any) -> str | None:
    if not isinstance(slugline, str) or not slugline.strip():
        return None
    text = slugline.strip()
    if unsafe_name_reason(text) is None and text == text.lower():
        return text[:80]
    return slugify(text)


def _uuid(uri: str) -> str | None:
    match = re.fullmatch(r"urn:uuid:([0-9a-fA-F-]{36})", uri.strip())
    return match[1].lower() if match else None


def _point(geojson: Any) -> tuple[float, float] | None:
    """(latitude, longitude) of a GeoJSON point (which gives longitude first)."""
    if not isinstance(geojson, dict) or geojson.get("type") != "Point":
        return None
    position = geojson.get("coordinates")
    if (isinstance(position, list) and len(position) in (2, 3)
            and all(isinstance(n, int | float) and not isinstance(n, bool) for n in position)
            and -180 <= position[0] <= 180 and -90 <= position[1] <= 90):
        return float(position[1]), float(position[0])
    return None


def _coordinates(entries: Any) -> dict[str, tuple[float, float]]:
    """Each named place's coordinates, where its GeoJSON is a point."""
    found = {}
    for entry in entries if isinstance(entries, list) else []:
        point = _point(entry.get("geojson")) if isinstance(entry, dict) else None
        if point is not None and str(entry.get("name") or "").strip():
            found[str(entry["name"]).strip()] = point
    return found


def _tags(item: dict[str, Any], key: str, kind: str) -> list[tuple[str, str, str, str | None]]:
    tags: list[tuple[str, str, str, str | None]] = []
    for entry in item.get(key) or []:
        if not isinstance(entry, dict) or not str(entry.get("name") or "").strip():
            continue
        relation: str = entry["rel"] if entry.get("rel") in TAG_RELATIONS else "about"
        uri: str | None = entry["uri"] if isinstance(entry.get("uri"), str) else None
        tags.append((kind, str(entry["name"]).strip(), relation, uri))
    return tags
