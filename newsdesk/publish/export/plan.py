"""What an export is made of: the options, the stories as a format plans from them
(``StorySource``), the plan of files a format returns, each with a content key, and the
memo a format leaves in the manifest to carry unchanged files over next time."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeGuard

from newsdesk.errors import UserError
from newsdesk.publish.stories import ExportStory, StoryHeader, load_stories
from newsdesk.stories.body_limits import body_refusal
from newsdesk.stories.newsroom_zone import local_moment
from newsdesk.stories.workflow import EXPORTED_BY_DEFAULT

# No .json suffix: partners ingest every *.json file of a ninjs folder.
MANIFEST_NAME = ".newsdesk-manifest"


class PlannedFile(NamedTuple):
    """One output file: where it goes, what it depends on, and how to make it.

    ``make(*args)`` returns the bytes; ``make`` is a module-level function and ``args``
    plain data, so the work can be handed to another process. (A named tuple: a site
    plans thousands of these on every re-export, and tuples are the cheapest to make.)
    """

    path: str  # relative, POSIX separators
    key: str
    make: Callable[..., bytes]
    args: tuple[Any, ...] = ()
    story: ExportStory | None = None


@dataclass
class Plan:
    """What a format makes of the stories.

    ``files``: the files it worked out (each with its key). ``carried``: paths of the
    previous export that it knows are unchanged without working them out again (only when
    given the previous export's memo). ``memo``: what it wants handed back next time.
    ``warnings``: what the user should hear about the export, which is still made (one
    line each, e.g. feeds with relative links).
    """

    files: list[PlannedFile]
    carried: list[str] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class StorySource:
    """The stories of one export as a format plans from them.

    ``headers``: every story, newest first, without its text (``StoryHeader``).
    ``stories(ids)``: whole stories (all of them when ``ids`` is None), read once each and
    checked as they are read. ``memo`` and ``old_files``: the previous export's memo and
    file keys, when it was made by the same format and settings from this database (else
    None and empty): with them a format may carry files over instead of planning them.
    """

    def __init__(self, headers: list[StoryHeader], options: ExportOptions,
                 with_reviews: bool, memo: dict[str, Any] | None = None,
                 old_files: dict[str, str] | None = None) -> None:
        self.headers = headers
        self.memo = memo
        self.old_files = old_files or {}
        self._options = options
        self._with_reviews = with_reviews
        self._loaded: dict[int, ExportStory] = {}

    def stories(self, ids: Collection[int] | None = None) -> list[ExportStory]:
        """Whole stories, newest first: those of ``ids``, or all of them. (A story deleted
        meanwhile by a colleague is left out; the next export sees it gone.)"""
        wanted = self.headers
        if ids is not None:
            chosen = set(ids)
            wanted = [header for header in self.headers if header.id in chosen]
        missing = [header.id for header in wanted if header.id not in self._loaded]
        if missing:
            loaded = load_stories(
                self._options.statuses, since=self._options.since,
                with_reviews=self._with_reviews, now=self._options.now,
                ids=None if len(missing) == len(self.headers) else missing)
            check_bodies(loaded)
            self._loaded.update((story.id, story) for story in loaded)
        return [self._loaded[header.id] for header in wanted if header.id in self._loaded]


class ExportFormat(Protocol):
    name: str
    with_reviews: bool

    def settings_key(self) -> str:
        """A digest of the options that change every file (versions, templates...)."""

    def plan(self, source: StorySource) -> Plan:
        """The files of the export, story files first; given the previous export's memo
        (``source.memo``) a format may carry unchanged files over instead of planning
        them again."""


@dataclass
class ExportOptions:
    out: Path
    format: str = "site"
    statuses: tuple[str, ...] = EXPORTED_BY_DEFAULT
    ninjs_version: str = "2.1"
    since: date | datetime | None = None
    full: bool = False
    share_networks: tuple[str, ...] | None = None  # None: the site's default networks
    site_url: str | None = None  # None: the newsroom's stored site address
    review_email: str | None = None  # None: the stored reviews e-mail
    language: str | None = None  # the site's index and feeds; None: the stored one
    # The moment embargoes are judged at (naive UTC); None: when the export starts.
    now: datetime | None = None


@dataclass
class ExportResult:
    out: Path
    format: str
    stories: int = 0
    written: int = 0  # stories whose files were (re)written
    skipped: int = 0  # stories unchanged since the last export
    files_written: int = 0
    files_kept: int = 0
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the plan's, one line each
    # When each story left out for its embargo is released (naive UTC), earliest first,
    # and the newsroom's zone they are printed in ("" for UTC).
    held: list[datetime] = field(default_factory=list)
    zone: str = ""

    def summary(self) -> str:
        noun = "story" if self.stories == 1 else "stories"
        text = (f"exported {self.stories} {noun} as {self.format} to {self.out}: "
                f"{self.written} written, {self.skipped} unchanged and skipped "
                f"({self.files_written} files written, {self.files_kept} kept)")
        held = self.held_summary()
        return f"{text}; {held}" if held else text

    def held_summary(self) -> str:
        """How many stories the embargoes held and until when ("" when none)."""
        if not self.held:
            return ""
        first, last = (self.held_time(moment) for moment in (self.held[0], self.held[-1]))
        if len(self.held) == 1:
            return f"1 story held under embargo until {first}"
        if first == last:
            return f"{len(self.held)} stories held under embargo until {first}"
        return (f"{len(self.held)} stories held under embargo until {first} "
                f"(the last until {last})")

    def held_time(self, moment: datetime) -> str:
        """A release time as the summary prints it, in the newsroom's zone."""
        return f"{local_moment(moment, self.zone):%Y-%m-%d %H:%M} {self.zone or 'UTC'}"


def plan_per_story(source: StorySource, suffix: str, make: Callable[..., bytes],
                   *extra: object) -> Plan:
    """The plan of a format with one file per story (ninjs, Markdown): ``<slug><suffix>``
    made by ``make(story, *extra)``, for the stories whose stamp moved since the previous
    export (all of them without one); the others' files are carried over."""
    def file_of(story: ExportStory) -> PlannedFile:
        return PlannedFile(f"{story.slug}{suffix}", story.fingerprint(), make,
                           (story, *extra), story)

    old = (source.memo or {}).get("stamps")
    if not is_map_of(old, str, int):  # none, or damaged by hand: plan from scratch
        stories = source.stories()
        return Plan([file_of(story) for story in stories], [],
                    {"stamps": {story.uuid: story.stamp for story in stories}})
    stale = {h.id for h in source.headers if old.get(h.uuid) != h.stamp}
    changed = source.stories(stale)
    loaded = {story.id: story for story in changed}
    present = [h for h in source.headers if h.id in loaded or h.id not in stale]
    stamps = {h.uuid: loaded[h.id].stamp if h.id in loaded else h.stamp for h in present}
    return Plan([file_of(story) for story in changed],
                [f"{h.slug}{suffix}" for h in present if h.id not in loaded],
                {"stamps": stamps})


def is_map_of(value: object, key_type: type, value_type: type) -> TypeGuard[dict[Any, Any]]:
    """Whether a memo part read back from JSON has the shape it was written with (a
    manifest edited or damaged by hand must make a format plan from scratch, not fail)."""
    return isinstance(value, dict) and all(
        isinstance(k, key_type) and isinstance(v, value_type) for k, v in value.items())


def check_bodies(stories: Sequence[ExportStory]) -> None:
    """Refuse the export (before anything is written) if a story to write has no body.

    With the plan, not in ``checks``: ``StorySource`` checks stories as it reads them, and
    ``checks`` builds on the plan's records."""
    for story in stories:
        if not story.body.strip():
            raise UserError(f"{story.label()}: the story has no body", field="body")
        # Stories saved before the limits existed: one of them must not stop the export
        # with a traceback (or minutes of rendering) half-way through.
        refusal = body_refusal(story.body)
        if refusal:
            raise UserError(f"{story.label()}: {refusal}", field="body")


def module_key(module: Any) -> str:
    """What an output made by ``module``'s code depends on: its source text, so an export
    is rewritten when the code that wrote it changed. A desktop bundle (PyInstaller) has
    no source files: there the bundle itself stands for its code (a new build is a new
    executable), with newsdesk's version."""
    name = getattr(module, "__name__", "")
    try:
        return Path(module.__file__).read_text(encoding="utf-8")
    except (OSError, TypeError, AttributeError):
        from newsdesk import __version__

        try:
            built = Path(sys.executable).stat()
            bundle = f"{built.st_size}:{built.st_mtime_ns}"
        except OSError:
            bundle = ""
        return f"{name}@{__version__}@{bundle}"


def content_key(*parts: object) -> str:
    """A short digest of the parts a file is made from."""
    # One update of the parts joined (each followed by NUL): the same digest as hashing
    # them one by one, at a fraction of the calls (listings have hundreds of parts).
    text = "\0".join(map(str, parts)) + "\0" if parts else ""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
