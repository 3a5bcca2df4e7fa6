"""Reading Markdown files with YAML front matter (ours, Hugo's, Jekyll's) into stories.

Unknown keys are ignored (generators' files carry many); broken YAML, a front matter that
is not a mapping, or a known key of the wrong type is refused with the file and line.
The dateline is read as ``Dateline.printed`` writes it (``stories.dateline.read_dateline``);
``dateline_place``, ``dateline_date`` and ``dateline_source``, which our export adds when
the printed form cannot tell the parts apart, win over it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from newsdesk.errors import UserError
from newsdesk.formats.imported import ImportedPicture, ImportedStory
from newsdesk.formats.markdown_export import FOOTNOTE_MARKER
from newsdesk.formats.ninjs_import import MAX_GROUP, _slug, _uuid
from newsdesk.formats.placed_pictures import origin_of_name, referenced
from newsdesk.json_positions import text_matching
from newsdesk.publish.picture_markdown import images
from newsdesk.store.dialect import UNSTORABLE_TEXT, unstorable_reason
from newsdesk.store.models import STATUSES
from newsdesk.store.timestamps import parse_time
from newsdesk.stories.dateline import DatelineError, read_dateline

Fail = Callable[[str, str], UserError]  # (front-matter key, reason) -> the error to raise

_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_STRING_KEYS = ("title", "slug", "lang", "language", "dateline", "desk_code", "author",
                "section", "category", "workflow", "status", "uuid", "dateline_place",
                "dateline_source", "translation_group")
_LIST_KEYS = ("people", "organisations", "places", "mentioned", "located")
# Stored field -> the front-matter key it is read from (for errors).
_ORIGINS = {"headline": "title", "desk_code": "desk_code", "byline": "author",
            "section": "section", "language": "language", "dateline_place": "dateline",
            "dateline_source": "dateline", "dateline_date": "dateline"}


def split_front_matter(text: str, source: str) -> tuple[str, str, int]:
    """(front matter, body, line where the body starts); raises if the block is broken."""
    lines = text.splitlines(keepends=True)
    if not lines or not _OPEN.match(lines[0].rstrip("\r\n")):
        raise UserError("no front matter (the file must start with a '---' line)",
                        file=source, line=1)
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index].rstrip("\r\n")):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    raise UserError("the front matter is not closed (no second '---' line)", file=source,
                    line=1)


class _Loader(yaml.SafeLoader):
    """The safe loader, but a value it cannot build (``2023-02-30``, ``25:00:00``,
    ``!!int abc``) is a YAML error at that value's line rather than a bare exception."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {str(node.value)[:40]!r} ({exc})",
                node.start_mark) from None


def _key_lines(header: str) -> dict[str, int]:
    node = yaml.compose(header, Loader=_Loader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 2 for key, _ in node.value}


def _key_on_line(header: str, line: int) -> str | None:
    """The key whose value on ``line`` could not be read (when the YAML itself parses)."""
    try:
        lines = _key_lines(header)
    except (yaml.YAMLError, RecursionError):
        return None
    return next((key for key, key_line in lines.items() if key_line == line), None)


def read_front_matter(header: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = yaml.load(header, Loader=_Loader)  # _Loader is a SafeLoader
        lines = _key_lines(header)
    except RecursionError:
        raise UserError("broken front matter: nested too deeply", file=source,
                        line=2) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UserError(f"broken front matter: {problem}", file=source, line=line,
                        field=_key_on_line(header, line)) from exc
    if not isinstance(data, dict):
        raise UserError("the front matter must be 'key: value' lines", file=source, line=2)
    return data, lines


def parse_markdown(text: str, source: str) -> list[ImportedStory]:
    header, body, body_line = split_front_matter(text, source)
    data, lines = read_front_matter(header, source)

    def fail(key: str, reason: str) -> UserError:
        return UserError(reason, file=source, line=lines.get(key, 2), field=key)

    _check_types(data, fail)
    body, _, footnote = body.partition(FOOTNOTE_MARKER)
    status = data.get("workflow") or ("draft" if data.get("draft") is True else None)
    if status is not None and status not in STATUSES:
        raise fail("workflow", f"unknown status {status!r}")
    fields: dict[str, Any] = {
        "headline": str(data.get("title") or "").strip(),
        "body": body.strip(), "footnote": footnote.strip(),
        "desk_code": str(data.get("desk_code") or ""),
        "byline": str(data.get("author") or ""),
        # Hugo's and Jekyll's files name the section "category".
        "section": str(data.get("section") or data.get("category") or ""),
        "language": str(data.get("language") or data.get("lang") or "en"),
        "status": status or "draft",
    }
    if "urgency" in data:
        fields["urgency"] = data["urgency"]
    if data.get("embargo"):
        fields["embargo_until"] = _moment(data["embargo"], "embargo", fail)
    fields.update(_dateline_fields(data, fail))
    created = _moment(data.get("created", data.get("date")), "created"
                      if "created" in data else "date", fail)
    if "published" in data:
        published = _moment(data["published"], "published", fail)
    else:
        published = _moment(data.get("date"), "date", fail) if status == "published" else None
    mentioned = set(data.get("mentioned") or [])
    located = set(data.get("located") or [])

    def relation(kind: str, name: str) -> str:
        if kind == "place" and name in located:
            return "located"
        return "mentioned" if name in mentioned else "about"
    tags: list[tuple[str, str, str, str | None]] = [
        (kind, str(name), relation(kind, name), None)
        for key, kind in (("people", "person"), ("organisations", "organisation"),
                          ("places", "place"))
        for name in data.get(key) or []]
    pictures = _pictures(data, fields["body"], source, fail)
    if pictures:
        by_target = {target: picture for target, picture in pictures}
        fields["body"] = referenced(fields["body"], by_target.get)
    origins = {name: (key, lines.get(key, 2)) for name, key in _ORIGINS.items()
               if key in data}
    origins["body"] = origins["footnote"] = ("body", body_line)
    if "language" not in data and "lang" in data:
        origins["language"] = ("lang", lines.get("lang", 2))
    return [ImportedStory(fields=fields, source=source, slug=_slug(data.get("slug")),
                          uuid=_uuid(f"urn:uuid:{data.get('uuid', '')}"), created_at=created,
                          published_at=published, tags=tags, origins=origins, line=2,
                          pictures=list({id(p): p for _t, p in pictures}.values()),
                          translation_group=_translation_group(data, fail))]


def _translation_group(data: dict[str, Any], fail: Fail) -> str | None:
    """The group our export names (stories of one import sharing it are linked)."""
    value = str(data.get("translation_group") or "").strip()
    if len(value) > MAX_GROUP:
        raise fail("translation_group", f"is {len(value):,} characters long (at most "
                                        f"{MAX_GROUP})")
    return value or None


def _pictures(data: dict[str, Any], body: str, source: str,
              fail: Fail) -> list[tuple[str, ImportedPicture]]:
    """The picture files the story brings, by how the file names them: those its front
    matter lists (``pictures``: src, caption, credit, alt, lead, as our export writes;
    a missing one is an error), and the images in its body of JPEG, PNG or WebP files
    beside it (others stay as they are)."""
    listed = data.get("pictures") or []
    if not isinstance(listed, list) or not all(
            isinstance(entry, dict) and isinstance(entry.get("src"), str) for entry in listed):
        raise fail("pictures", "must be a list of pictures, each with its file as 'src'")
    folder = Path(source).parent.resolve()
    read: dict[Path, ImportedPicture] = {}
    found: list[tuple[str, ImportedPicture]] = []

    def picture(target: str, entry: dict[str, Any], alt: str) -> ImportedPicture:
        path = _local_file(folder, target)
        if path not in read:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise fail("pictures", f"cannot read the picture {target!r} "
                                       f"({exc.strerror or exc})") from None
            read[path] = ImportedPicture(
                data, str(path), caption=str(entry.get("caption") or ""),
                credit=str(entry.get("credit") or ""), alt=str(entry.get("alt") or alt),
                lead=entry.get("lead") is True, origin=origin_of_name(target))
        return read[path]

    entries = {str(entry["src"]): entry for entry in listed}
    for target, entry in entries.items():
        if not _is_local_target(target) or not _inside(folder, target):
            raise fail("pictures", f"the picture {target!r} is not a file beside the story")
        found.append((target, picture(target, entry, "")))
    for image in images(body):
        if image.target in entries or not _is_local_target(image.target):
            continue
        if _inside(folder, image.target) and Path(image.target).suffix.lower() in \
                PICTURE_SUFFIXES and _local_file(folder, image.target).is_file():
            found.append((image.target, picture(image.target, {}, image.alt)))
    return found


PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})


def _is_local_target(target: str) -> bool:
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and not target.startswith("/")


def _local_file(folder: Path, target: str) -> Path:
    return (folder / unquote(urlsplit(target).path)).resolve()


def _inside(folder: Path, target: str) -> bool:
    return _local_file(folder, target).is_relative_to(folder)


def _check_types(data: dict[str, Any], fail: Fail) -> None:
    if "title" not in data:
        raise fail("title", "the front matter has no title")
    # Every value, also those no story field keeps as written (the slug is made into one):
    # YAML's "\0" and "\ud800" escapes make text no database stores.
    found = text_matching(data, UNSTORABLE_TEXT)
    if found is not None:
        where, text = found
        raise fail(str(where[0]), unstorable_reason(text) or "cannot be stored")
    for key in _STRING_KEYS:
        if key in data and data[key] is not None and not isinstance(data[key], str | int):
            raise fail(key, f"must be text, not {type(data[key]).__name__}")
    for key in _LIST_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of names, e.g. [Rauf Mammadov, Leyla Aliyeva]")
    if "urgency" in data and (isinstance(data["urgency"], bool)
                              or not isinstance(data["urgency"], int)
                              or not 1 <= data["urgency"] <= 9):
        raise fail("urgency", "must be a whole number from 1 to 9")


def _dateline_fields(data: dict[str, Any], fail: Fail) -> dict[str, Any]:
    text = str(data.get("dateline") or "").strip()
    fields: dict[str, Any] = {}
    if text:
        try:
            dateline = read_dateline(text)
        except DatelineError as exc:
            raise fail("dateline", str(exc)) from exc
        fields = {"dateline_place": dateline.place, "dateline_date": dateline.date,
                  "dateline_source": dateline.source}
    for key in ("dateline_place", "dateline_source"):
        if key in data:
            fields[key] = str(data[key] or "")
    if "dateline_date" in data:
        fields["dateline_date"] = _day(data["dateline_date"], fail)
    return fields


def _day(value: Any, fail: Fail) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise fail("dateline_date", f"not a date like 2023-03-14: {value!r}"[:200]) from None


def _moment(value: Any, key: str, fail: Fail) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, datetime.min.time())
    text = value.isoformat() if isinstance(value, datetime) else str(value).strip()
    try:
        return parse_time(text)
    except ValueError as exc:
        raise fail(key, f"not a date: {text!r} ({exc})"[:200]) from None
