"""The export engine: selection, safe names, atomic replacement, incremental re-export."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from newsdesk.errors import UserError
from newsdesk.formats import markdown_export
from newsdesk.formats.outputs import export
from newsdesk.publish.export import (
    MANIFEST_NAME,
    ExportCancelled,
    ExportOptions,
    unsafe_name_reason,
)
from newsdesk.store.models import Article
from newsdesk.stories import articles


def _story(slug: str, **fields):
    values = {"headline": f"Story {slug}", "body": "Some body text.",
              "dateline_place": "Baku", "status": "ready"} | fields
    return articles.create_article(values, slug=slug)


def _folders(parent):
    return sorted(p.name for p in parent.iterdir() if p.is_dir())


def _tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_default_selection_is_ready_and_published(demo_db, tmp_path):
    out = tmp_path / "md"
    result = export(ExportOptions(out=out, format="markdown"))
    expected = Article.select().where(Article.status.in_(["ready", "published"])).count()
    assert result.stories == expected == len(list(out.glob("*.md")))


def test_since_selects_by_update_day(db, tmp_path):
    old, new = _story("old-one"), _story("new-one")
    Article.update(updated_at="2020-01-01 10:00:00").where(Article.id == old.id).execute()
    Article.update(updated_at="2024-06-02 00:00:00").where(Article.id == new.id).execute()
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown", since=date(2024, 6, 2)))
    assert [p.name for p in out.glob("*.md")] == ["new-one.md"]


@pytest.mark.parametrize("slug, reason", [
    ("../escape", "escape"), ("a/b", "escape"), ("/etc/passwd", "absolute"),
    ("C:evil", "absolute"), ("con", "Windows"), ("NUL.txt", "Windows"),
    (".hidden", "hidden"), ("x" * 130, "120"), ("a b", "allowed"), ("lpt1", "Windows"),
])
def test_unsafe_slugs_are_refused_naming_the_story(db, tmp_path, slug, reason):
    _story("fine-story")
    _story(slug, headline="Dangerous one")
    out = tmp_path / "md"
    with pytest.raises(UserError) as caught:
        export(ExportOptions(out=out, format="markdown"))
    assert "Dangerous one" in caught.value.message and reason in caught.value.message
    assert not out.exists()
    assert unsafe_name_reason(slug)


def test_story_with_no_body_is_refused(db, tmp_path):
    _story("empty-one", body="   ", headline="Nothing here")
    with pytest.raises(UserError, match="Nothing here.*no body"):
        export(ExportOptions(out=tmp_path / "md", format="markdown"))


def test_out_that_is_a_file_is_refused(db, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("mine")
    with pytest.raises(UserError, match="is a file"):
        export(ExportOptions(out=target, format="markdown"))
    assert target.read_text() == "mine"


def test_folder_not_made_by_newsdesk_is_never_replaced(db, tmp_path):
    _story("a-story")
    target = tmp_path / "documents"
    target.mkdir()
    (target / "thesis.txt").write_text("precious")
    with pytest.raises(UserError, match="not empty"):
        export(ExportOptions(out=target, format="markdown"))
    assert (target / "thesis.txt").read_text() == "precious"


def test_read_only_parent_is_refused(db, tmp_path):
    _story("a-story")
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        with pytest.raises(UserError, match="permission denied"):
            export(ExportOptions(out=parent / "out", format="markdown"))
    finally:
        parent.chmod(0o755)


def test_failure_midway_leaves_previous_export_intact(db, tmp_path, monkeypatch):
    for number in range(5):
        _story(f"story-{number}")
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    before = _tree(out)
    Article.update(body="Changed everywhere.", version=Article.version + 1).execute()
    calls = []
    original = markdown_export.to_markdown

    def failing(story):
        calls.append(story.slug)
        if len(calls) == 3:
            raise OSError("disk full")
        return original(story)

    monkeypatch.setattr(markdown_export, "to_markdown", failing)
    with pytest.raises(UserError, match="disk full"):  # one clear line, not a traceback
        export(ExportOptions(out=out, format="markdown"))
    assert _tree(out) == before
    assert _folders(tmp_path) == ["md"]  # no temporary folders left


def test_interrupt_and_cancel_leave_previous_export_intact(db, tmp_path, monkeypatch):
    for number in range(3):
        _story(f"story-{number}")
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    before = _tree(out)
    Article.update(body="Changed.", version=Article.version + 1).execute()
    with pytest.raises(ExportCancelled):
        export(ExportOptions(out=out, format="markdown"), cancelled=lambda: True)
    assert _tree(out) == before

    def interrupted(story):
        raise KeyboardInterrupt

    monkeypatch.setattr(markdown_export, "to_markdown", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export(ExportOptions(out=out, format="markdown"))
    assert _tree(out) == before
    assert _folders(tmp_path) == ["md"]


def test_swap_cut_short_is_recovered(db, tmp_path):
    _story("a-story")
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    # As if the process died between moving the old export aside and moving the new in.
    os.rename(out, tmp_path / ".md.newsdesk-old-1-abcd")
    result = export(ExportOptions(out=out, format="markdown"))
    assert result.skipped == 1 and (out / "a-story.md").exists()
    # The export it replaced is kept hidden beside it: the next re-export starts from it.
    assert _folders(tmp_path) == [".md.newsdesk-spare", "md"]


def test_incremental_rewrites_only_changed_stories(db, tmp_path):
    stories = [_story(f"story-{number}") for number in range(4)]
    out = tmp_path / "md"
    first = export(ExportOptions(out=out, format="markdown"))
    assert (first.written, first.skipped) == (4, 0)
    inode = (out / "story-1.md").stat().st_ino
    articles.save_article(stories[2].id, {"body": "A new body."}, expected_version=1)
    second = export(ExportOptions(out=out, format="markdown"))
    assert (second.written, second.skipped) == (1, 3)
    assert "A new body." in (out / "story-2.md").read_text()
    assert (out / "story-1.md").stat().st_ino == inode  # carried over, not rewritten
    full = export(ExportOptions(out=out, format="markdown", full=True))
    assert (full.written, full.skipped) == (4, 0)


def test_story_leaving_the_selection_is_removed(db, tmp_path):
    keep, drop = _story("keep-me"), _story("drop-me")
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    articles.set_status(drop.id, "killed")
    result = export(ExportOptions(out=out, format="markdown"))
    assert sorted(p.name for p in out.glob("*.md")) == ["keep-me.md"]
    assert result.removed == ["drop-me.md"]
    assert keep.slug in (out / MANIFEST_NAME).read_text()


def test_changing_format_rewrites_everything(db, tmp_path):
    _story("a-story")
    out = tmp_path / "out"
    export(ExportOptions(out=out, format="ninjs"))
    result = export(ExportOptions(out=out, format="markdown"))
    assert result.written == 1 and [p.name for p in out.iterdir() if p.name[0] != "."] == [
        "a-story.md"]


def test_cli_export_summary_and_errors(cli, tmp_path):
    database = tmp_path / "db.sqlite3"
    out = tmp_path / "out"
    result = cli("--demo", "export", "--out", str(out), "--format", "ninjs")
    assert result.returncode == 0, result.stderr
    assert "written" in result.stdout and str(out) in result.stdout
    assert len(list(out.glob("*.json"))) > 3
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    result = cli("--demo", "export", "--out", str(a_file), "--format", "markdown")
    assert result.returncode == 1 and "is a file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = cli("export", "--out", str(out), "--db", str(database), "--since", "soon")
    assert result.returncode == 1
    result = cli("export", "--out", str(out), "--status", "bogus", "--demo")
    assert result.returncode == 1 and "bogus" in result.stderr


def test_parallel_rendering_writes_the_same_files(demo_db, tmp_path, monkeypatch):
    from newsdesk.publish.export import transaction

    if transaction._pool_context() is None:
        pytest.skip("this process may not fork (threads running or one core)")
    monkeypatch.setattr(transaction, "PARALLEL_MINIMUM", 1)
    export(ExportOptions(out=tmp_path / "parallel"))
    monkeypatch.setattr(transaction, "_pool_context", lambda: None)
    export(ExportOptions(out=tmp_path / "serial"))
    assert _tree(tmp_path / "parallel") == _tree(tmp_path / "serial")


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity here")
def test_a_process_pinned_to_one_core_renders_in_process():
    """``taskset -c 0``: os.cpu_count() still says 2, but forking workers onto one core
    only adds their start-up and copying to the export."""
    probe = ("import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
             "from newsdesk.publish.export import transaction as t; "
             "print(t.usable_cores(), t._pool_context() is None)")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True)
    assert shown.stdout.split() == ["1", "True"]


def test_parallel_failure_leaves_nothing(demo_db, tmp_path, monkeypatch):
    from newsdesk.publish.export import transaction

    if transaction._pool_context() is None:
        pytest.skip("this process may not fork (threads running or one core)")
    monkeypatch.setattr(transaction, "PARALLEL_MINIMUM", 1)
    monkeypatch.setattr(markdown_export, "to_markdown", _explode)
    with pytest.raises(UserError, match="disk full"):
        export(ExportOptions(out=tmp_path / "md", format="markdown"))
    assert _folders(tmp_path) == []


def _explode(story):
    raise OSError("disk full")


def _exported_twice(tmp_path):
    """Two stories exported as Markdown, then one of them changed (not yet re-exported)."""
    first, second = _story("story-one"), _story("story-two")
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    articles.save_article(first.id, {"body": "A corrected body."}, expected_version=1)
    articles.set_status(second.id, "killed")  # leaves the selection: its file goes
    return out


def test_re_export_failing_while_moving_files_in_rolls_back(db, tmp_path, monkeypatch):
    from newsdesk.publish.export import transaction

    out = _exported_twice(tmp_path)
    before = _tree(out)
    real_replace = os.replace
    moves = []

    def failing_replace(source, target):
        moves.append(target)
        if len(moves) == 2:  # the changed story is in; the manifest is not
            raise OSError("disk full")
        real_replace(source, target)

    # The fallback for systems that cannot exchange two folders in one step.
    monkeypatch.setattr(transaction, "exchange", lambda first, second: False)
    monkeypatch.setattr(transaction.os, "replace", failing_replace)
    with pytest.raises(UserError, match="disk full"):
        export(ExportOptions(out=out, format="markdown"))
    assert _tree(out) == before
    assert _folders(tmp_path) == ["md"]
    monkeypatch.setattr(transaction.os, "replace", real_replace)
    result = export(ExportOptions(out=out, format="markdown"))
    assert (result.written, result.removed) == (1, ["story-two.md"])
    assert "A corrected body." in (out / "story-one.md").read_text()


def test_re_export_cut_short_by_a_crash_is_rolled_back_next_time(db, tmp_path, monkeypatch):
    from newsdesk.publish.export import transaction

    out = _exported_twice(tmp_path)
    before = _tree(out)

    def crash_now(undo, target):
        raise SystemExit("killed")  # as if the process died: no roll-back ran

    # The fallback for systems that cannot exchange two folders in one step.
    monkeypatch.setattr(transaction, "exchange", lambda first, second: False)
    monkeypatch.setattr(transaction, "_roll_back", crash_now)
    real_replace = os.replace

    def replace_then_die(source, target):
        real_replace(source, target)
        raise KeyboardInterrupt  # the changed story is in, nothing else

    monkeypatch.setattr(transaction.os, "replace", replace_then_die)
    with pytest.raises(SystemExit):
        export(ExportOptions(out=out, format="markdown"))
    monkeypatch.undo()
    assert "A corrected body." in (out / "story-one.md").read_text()  # half applied
    assert any(".newsdesk-undo-" in name for name in _folders(tmp_path))
    transaction.recover_interrupted_export(out)
    assert _tree(out) == before
    assert _folders(tmp_path) == ["md"]


def test_a_file_deleted_by_hand_is_written_again(db, tmp_path):
    _story("story-one"), _story("story-two")
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    (out / "story-two.md").unlink()
    result = export(ExportOptions(out=out, format="markdown"))
    assert (result.written, result.skipped) == (1, 1)
    assert (out / "story-two.md").is_file()


def test_a_manifest_edited_to_point_outside_is_not_followed(db, tmp_path):
    import json

    _story("story-one")
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me")

    def point_outside() -> None:
        manifest = json.loads((out / MANIFEST_NAME).read_text())
        manifest["files"]["../precious.txt"] = "0" * 32
        (out / MANIFEST_NAME).write_text(json.dumps(manifest))

    point_outside()
    result = export(ExportOptions(out=out, format="markdown"))  # incremental
    assert result.removed == [] and victim.read_text() == "keep me"
    point_outside()
    export(ExportOptions(out=out, format="markdown", full=True))  # whole swap
    assert victim.read_text() == "keep me"


def test_a_damaged_memo_means_a_full_rewrite_not_a_failure(db, tmp_path):
    import json

    _story("story-one"), _story("story-two")
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["memo"]["stories"] = {uuid: "nonsense" for uuid in manifest["memo"]["stories"]}
    manifest["memo"]["entities"] = ["not", "a", "mapping"]
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    result = export(ExportOptions(out=out))  # planned from scratch: same keys, same files
    assert (result.written, result.skipped) == (0, 2)
    repaired = json.loads((out / MANIFEST_NAME).read_text())["memo"]
    assert all(isinstance(entry, list) for entry in repaired["stories"].values())


def test_module_key_follows_the_source_and_works_without_it(tmp_path):
    """A desktop bundle has no .py files: an export from it must still get a key (it
    failed there with 'cannot write the export (No such file or directory)')."""
    import types

    from newsdesk.publish.export import module_key

    source = tmp_path / "writer.py"
    source.write_text("A = 1\n", encoding="utf-8")
    module = types.ModuleType("writer")
    module.__file__ = str(source)
    first = module_key(module)
    source.write_text("A = 2\n", encoding="utf-8")
    assert module_key(module) != first  # changed code, new key: files are rewritten
    frozen = types.ModuleType("writer")  # as PyInstaller loads it: no source on disk
    frozen.__file__ = str(tmp_path / "missing" / "writer.py")
    assert module_key(frozen) == module_key(frozen) and "writer@" in module_key(frozen)
