"""Readers' reviews: importing with the rules applied, decisions and their undo.

File formats live in ``review_import``, the rules themselves in ``review_rules``, the
queue queries in ``review_queue``. Every decision returns a ``DecisionGroup`` that records
each review's previous status, so undo restores exactly those reviews, whatever the queue
looks like meanwhile.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee

from newsdesk.errors import UserError
from newsdesk.moderation.rule_store import load_rules
from newsdesk.moderation.rules import (
    REPEAT_MIN_CHARS,
    REPEATED_REVIEW,
    RuleSet,
    normalise,
    public_text,
)
from newsdesk.store.models import (
    RULES_MODERATOR,
    Article,
    ModerationRule,
    Review,
    ReviewFlag,
    database_proxy,
)
from newsdesk.store.timestamps import parse_time, utcnow
from newsdesk.texts import Phrase

REQUIRED_FIELDS = ("id", "article", "author", "text", "submitted")
DECISIONS = ("approved", "rejected", "spam")
# Word forms the CLI and the window accept for a decision.
DECISION_WORDS = {"approve": "approved", "reject": "rejected", "spam": "spam",
                  "approved": "approved", "rejected": "rejected"}
CHUNK = 500  # ids per IN (...) when looking rows up

# Why a record of a review file cannot be imported (shown as file:line: field: reason).
NOT_A_TIME = Phrase("review.not_a_time", "not an ISO 8601 time: {value}")
RATING_RANGE = Phrase("review.rating_range", "must be 1 to 5, not {value}")
EXPECTED_TEXT = Phrase("review.expected_text", "expected text, found {found}")
MISSING = Phrase("review.missing", "missing")
NO_SUCH_STORY = Phrase("review.no_such_story", "no story {story} in this database")
DUPLICATE_ID = Phrase("review.duplicate_id", "duplicate id {id} (first on line {first})")
NO_AUTHOR_TO_BAN = Phrase("review.no_author_to_ban", "this review has no author to ban")
Progress = Callable[[int, int], None]  # (done, total); may raise to cancel


@dataclass(frozen=True)
class ReviewRecord:
    """One record of an import file, with the line it came from (for error messages)."""

    data: Mapping[str, Any]
    line: int


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # ids already in the database
    flagged: int  # added as pending with at least one flag
    rejected: int  # added as rejected by a rule

    def summary(self) -> str:
        return (f"imported {self.added} review{'s' if self.added != 1 else ''} "
                f"({self.flagged} flagged, {self.rejected} rejected by rules); "
                f"skipped {self.skipped} already imported")


def text_digest(text: str, normalised: str | None = None) -> str:
    """A digest of the normalised text, so the same review posted again is recognised
    (also when retyped with other capitals, spacing or hidden characters)."""
    normalised = normalise(text) if normalised is None else normalised
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def parse_submitted(value: Any, *, source: str, line: int) -> datetime:
    try:
        return parse_time(str(value).strip())
    except ValueError as exc:
        raise UserError(NOT_A_TIME(value=repr(value)), file=source, line=line,
                        field="submitted") from exc


# -- import ------------------------------------------------------------------------------
def _story_lookup(records: Sequence[ReviewRecord]) -> dict[str, tuple[int, str]]:
    """Every story the records name (slug or uuid) -> (id, headline), in few queries."""
    refs = sorted({str(r.data.get("article") or "").strip() for r in records} - {""})
    found: dict[str, tuple[int, str]] = {}
    for chunk in chunks(refs):
        query = (Article.select(Article.id, Article.slug, Article.uuid, Article.headline)
                 .where(Article.slug.in_(chunk) | Article.uuid.in_(chunk)).tuples())
        for article_id, slug, uuid, headline in query:
            found[slug] = found[uuid] = (article_id, headline)
    return found


def _rating(data: Mapping[str, Any], source: str, line: int) -> int | None:
    value = data.get("rating")
    if value in (None, ""):
        return None
    try:
        rating = int(str(value).strip())
    except ValueError:
        rating = 0
    if isinstance(value, bool) or not 1 <= rating <= 5:
        raise UserError(RATING_RANGE(value=repr(value)), file=source, line=line,
                        field="rating")
    return rating


def _validate(record: ReviewRecord, source: str,
              stories: Mapping[str, tuple[int, str]]) -> dict[str, Any]:
    data = record.data
    for name in REQUIRED_FIELDS:
        value = data.get(name)
        if isinstance(value, dict | list):
            raise UserError(EXPECTED_TEXT(found=type(value).__name__), file=source,
                            line=record.line, field=name)
        if str(value if value is not None else "").strip() == "":
            raise UserError(MISSING(), file=source, line=record.line, field=name)
    ref = str(data["article"]).strip()
    if ref not in stories:
        raise UserError(NO_SUCH_STORY(story=repr(ref)), file=source,
                        line=record.line, field="article")
    text = str(data["text"])
    normalised = normalise(text)
    return {
        "external_id": str(data["id"]).strip(), "article": stories[ref][0],
        "author": str(data["author"]).strip(), "email": str(data.get("email") or "").strip(),
        "text": text, "text_hash": text_digest(text, normalised), "_normalised": normalised,
        "rating": _rating(data, source, record.line),
        "submitted_at": parse_submitted(data["submitted"], source=source, line=record.line),
        "imported_at": utcnow(), "status": "pending", "moderated_by": "",
    }


def _check_duplicates(records: Sequence[ReviewRecord], rows: list[dict[str, Any]],
                      source: str) -> None:
    seen: dict[str, int] = {}
    for record, row in zip(records, rows, strict=True):
        if row["external_id"] in seen:
            raise UserError(DUPLICATE_ID(id=repr(row["external_id"]),
                                         first=str(seen[row["external_id"]])),
                            file=source, line=record.line, field="id")
        seen[row["external_id"]] = record.line


def _existing_ids(external_ids: list[str]) -> set[str]:
    existing: set[str] = set()
    for chunk in chunks(external_ids):
        existing.update(r for (r,) in Review.select(Review.external_id)
                        .where(Review.external_id.in_(chunk)).tuples())
    return existing


def describe_original(submitted: datetime, headline: str) -> str:
    clipped = headline if len(headline) <= 60 else headline[:59] + "…"
    return str(REPEATED_REVIEW(date=f"{submitted:%Y-%m-%d}", headline=clipped))


def _earlier_posts(hashes: list[str]) -> dict[str, str]:
    """For texts already in the database: digest -> where the first one was posted."""
    return {digest: describe_original(submitted, headline)
            for digest, (submitted, _id, headline) in _first_posts(hashes).items()}


def _apply_rules(rows: list[dict[str, Any]], headlines: Mapping[int, str],
                 rules: RuleSet) -> dict[str, list[tuple[str, str]]]:
    """Set each new row's status; returns external id -> [(code, reason)] flags."""
    earlier = _earlier_posts(sorted({r["text_hash"] for r in rows}))
    flags: dict[str, list[tuple[str, str]]] = {}
    for row in sorted(rows, key=lambda r: (r["submitted_at"], r["external_id"])):
        repeat_of = None
        if len(row["_normalised"]) >= REPEAT_MIN_CHARS:
            repeat_of = earlier.get(row["text_hash"])
            earlier.setdefault(row["text_hash"], describe_original(
                row["submitted_at"], headlines.get(row["article"], "")))
        verdict = rules.evaluate(row["text"], row["author"], row["email"], repeat_of,
                                 normalised=row["_normalised"])
        row["status"] = verdict.status
        if verdict.status != "pending":
            row["moderated_at"] = row["imported_at"]
            row["moderated_by"] = RULES_MODERATOR
        if verdict.flags:
            flags[row["external_id"]] = [(f.code, f.reason) for f in verdict.flags]
    return flags


STORED_COLUMNS = ("external_id", "article_id", "author", "email", "text", "text_hash",
                  "rating", "submitted_at", "imported_at", "status", "moderated_at",
                  "moderated_by")


def _db_value(value: Any) -> Any:
    # One text form for times everywhere (peewee's own): "YYYY-MM-DD HH:MM:SS[.ffffff]".
    return str(value) if isinstance(value, datetime) else value


def _store(rows: list[dict[str, Any]], flags: dict[str, list[tuple[str, str]]],
           progress: Progress | None) -> None:
    """Plain executemany: building 10,000-row inserts through peewee's query builder
    cost more than the inserts themselves."""
    database = database_proxy.obj
    marks = ", ".join([database.param] * len(STORED_COLUMNS))
    sql = f"INSERT INTO review ({', '.join(STORED_COLUMNS)}) VALUES ({marks})"
    columns = [c.removesuffix("_id") if c == "article_id" else c for c in STORED_COLUMNS]
    for done, chunk in enumerate(chunks(rows, 1000)):
        database.cursor().executemany(
            sql, [tuple(_db_value(r.get(c)) for c in columns) for r in chunk])
        if progress:
            progress(min(len(rows), (done + 1) * 1000), len(rows))
    flagged_ids = list(flags)
    for chunk in chunks(flagged_ids):
        ids = dict(Review.select(Review.external_id, Review.id)
                   .where(Review.external_id.in_(chunk)).tuples())
        ReviewFlag.insert_many(
            [(ids[ext], code, reason) for ext in chunk for code, reason in flags[ext]],
            fields=[ReviewFlag.review, ReviewFlag.code, ReviewFlag.reason]).execute()


def import_records(records: Sequence[ReviewRecord], source: str,
                   progress: Progress | None = None) -> ImportResult:
    """Validate every record, apply the moderation rules, then store the new ones (with
    their flags) in one transaction. Ids already in the database are skipped, so
    re-importing a file adds nothing. ``progress`` may raise to cancel: nothing is kept.
    """
    stories = _story_lookup(records)
    rows = [_validate(record, source, stories) for record in records]
    _check_duplicates(records, rows, source)
    existing = _existing_ids([row["external_id"] for row in rows])
    new_rows = [row for row in rows if row["external_id"] not in existing]
    headlines = {article_id: headline for article_id, headline in stories.values()}
    with database_proxy.atomic():
        flags = _apply_rules(new_rows, headlines, RuleSet(load_rules()))
        _store(new_rows, flags, progress)
    return ImportResult(
        added=len(new_rows), skipped=len(rows) - len(new_rows),
        flagged=sum(1 for r in new_rows if r["status"] == "pending"
                    and r["external_id"] in flags),
        rejected=sum(1 for r in new_rows if r["status"] == "rejected"))


# -- checking pending reviews again ---------------------------------------------------------
@dataclass
class RecheckResult:
    checked: int  # pending reviews looked at
    flagged: int  # of those left pending, how many carry a flag now
    group: DecisionGroup  # the ones the rules rejected (undoable like any decision)

    def summary(self) -> str:
        noun = "review" if self.checked == 1 else "reviews"
        return (f"checked {self.checked} pending {noun} against the rules: "
                f"{self.group.count} rejected, {self.flagged} flagged")


def pending_count() -> int:
    return Review.select().where(Review.status == "pending").count()


def recheck_pending(progress: Progress | None = None) -> RecheckResult:
    """Apply the current rules to every pending review, in one transaction.

    Banned words and authors reject (one decision group, so Z undoes it); every pending
    review's flags are worked out again, so a suspect word added since shows and one
    removed goes. A review repeats another if an earlier one (by time, then id) has the
    same text, as on import. ``progress`` may raise to cancel: nothing is changed.
    """
    rules = RuleSet(load_rules())
    with database_proxy.atomic():
        rows = list(Review.select(Review.id, Review.text, Review.author, Review.email,
                                  Review.text_hash, Review.submitted_at)
                    .where(Review.status == "pending").order_by(Review.id).tuples())
        first = _first_posts(sorted({row[4] for row in rows}))
        rejected: list[int] = []
        flags: dict[int, list[tuple[str, str]]] = {}
        for done, (review_id, text, author, email, digest, submitted) in enumerate(rows, 1):
            matched = normalise(text)
            original = first.get(digest)
            repeat_of = None
            if (len(matched) >= REPEAT_MIN_CHARS and original is not None
                    and original[:2] < (submitted, review_id)):
                repeat_of = describe_original(original[0], original[2])
            verdict = rules.evaluate(text, author, email, repeat_of, normalised=matched)
            if verdict.status == "rejected":
                rejected.append(review_id)
            if verdict.flags:
                flags[review_id] = [(f.code, f.reason) for f in verdict.flags]
            if progress and (done % 500 == 0 or done == len(rows)):
                progress(done, len(rows))
        ids = [row[0] for row in rows]
        for chunk in chunks(ids):
            ReviewFlag.delete().where(ReviewFlag.review.in_(chunk)).execute()
        marks = [(review_id, code, reason) for review_id, found in flags.items()
                 for code, reason in found]
        for chunk in chunks(marks, 1000):
            ReviewFlag.insert_many(chunk, fields=[ReviewFlag.review, ReviewFlag.code,
                                                  ReviewFlag.reason]).execute()
        group = (decide(rejected, "rejected", "rules", seen_status="pending",
                        moderator=RULES_MODERATOR) if rejected
                 else DecisionGroup("rejected", [], label="rules"))
    gone = set(rejected)
    return RecheckResult(len(rows), sum(1 for i in flags if i not in gone), group)


def _first_posts(hashes: list[str]) -> dict[str, tuple[datetime, int, str]]:
    """For each text digest: the earliest review with it (time, id, story headline)."""
    found: dict[str, tuple[datetime, int, str]] = {}
    for chunk in chunks(hashes):
        query = (Review.select(Review.text_hash, Review.submitted_at, Review.id,
                               Article.headline)
                 .join(Article).where(Review.text_hash.in_(chunk)).tuples())
        for digest, submitted, review_id, headline in query:
            if digest not in found or (submitted, review_id) < found[digest][:2]:
                found[digest] = (submitted, review_id, headline)
    return found


# -- decisions and undo --------------------------------------------------------------------
@dataclass(frozen=True)
class PriorState:
    review_id: int
    status: str
    moderated_at: Any
    moderated_by: str = ""


@dataclass
class DecisionGroup:
    """One user action (a decision on one or many reviews, or a ban) and what it changed."""

    status: str
    prior: list[PriorState]
    banned_author: str | None = None  # the rule this action added, removed again on undo
    label: str = ""
    # Reviews left alone because someone else had decided them since the moderator looked.
    stale: list[int] = field(default_factory=list)
    # ... and the status each of them was left in.
    stale_status: dict[int, str] = field(default_factory=dict)

    @property
    def review_ids(self) -> list[int]:
        return [p.review_id for p in self.prior]

    @property
    def overturned(self) -> list[PriorState]:
        """The reviews this action took from one decision to another (not from pending,
        not to the decision they already had): someone's earlier decision was changed."""
        return [p for p in self.prior
                if p.status not in ("pending", self.status) and self.status in DECISIONS]

    @property
    def count(self) -> int:
        return len(self.prior)


def decision_status(word: str) -> str:
    status = DECISION_WORDS.get(word.strip().lower())
    if status is None:
        raise UserError(f"unknown decision {word!r} (choose approve, reject or spam)",
                        field="decision")
    return status


def _in_list(count: int) -> str:
    return ", ".join([database_proxy.obj.param] * count)


def _prior_states(ids: list[int]) -> list[PriorState]:
    """Each review's status before the decision (plain SQL: for 10,000 ids peewee's query
    builder would cost more than the query)."""
    found: dict[int, PriorState] = {}
    # The states read must be the ones the decision overwrites (they are reported as what
    # changed): SQLite's write transaction already excludes other writers; PostgreSQL's
    # read-committed one needs the rows locked.
    locked = "" if isinstance(database_proxy.obj, peewee.SqliteDatabase) else " FOR UPDATE"
    for chunk in chunks(ids, 30000):  # under SQLite's 32,766 variables
        cursor = database_proxy.obj.execute_sql(
            f"SELECT id, status, moderated_at, moderated_by FROM review "
            f"WHERE id IN ({_in_list(len(chunk))}){locked}", list(chunk))
        for review_id, status, moderated_at, moderated_by in cursor:
            found[review_id] = PriorState(review_id, status, moderated_at, moderated_by)
    unknown = [i for i in ids if i not in found]
    if unknown:
        shown = ", ".join(str(i) for i in unknown[:10]) + (" ..." if len(unknown) > 10 else "")
        raise UserError(f"no review with id {shown}", field="id")
    return [found[i] for i in ids]


def decide(review_ids: Iterable[int], status: str, label: str = "", *,
           seen_status: str | None = None, moderator: str = "") -> DecisionGroup:
    """Approve, reject or mark as spam several reviews in one transaction, recording
    ``moderator`` as who decided ("" when nobody is named: not recorded).

    Unknown ids fail the whole decision (naming them) and change nothing. With
    ``seen_status`` (the state the moderator saw them in) a review that another moderator
    decided meanwhile is left as they decided it and reported in ``stale``: the check is in
    the UPDATE itself, so two moderators can never both decide one review.
    """
    if status not in DECISIONS:
        raise UserError(f"unknown decision {status!r}", field="status")
    ids = list(dict.fromkeys(int(i) for i in review_ids))
    param = database_proxy.obj.param
    condition = f" AND status = {param}" if seen_status is not None else ""
    extra = [seen_status] if seen_status is not None else []
    changed: set[int] = set()
    with database_proxy.atomic():
        prior = _prior_states(ids)
        now = str(utcnow())
        for chunk in chunks(ids, 30000):
            cursor = database_proxy.obj.execute_sql(
                f"UPDATE review SET status = {param}, moderated_at = {param}, "
                f"moderated_by = {param} WHERE id IN ({_in_list(len(chunk))}){condition} "
                f"RETURNING id", [status, now, moderator.strip(), *chunk, *extra])
            changed.update(review_id for (review_id,) in cursor)
    return DecisionGroup(status, [p for p in prior if p.review_id in changed],
                         label=label or f"{status} {len(changed)}",
                         stale=[i for i in ids if i not in changed],
                         stale_status={p.review_id: p.status for p in prior
                                       if p.review_id not in changed})


def undo(group: DecisionGroup) -> list[int]:
    """Put back exactly the reviews ``group`` changed; returns their ids.

    A review someone decided again since (e.g. from the command line) is left as it is.
    """
    by_state: dict[tuple[str, Any, str], list[int]] = {}
    for prior in group.prior:
        by_state.setdefault((prior.status, prior.moderated_at, prior.moderated_by),
                            []).append(prior.review_id)
    with database_proxy.atomic():
        for (status, moderated_at, moderated_by), ids in by_state.items():
            for chunk in chunks(ids, 30000):
                Review.update(status=status, moderated_at=moderated_at,
                              moderated_by=moderated_by).where(
                    Review.id.in_(list(chunk)) & (Review.status == group.status)).execute()
        if group.banned_author:
            ModerationRule.delete().where((ModerationRule.kind == "banned_author") & (
                ModerationRule.value == group.banned_author)).execute()
    return group.review_ids


@dataclass
class DecisionHistory:
    """The undo stack of one window (it need not survive a restart)."""

    groups: list[DecisionGroup] = field(default_factory=list)
    limit: int = 500

    def push(self, group: DecisionGroup) -> DecisionGroup:
        if group.count or group.banned_author:
            self.groups.append(group)
            del self.groups[:-self.limit]
        return group

    def undo(self) -> DecisionGroup | None:
        if not self.groups:
            return None
        undo(self.groups[-1])  # popped only once undone: a failed undo can be tried again
        return self.groups.pop()

    def __len__(self) -> int:
        return len(self.groups)


# -- authors -----------------------------------------------------------------------------
def _author_condition(author: str, email: str) -> peewee.Expression:
    """The same person: the same email if there is one, else the same name."""
    if email.strip():
        return Review.email == email.strip()
    return (Review.author == author.strip()) & (Review.email == "")


def author_history(author: str, email: str) -> dict[str, int]:
    counts = dict.fromkeys(("pending", "approved", "rejected", "spam"), 0)
    query = (Review.select(Review.status, peewee.fn.COUNT(Review.id))
             .where(_author_condition(author, email)).group_by(Review.status).tuples())
    counts.update(dict(query))
    return counts


def ban_author(author: str, email: str, *, reject_pending: bool,
               moderator: str = "") -> DecisionGroup:
    """Add the author (by email, else name) to the banned authors; optionally reject all
    their pending reviews in the same transaction (decided by ``moderator``). Undoing it
    lifts the ban as well."""
    value = (email or author).strip()
    if not value:
        raise UserError(NO_AUTHOR_TO_BAN(), field="author")
    with database_proxy.atomic():
        exists = ModerationRule.select().where(
            (ModerationRule.kind == "banned_author")
            & (peewee.fn.LOWER(ModerationRule.value) == value.lower())).exists()
        if not exists:
            ModerationRule.create(kind="banned_author", value=value)
        group = DecisionGroup("rejected", [], banned_author=None if exists else value,
                              label=f"ban {value}")
        if reject_pending:
            ids = [i for (i,) in Review.select(Review.id).where(
                _author_condition(author, email) & (Review.status == "pending")).tuples()]
            if ids:
                decided = decide(ids, "rejected", moderator=moderator)
                group.prior = decided.prior
    return group


# -- what is published -------------------------------------------------------------------
def approved_for(article_id: int) -> list[dict[str, Any]]:
    """The approved reviews of one story, oldest first, for the preview and the site.

    ``author`` and ``text`` are plain text with direction overrides and invisible
    characters removed; the template must still HTML-escape them (they are untrusted).
    """
    query = (Review.select(Review.id, Review.author, Review.text, Review.rating,
                           Review.submitted_at)
             .where((Review.article == article_id) & (Review.status == "approved"))
             .order_by(Review.submitted_at, Review.id).tuples())
    return [{"id": review_id, "author": public_text(author), "text": public_text(text),
             "rating": rating, "submitted_at": submitted}
            for review_id, author, text, rating, submitted in query]
