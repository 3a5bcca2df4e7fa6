"""The moderation queues as queries: pages of rows, counts and one review in full.

Queues: ``pending``, ``flagged`` (pending with at least one flag), ``approved``,
``rejected``, ``spam``. Pages use keyset paging on (submitted_at, id), so a page boundary
does not shift when reviews leave the queue after a decision. Besides story, author and
text, a queue narrows to one flag code or to who decided, and to a time window: what a
dashboard bar counted is what its queue then shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee

from newsdesk.errors import UserError
from newsdesk.moderation.reviews import author_history
from newsdesk.store.dialect import string_agg
from newsdesk.store.models import (
    REVIEW_STATUSES,
    RULES_MODERATOR,
    Article,
    Review,
    ReviewFlag,
)
from newsdesk.store.timestamps import stored_moment
from newsdesk.texts import Phrase, Text

QUEUES = ("pending", "flagged", "approved", "rejected", "spam")
QUEUE_NAMES = {"pending": Phrase("queue.pending", "Pending"),
               "flagged": Phrase("queue.flagged", "Flagged"),
               "approved": Phrase("queue.approved", "Approved"),
               "rejected": Phrase("queue.rejected", "Rejected"),
               "spam": Phrase("queue.spam", "Spam")}
QUEUE_LABELS = {queue: name.english for queue, name in QUEUE_NAMES.items()}
PAGE_SIZE = 200
SNIPPET_CHARS = 300  # the list shows the start of a review; the detail pane shows it all


@dataclass(frozen=True)
class QueueFilter:
    queue: str = "pending"
    article_id: int | None = None
    author: str = ""
    search: str = ""
    flag_code: str = ""  # only reviews carrying this flag (ReviewFlag.code)
    decided_by: str | None = None  # only reviews this moderator decided ("": not recorded)
    decided_since: datetime | None = None  # only reviews decided at or after (stored UTC)
    received_since: datetime | None = None  # only reviews submitted at or after (stored UTC)

    @property
    def narrowed(self) -> bool:
        """Narrowed by a flag, a moderator or a time (what the dashboard opens)."""
        return bool(self.flag_code or self.decided_by is not None or self.decided_since
                    or self.received_since)


@dataclass(frozen=True)
class QueueRow:
    id: int
    author: str
    email: str
    snippet: str
    submitted_at: datetime
    status: str
    headline: str
    flag_codes: tuple[str, ...]

    @property
    def key(self) -> tuple[datetime, int]:
        return (self.submitted_at, self.id)


# Who decided, when it is not a moderator's name.
RULES_NAME = Phrase("decider.rules", "automatic rules")
NOT_RECORDED = Phrase("decider.not_recorded", "not recorded")


def decider_name(moderated_by: str) -> Text | str:
    """Who decided, as people read it: a name, the automatic rules, or not recorded."""
    if moderated_by == RULES_MODERATOR:
        return RULES_NAME()
    return moderated_by or NOT_RECORDED()


def decider_label(moderated_by: str) -> str:
    """Who decided, in English (the command line's)."""
    return str(decider_name(moderated_by))


def _has_flag(code: str = "") -> peewee.Expression:
    """The review carries a flag (of ``code``, when given)."""
    flags = ReviewFlag.select(ReviewFlag.id).where(ReviewFlag.review == Review.id)
    if code:
        flags = flags.where(ReviewFlag.code == code)
    return peewee.fn.EXISTS(flags)


def _narrow(query: peewee.ModelSelect, spec: QueueFilter) -> peewee.ModelSelect:
    """Story, author, text, flag, moderator and time filters (every queue and the counts
    share them)."""
    if spec.article_id is not None:
        query = query.where(Review.article == spec.article_id)
    if spec.author.strip():
        who = spec.author.strip()
        query = query.where(Review.author.contains(who) | Review.email.contains(who))
    if spec.search.strip():
        query = query.where(Review.text.contains(spec.search.strip()))
    if spec.flag_code:
        query = query.where(_has_flag(spec.flag_code))
    if spec.decided_by is not None:
        query = query.where(Review.moderated_by == spec.decided_by)
    if spec.decided_since is not None:
        query = query.where(Review.moderated_at >= spec.decided_since)
    if spec.received_since is not None:
        query = query.where(Review.submitted_at >= spec.received_since)
    return query


def _in_queue(query: peewee.ModelSelect, queue: str) -> peewee.ModelSelect:
    if queue not in QUEUES:
        raise UserError(f"unknown queue {queue!r} (choose from {', '.join(QUEUES)})",
                        field="status")
    if queue == "flagged":
        return query.where((Review.status == "pending") & _has_flag())
    return query.where(Review.status == queue)


def fetch_page(spec: QueueFilter, after: tuple[datetime, int] | None = None,
               limit: int = PAGE_SIZE) -> list[QueueRow]:
    """The next ``limit`` rows of a queue after ``after`` (oldest first)."""
    codes = (ReviewFlag.select(string_agg(ReviewFlag.code))
             .where(ReviewFlag.review == Review.id))
    query = (Review.select(Review.id, Review.author, Review.email,
                           peewee.fn.SUBSTR(Review.text, 1, SNIPPET_CHARS),
                           Review.submitted_at, Review.status, Article.headline,
                           codes.alias("codes"))
             .join(Article))
    query = _narrow(_in_queue(query, spec.queue), spec)
    if after is not None:
        moment, last_id = after
        query = query.where((Review.submitted_at > moment) | (
            (Review.submitted_at == moment) & (Review.id > last_id)))
    query = query.order_by(Review.submitted_at, Review.id).limit(limit)
    return [QueueRow(review_id, author, email, snippet, stored_moment(submitted), status,
                     headline, tuple(sorted(set((flag_codes or "").split(",")) - {""})))
            for review_id, author, email, snippet, submitted, status, headline, flag_codes
            in query.tuples()]


def queue_counts(spec: QueueFilter) -> dict[str, int]:
    """How many reviews each queue holds under the filter's story/author/search."""
    counts = dict.fromkeys(QUEUES, 0)
    flagged = peewee.fn.SUM(peewee.Case(None, [(_has_flag(), 1)], 0))
    query = _narrow(Review.select(Review.status, peewee.fn.COUNT(Review.id), flagged),
                    spec).group_by(Review.status)
    for status, count, with_flags in query.tuples():
        counts[status] = count
        if status == "pending":
            counts["flagged"] = int(with_flags or 0)
    return counts


def review_detail(review_id: int) -> dict[str, Any] | None:
    """Everything the detail pane shows about one review (None if it is gone)."""
    review = (Review.select(Review, Article.headline, Article.slug).join(Article)
              .where(Review.id == review_id).first())
    if review is None:
        return None
    flags = [(f.code, f.reason) for f in
             ReviewFlag.select().where(ReviewFlag.review == review_id).order_by(ReviewFlag.id)]
    return {
        "id": review.id, "external_id": review.external_id, "author": review.author,
        "email": review.email, "text": review.text, "rating": review.rating,
        "submitted_at": review.submitted_at, "status": review.status,
        "moderated_at": review.moderated_at, "moderated_by": review.moderated_by,
        "article_id": review.article_id,
        "headline": review.article.headline, "slug": review.article.slug, "flags": flags,
        "history": author_history(review.author, review.email),
    }


def list_reviews(status: str | None = None, story: str | None = None) -> list[dict[str, Any]]:
    """Reviews for ``newsdesk reviews list``: every field, flags included, oldest first."""
    query = (Review.select(Review, Article.slug).join(Article)
             .order_by(Review.submitted_at, Review.id))
    if status:
        query = _in_queue(query, status)
    if story:
        found = Article.get_or_none((Article.slug == story) | (Article.uuid == story))
        if found is None:
            raise UserError(f"no story {story!r} in this database", field="--story")
        query = query.where(Review.article == found.id)
    reviews = list(query)
    flags: dict[int, list[dict[str, str]]] = {}
    ids = [r.id for r in reviews]
    for start in range(0, len(ids), 500):
        for flag in ReviewFlag.select().where(ReviewFlag.review.in_(ids[start:start + 500])):
            flags.setdefault(flag.review_id, []).append({"code": flag.code,
                                                         "reason": flag.reason})
    return [{
        "id": r.id, "external_id": r.external_id, "story": r.article.slug,
        "author": r.author, "email": r.email, "text": r.text, "rating": r.rating,
        "submitted": r.submitted_at.isoformat(), "status": r.status,
        "moderated": r.moderated_at.isoformat() if r.moderated_at else None,
        "moderated_by": r.moderated_by,
        "flags": flags.get(r.id, []),
    } for r in reviews]


def story_choices(limit: int = 300, keep: int | None = None) -> list[tuple[int, str]]:
    """Stories for the story filter, (id, headline) by headline: the ``limit`` most recently
    reviewed (every story would be useless at 100,000), plus ``keep`` if given.

    Read per status through the (status, submitted_at) index: a GROUP BY over all reviews
    took a third of a second on a large newsroom."""
    recent: list[tuple[Any, int]] = []
    for status in REVIEW_STATUSES:
        recent += [(submitted, article_id) for article_id, submitted in
                   Review.select(Review.article, Review.submitted_at)
                   .where(Review.status == status)
                   .order_by(Review.submitted_at.desc()).limit(limit * 3).tuples()]
    ids = list(dict.fromkeys(article_id for _when, article_id in
                             sorted(recent, key=lambda item: str(item[0]), reverse=True)))
    ids = ids[:limit] + ([keep] if keep is not None else [])
    return list(Article.select(Article.id, Article.headline)
                .where(Article.id.in_(ids)).order_by(Article.headline).tuples())
