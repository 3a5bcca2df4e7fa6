"""Reading what changed on the server since a replica's last pull, in one consistent
snapshot (REPEATABLE READ): the change numbers, the rows, and the transactions still open
(their changes may carry lower numbers than ones seen; the next pull reads them again)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsdesk.store.models import Article, PictureBlob, database_proxy
from newsdesk.sync.pulled_locks import server_locks
from newsdesk.sync.tables import BLOBS, SPECS, TableSpec, pulled_fields

CHUNK = 1000
ARTICLE_CHILDREN = tuple(name for name, spec in SPECS.items() if spec.story_child)


@dataclass(frozen=True)
class ReplicaView:
    """What the replica already holds, as the read needs it (server ids)."""

    last_seq: int
    open_xids: list[str]
    full_articles: set[int]  # stories whose full text is here
    reviews: set[int]
    blobs: set[int]
    blob_files: set[str]  # SHA-256 of every picture file here (paired or not)
    keep_all: bool
    keep: set[str]  # uuids to keep in full
    local_only: set[str]  # uuids of stories made here and not yet paired


@dataclass
class ServerBatch:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    gone: dict[str, list[int]] = field(default_factory=dict)
    blobs: dict[int, dict[str, Any]] = field(default_factory=dict)
    full_articles: set[int] = field(default_factory=set)  # in this batch, with text
    last_seq: int = 0
    open_xids: list[str] = field(default_factory=list)
    # Colleagues' live locks, by the server's story id (pulled_locks.py).
    locks: dict[int, tuple[str, str, str]] = field(default_factory=dict)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def _rows(spec: TableSpec, ids: Iterable[int], *, text: bool = True) -> list[dict[str, Any]]:
    fields = pulled_fields(spec, text=text)
    found: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        found.extend(spec.model.select(*fields).where(spec.model.id.in_(chunk)).dicts())
    return found


def _child_ids(spec: TableSpec, link: str, parents: set[int]) -> set[int]:
    column = spec.model._meta.fields[link]
    found: set[int] = set()
    for chunk in _chunks(parents):
        found.update(i for (i,) in spec.model.select(spec.model.id)
                     .where(column.in_(chunk)).tuples())
    return found


def read_changes(view: ReplicaView) -> ServerBatch:
    """Everything the replica lacks (models bound to the server, inside a transaction)."""
    database = database_proxy.obj
    database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    batch = ServerBatch()
    batch.open_xids = [x for (x,) in database.execute_sql(
        "SELECT pg_snapshot_xip(pg_current_snapshot())::text").fetchall()]
    changed: dict[str, set[int]] = {name: set() for name in SPECS}
    sql = "SELECT table_name, row_id, seq, deleted FROM sync_change WHERE seq > %s"
    params: list[Any] = [view.last_seq]
    if view.open_xids:
        sql += " OR xid IN (" + ", ".join(["%s"] * len(view.open_xids)) + ")"
        params.extend(view.open_xids)
    batch.last_seq = view.last_seq
    for table, row_id, seq, deleted in database.execute_sql(sql, params):
        batch.last_seq = max(batch.last_seq, seq)
        if table not in SPECS:
            continue
        if deleted:
            batch.gone.setdefault(table, []).append(row_id)
        else:
            changed[table].add(row_id)
    _read_stories(view, batch, changed)
    for name, spec in SPECS.items():
        if name != "article":
            batch.rows[name] = _rows(spec, changed[name])
    _keep_story_children(view, batch)
    batch.blobs = _files(view, {row["blob"] for row in batch.rows["picture"]} - view.blobs)
    batch.locks = server_locks()
    return batch


def _files(view: ReplicaView, wanted: set[int]) -> dict[int, dict[str, Any]]:
    """The picture files the replica lacks, with their bytes; of the files it has (one it
    sent itself), only the SHA-256 it finds them by (a file is up to 40 MB)."""
    known: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(wanted):
        known.update((row["id"], row) for row in PictureBlob.select(
            PictureBlob.id, PictureBlob.sha256).where(PictureBlob.id.in_(chunk)).dicts())
    lacking = {blob_id for blob_id, row in known.items() if row["sha256"] not in view.blob_files}
    known.update((row["id"], row) for row in _rows(BLOBS, lacking))
    return known


def _read_stories(view: ReplicaView, batch: ServerBatch, changed: dict[str, set[int]]) -> None:
    """Every changed story's header; the full text (and everything in it: tags,
    revisions, reviews, pictures) of the stories kept in full, also of those newly kept."""
    spec = SPECS["article"]
    headers = _rows(spec, changed["article"], text=False)
    wanted = view.keep | view.local_only
    newly_full = _newly_kept(view)
    full = {row["id"] for row in headers
            if view.keep_all or row["id"] in view.full_articles or row["uuid"] in wanted}
    full |= newly_full
    missing = newly_full - {row["id"] for row in headers}
    headers.extend(_rows(spec, missing, text=False))
    texts: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(full):
        texts.update((row["id"], row) for row in
                     Article.select(Article.id, Article.body, Article.footnote)
                     .where(Article.id.in_(chunk)).dicts())
    for row in headers:
        if row["id"] in texts:
            row.update(body=texts[row["id"]]["body"], footnote=texts[row["id"]]["footnote"])
    batch.rows["article"] = headers
    batch.full_articles = full
    # A story kept in full for the first time brings everything it has.
    for name in ARTICLE_CHILDREN:
        changed[name] |= _child_ids(SPECS[name], "article", newly_full)
    changed["review_flag"] |= _child_ids(SPECS["review_flag"], "review",
                                         _child_ids(SPECS["review"], "article", newly_full))


def _newly_kept(view: ReplicaView) -> set[int]:
    """Stories to hold in full that the replica holds only the header of (or nothing)."""
    query = Article.select(Article.id)
    if not view.keep_all:
        if not view.keep:
            return set()
        query = query.where(Article.uuid.in_(sorted(view.keep)))
    return {i for (i,) in query.tuples()} - view.full_articles


def _keep_story_children(view: ReplicaView, batch: ServerBatch) -> None:
    """Drop the rows that belong to stories held by their header only."""
    full = view.full_articles | batch.full_articles
    for name in ARTICLE_CHILDREN:
        batch.rows[name] = [row for row in batch.rows[name] if row["article"] in full]
    reviews = view.reviews | {row["id"] for row in batch.rows["review"]}
    batch.rows["review_flag"] = [row for row in batch.rows["review_flag"]
                                 if row["review"] in reviews]
