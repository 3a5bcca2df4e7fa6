"""Writing a pulled batch into the replica, a few hundred rows per transaction, each row
paired with its server id in the same transaction (so a killed pull, run again, updates
what it wrote instead of writing it twice).

A story edited here that the push did not settle (the server refused it, or it was edited
here while the sync ran) keeps the replica's version: the next sync pushes it. One the
push sent and that was saved here again after the push read it (the editor's autosave
while the sync ran) keeps its newer text too, paired as sent: the next sync sends that
text over the one this sync sent, as an ordinary edit. So does a review decided here
again after the push sent its decision (an undo from the keyboard).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import peewee

from newsdesk.store.models import (
    Article,
    ArticleTag,
    PictureBlob,
    Review,
    Revision,
    SyncRow,
    database_proxy,
)
from newsdesk.sync import bulk
from newsdesk.sync.bookkeeping import GROUP_TABLE, Pairing
from newsdesk.sync.fingerprints import article_digest, digest, pushed_fields
from newsdesk.sync.local_changes import TagKey
from newsdesk.sync.pairs import Pairs
from newsdesk.sync.push import PushOutcome, Settled
from newsdesk.sync.removed_rows import removed, removed_marks
from newsdesk.sync.report import SyncReport
from newsdesk.sync.server_read import ServerBatch
from newsdesk.sync.tables import SPECS, STORY_TEXT_FIELDS, TableSpec

CHUNK = 500


def apply_batch(batch: ServerBatch, report: SyncReport, *, pushed: PushOutcome,
                checkpoint: Callable[[str], None]) -> None:
    """Write ``batch`` (models bound to the replica); ``pushed``: what this sync's push
    sent (its stories' server versions now win here, unless saved here again since)."""
    pairs, settled = Pairs(), pushed.settled
    for name, spec in SPECS.items():
        rows = batch.rows.get(name, [])
        for start in range(0, len(rows), CHUNK):
            with database_proxy.atomic():
                _upsert(spec, rows[start:start + CHUNK], pairs, batch, report, pushed)
            checkpoint(f"pulled {name}")
    for name in reversed(SPECS):
        gone = batch.gone.get(name, [])
        pairs.load(name, server_ids=gone)
        for start in range(0, len(gone), CHUNK):
            with database_proxy.atomic():
                for server_id in gone[start:start + CHUNK]:
                    _remove(SPECS[name], server_id, pairs, report, settled)
    with database_proxy.atomic():
        _drop_replaced_revisions(settled, pairs)
        _forget_vanished_tags(pushed.untagged)
        _clear_sent_text(settled)


def _translated(spec: TableSpec, row: dict[str, Any], pairs: Pairs,
                batch: ServerBatch) -> dict[str, Any] | None:
    """The row's values with its links turned into the replica's ids; None when a row it
    needs is not here (a tag of a story held by its header only)."""
    values = {k: v for k, v in row.items() if k != "id"}
    for link, parent in spec.parents.items():
        server_parent = values.get(link)
        if server_parent is None:
            continue
        local = (_blob(server_parent, pairs, batch) if parent == "picture_blob"
                 else pairs.local(parent, server_parent))
        if local is None or removed(local):
            if spec.model._meta.fields[link].null:
                values[link] = None
                continue
            return None
        values[link] = local
    return values


def _blob(server_id: int, pairs: Pairs, batch: ServerBatch) -> int | None:
    local = pairs.local("picture_blob", server_id)
    if (local is not None and not removed(local)) or server_id not in batch.blobs:
        return local
    values = {k: v for k, v in batch.blobs[server_id].items() if k != "id"}
    found = PictureBlob.get_or_none(PictureBlob.sha256 == values["sha256"])
    if found is None and "data" not in values:
        return None  # read without its bytes, as here, and gone from here since
    local = found.id if found is not None else PictureBlob.insert(**values).execute()
    pairs.pair("picture_blob", server_id, local)
    return local


def _upsert(spec: TableSpec, rows: list[dict[str, Any]], pairs: Pairs, batch: ServerBatch,
            report: SyncReport, pushed: PushOutcome) -> None:
    """Write one chunk of a table's pulled rows and their pairings, a few statements in
    all (``bulk``)."""
    model, name = spec.model, spec.name
    pairs.load(name, server_ids=[row["id"] for row in rows])
    for link, parent in spec.parents.items():
        pairs.load(parent, server_ids=[row[link] for row in rows])
    wanted = [(row, values) for row in rows
              if (values := _translated(spec, row, pairs, batch)) is not None]
    located = _locate(spec, wanted, pairs)
    if model is Article:
        located, deleted_since = _deleted_since_sent(located, pushed.settled)
        pairs.record(deleted_since)
        located, saved_again = _overwritable(located, pairs, pushed.settled)
        pairs.record(_paired_as_sent(saved_again, pairs, pushed.settled))
        _make_room([values for _row, values, _local in located])
    elif spec.name == "review" and pushed.decided:
        located, decided_again = _decided_again(located, pushed.decided)
        pairs.record(decided_again)
    elif spec.name == "article_tag" and pushed.tagged:
        located, tagged_again = _tagged_again(located, pushed.tagged)
        pairs.record(tagged_again)
    inserts: list[tuple[int, dict[str, Any]]] = []
    updates: list[tuple[int, dict[str, Any]]] = []
    paired: list[Pairing] = []
    fresh = iter(bulk.next_ids(model, sum(local is None for _r, _v, local in located)))
    for row, values, local_id in located:
        base = _base(spec, row, values, batch)
        if local_id is None:
            local_id = next(fresh)
            inserts.append((local_id, values))
        else:
            updates.append((local_id, values))
        paired.append(Pairing(table_name=name, server_id=row["id"], local_id=local_id,
                              **base))
    bulk.update_rows(model, updates)
    bulk.insert_rows(model, inserts)
    pairs.record(paired)
    if paired:
        report.count(name, rows=len(paired))
    if model is Article:
        _remember_groups(located, paired)
    _link_to_own_table(spec, located, pairs)


def _remember_groups(located: list[tuple[dict[str, Any], dict[str, Any], int | None]],
                     paired: list[Pairing]) -> None:
    """Each written story's translation group as pulled (``local_additions``)."""
    groups = [Pairing(table_name=GROUP_TABLE, server_id=pair.server_id,
                      local_id=pair.local_id, base_hash=row["translation_group"])
              for (row, _values, _local), pair in zip(located, paired, strict=True)
              if row.get("translation_group")]
    bulk.pair_rows(groups)
    bulk.forget_pairs(GROUP_TABLE, [row["id"] for row, _values, _local in located
                                    if not row.get("translation_group")])


def _locate(spec: TableSpec, wanted: list[tuple[dict[str, Any], dict[str, Any]]],
            pairs: Pairs) -> list[tuple[dict[str, Any], dict[str, Any], int | None]]:
    """Each row with the replica's row it updates: the one paired with it, else one of
    the same natural key not paired yet (a row a push sent), else None (a new row)."""
    name, model = spec.name, spec.model
    paired = {row["id"]: pairs.local(name, row["id"]) for row, _values in wanted}
    here = bulk.present(model, (local for local in paired.values() if local is not None))
    unmatched = [values for row, values in wanted if paired[row["id"]] not in here]
    candidates = (bulk.by_keys(model, spec.keys, {_key(spec, v) for v in unmatched})
                  if spec.keys and unmatched else {})
    pairs.load(name, local_ids=[c for ids in candidates.values() for c in ids])
    claimed: set[int] = set()  # by a row before this one
    located: list[tuple[dict[str, Any], dict[str, Any], int | None]] = []
    for row, values in wanted:
        local_id = paired[row["id"]]
        if local_id not in here:  # removed here (the server's row comes back), or new
            local_id = next((c for c in candidates.get(_key(spec, values), ())
                             if c not in claimed and pairs.of_local(name, c) is None), None)
            if local_id is not None:
                claimed.add(local_id)
        located.append((row, values, local_id))
    return located


def _key(spec: TableSpec, values: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(values.get(key) for key in spec.keys)


def _base(spec: TableSpec, row: dict[str, Any], values: dict[str, Any],
          batch: ServerBatch) -> dict[str, Any]:
    """What the row's pairing remembers of it (and a story held by its header loses its
    text from ``values``)."""
    if spec.model is Article:
        full = row["id"] in batch.full_articles
        base = {"base_hash": digest({k: values.get(k) for k in pushed_fields(full)}),
                "base_version": values["version"],
                "base_deleted": values.get("deleted_at") is not None, "full": full}
        if not full:
            for text_field in STORY_TEXT_FIELDS:
                values.pop(text_field, None)
        return base
    if spec.name == "article_tag":
        return {"base_hash": values["relation"], "parent_id": values["article"]}
    if spec.name == "review":
        return {"base_hash": values["status"]}
    return {}


def _overwritable(located: list[tuple[dict[str, Any], dict[str, Any], int | None]],
                  pairs: Pairs, settled: Settled
                  ) -> tuple[list[tuple[dict[str, Any], dict[str, Any], int | None]],
                             list[tuple[dict[str, Any], int]]]:
    """The stories whose server version may replace the replica's (``_may_overwrite``),
    checked for the whole chunk: a story whose version and trash state have not moved
    since it was pulled (or sent) is unchanged here (every newsdesk edit moves one of
    them); only the others are compared field by field. Also, apart: the stories the push
    sent that were saved here again since (row, local id)."""
    pairs.load("article", local_ids=[local for _row, _values, local in located])
    bases = {local: base for _row, _values, local in located if local is not None
             and (base := pairs.of_local("article", local)) is not None}
    known = [local for _row, _values, local in located if local is not None]
    now = {local_id: (version, bool(deleted)) for local_id, version, deleted in Article.select(
        Article.id, Article.version, Article.deleted_at.is_null(False)).where(
        Article.id.in_(known)).tuples()} if known else {}
    as_sent = {local for row, _values, local in located
               if local is not None and (sent := settled.get(row["uuid"])) is not None
               and now.get(local) == (sent.version, sent.deleted)}
    saved_again = [(row, local) for row, _values, local in located
                   if local is not None and row["uuid"] in settled and local not in as_sent]
    moved = [local for local in bases if local not in as_sent
             and now.get(local) != (bases[local].base_version, bool(bases[local].base_deleted))]
    changed = {article.id for article in Article.select().where(Article.id.in_(moved))
               if article_digest(article, bases[article.id].full)
               != bases[article.id].base_hash} if moved else set()
    again = {local for _row, local in saved_again}
    return [(row, values, local) for row, values, local in located
            if local is None or local in as_sent
            or (local in bases and local not in changed and local not in again)], saved_again


def _deleted_since_sent(located: list[tuple[dict[str, Any], dict[str, Any], int | None]],
                        settled: Settled
                        ) -> tuple[list[tuple[dict[str, Any], dict[str, Any], int | None]],
                                   list[Pairing]]:
    """The stories to write, and apart the pairings of those the push sent that are not
    here any more: deleted for good here since. As any story deleted for good here, each
    stays so (and stays on the server); its pairing, marked removed (``removed_rows``),
    keeps the server's copy from coming in again."""
    gone = {row["id"]: settled[row["uuid"]] for row, _values, local in located
            if local is None and row["uuid"] in settled}
    marks = removed_marks("article", len(gone))
    pairings = [Pairing(table_name="article", server_id=server_id, local_id=mark,
                        base_hash=sent.content_hash, base_version=sent.version,
                        base_deleted=sent.deleted)
                for (server_id, sent), mark in zip(gone.items(), marks, strict=True)]
    return [(row, values, local) for row, values, local in located
            if row["id"] not in gone], pairings


def _paired_as_sent(saved_again: list[tuple[dict[str, Any], int]], pairs: Pairs,
                    settled: Settled) -> list[Pairing]:
    """The pairings of stories sent and saved here again since: their base is what was
    sent, which the server now has, so the next sync sends the newer text as an edit
    of it (not as an offline edit beside it)."""
    made = []
    for row, local in saved_again:
        sent, base = settled[row["uuid"]], pairs.of_local("article", local)
        made.append(Pairing(table_name="article", server_id=row["id"], local_id=local,
                            base_hash=sent.content_hash, base_version=sent.version,
                            base_deleted=sent.deleted, full=base.full if base else True))
    return made


def _decided_again(located: list[tuple[dict[str, Any], dict[str, Any], int | None]],
                   decided: Mapping[str, str]
                   ) -> tuple[list[tuple[dict[str, Any], dict[str, Any], int | None]],
                              list[Pairing]]:
    """The reviews the server's row may replace, and apart the pairings of those whose
    decision the push sent and that were decided here again since: they keep their
    status, paired as the server has them now (the decision sent), so the next sync
    sends the newer one."""
    sent = {local: decided[row["external_id"]] for row, _values, local in located
            if local is not None and row["external_id"] in decided}
    now = dict(Review.select(Review.id, Review.status).where(
        Review.id.in_(list(sent))).tuples()) if sent else {}
    again = {local for local, status in sent.items() if local in now and now[local] != status}
    kept = [Pairing(table_name="review", server_id=row["id"], local_id=local,
                    base_hash=sent[local])
            for row, _values, local in located if local in again]
    return [(row, values, local) for row, values, local in located if local not in again], kept


def _tagged_again(located: list[tuple[dict[str, Any], dict[str, Any], int | None]],
                  tagged: Mapping[TagKey, str]
                  ) -> tuple[list[tuple[dict[str, Any], dict[str, Any], int | None]],
                             list[Pairing]]:
    """The tags the server's rows may write here, and apart the pairings of those the
    push sent that were changed or removed here since: they stay as they are here, paired
    as the server has them now (as sent), so the next sync sends the change or the
    removal."""
    sent = {row["id"]: (local, tagged[key]) for row, values, local in located
            if (key := (values["article"], values["entity"])) in tagged}
    here = [local for local, _relation in sent.values() if local is not None]
    now = dict(ArticleTag.select(ArticleTag.id, ArticleTag.relation).where(
        ArticleTag.id.in_(here)).tuples()) if here else {}
    removed_here = [server_id for server_id, (local, _relation) in sent.items()
                    if local is None]
    marks = dict(zip(removed_here, removed_marks("article_tag", len(removed_here)),
                     strict=True))
    kept: dict[int, Pairing] = {}
    for row, values, _local in located:
        if row["id"] not in sent:
            continue
        local, relation = sent[row["id"]]
        if local is None:  # removed here: paired as a row removed here
            local = marks[row["id"]]
        elif now.get(local) == relation:
            continue  # as sent: the server's row is the same
        kept[row["id"]] = Pairing(table_name="article_tag", server_id=row["id"],
                                  local_id=local, base_hash=relation,
                                  parent_id=values["article"])
    return [(row, values, local) for row, values, local in located
            if row["id"] not in kept], list(kept.values())


def _link_to_own_table(spec: TableSpec, located: list[tuple[dict[str, Any], dict[str, Any],
                                                            int | None]],
                       pairs: Pairs) -> None:
    """Links between rows of one table (a person merged into another): a row pulled in
    the same chunk as the row it links to is paired only now."""
    name = spec.name
    for link, parent in spec.parents.items():
        if parent != name:
            continue
        fixed = [(pairs.local(name, row["id"]), {link: target})
                 for row, values, _local in located
                 if row.get(link) is not None and values.get(link) is None
                 and (target := pairs.local(name, row[link])) is not None]
        bulk.update_rows(spec.model, [(local, v) for local, v in fixed if local is not None])


def _may_overwrite(article: Article, pairs: Pairs, settled: Settled) -> bool:
    """Whether the server's version of a story may replace the replica's: the push
    settled it and it was not saved here since, or the replica has not changed it since
    it was pulled."""
    if _as_sent(article, settled):
        return True
    base = pairs.of_local("article", article.id)
    if base is None or article.uuid in settled:
        return False  # made here and not sent yet, or saved here since it was sent
    return article_digest(article, base.full) == base.base_hash


def _as_sent(article: Article, settled: Settled) -> bool:
    sent = settled.get(article.uuid)
    return sent is not None and (article.version, article.deleted_at is not None) == (
        sent.version, sent.deleted)


def _make_room(stories: list[dict[str, Any]]) -> None:
    """Another story here holding the slug or agency uri the server gives one of
    ``stories`` (a story made offline, renamed by the server when it was sent) moves aside
    until its own version comes in."""
    for column, values in (("slug", Article.slug), ("agency_uri", Article.agency_uri)):
        owners = {story[column]: story["uuid"] for story in stories if story.get(column)}
        if not owners:
            continue
        holders = [local_id for local_id, held, uuid in Article.select(
            Article.id, values, Article.uuid).where(values.in_(sorted(owners))).tuples()
            if owners[held] != uuid]
        if not holders:
            continue
        if column == "slug":
            aside = Article.slug.concat("~").concat(peewee.fn.SUBSTR(Article.uuid, 1, 8))
            Article.update(slug=aside).where(Article.id.in_(holders)).execute()
        else:
            Article.update(agency_uri=None).where(Article.id.in_(holders)).execute()


def _remove(spec: TableSpec, server_id: int, pairs: Pairs, report: SyncReport,
            settled: Settled) -> None:
    local_id = pairs.local(spec.name, server_id)
    if local_id is None:
        return
    model = spec.model
    if model is Article:
        article = Article.get_or_none(Article.id == local_id)
        if article is not None and not _may_overwrite(article, pairs, settled):
            return  # edited here: the next push sends it back as a story of its own
    deleted = model.delete().where(model.id == local_id).execute()
    pairs.unpair(spec.name, server_id)
    if model is Article:
        bulk.forget_pairs(GROUP_TABLE, [server_id])
    if deleted:
        report.count(spec.name, removed=True)


def _drop_replaced_revisions(settled: Settled, pairs: Pairs) -> None:
    """Revisions written here of a story that now matches the server's version (the
    push sent it, or the server's won): the server's history of it has come in instead
    (with the revision the push made, or the offline edit). A story still changed here
    keeps its own until it is sent."""
    unpaired: dict[int, list[int]] = {}
    for revision_id, article_id in database_proxy.obj.execute_sql(
            "SELECT revision.id, revision.article_id FROM revision LEFT JOIN sync_row ON "
            "sync_row.table_name = 'revision' AND sync_row.local_id = revision.id "
            "WHERE sync_row.local_id IS NULL"):
        unpaired.setdefault(article_id, []).append(revision_id)
    for article_id, revision_ids in unpaired.items():
        if pairs.of_local("article", article_id) is None:
            continue  # made here and not sent yet
        article = Article.get_by_id(article_id)
        if article.uuid in settled or _may_overwrite(article, pairs, {}):
            Revision.delete().where(Revision.id.in_(revision_ids)).execute()


def _clear_sent_text(settled: Settled) -> None:
    """Text typed here into a story held by its header only went to the server as an
    offline edit: the header goes back to being a header (unless more was typed since
    the push read it: that goes next time)."""
    if not settled:
        return
    held_by_header = SyncRow.select(SyncRow.local_id).where(
        (SyncRow.table_name == "article") & ~SyncRow.full)
    holding_text = (Article.select().where(
        Article.uuid.in_(sorted(settled)) & Article.id.in_(held_by_header)
        & ((Article.body != "") | (Article.footnote != ""))))
    sent = [article.id for article in holding_text if _as_sent(article, settled)]
    if sent:
        Article.update(body="", footnote="").where(Article.id.in_(sent)).execute()


def _forget_vanished_tags(untagged: set[int]) -> None:
    """Pairs of tags removed here that the push removed on the server too, or whose
    story was deleted for good here (that is not sent). A tag removed here while the sync
    ran keeps its pair: the next sync sends the removal."""
    vanished = [server_id for server_id, story_here in database_proxy.obj.execute_sql(
        "SELECT server_id, EXISTS (SELECT 1 FROM article WHERE article.id = "
        "sync_row.parent_id) FROM sync_row WHERE table_name = 'article_tag' AND NOT EXISTS "
        "(SELECT 1 FROM article_tag WHERE article_tag.id = sync_row.local_id)")
        if server_id in untagged or not story_here]
    bulk.forget_pairs("article_tag", vanished)
