"""The preview's renderer process: the same page as rendering in-process, and it goes on
after its child dies."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys

from newsdesk.publish.page_items import Surroundings
from newsdesk.publish.preview_process import (
    HEADER,
    PreviewRenderer,
    _read_frame,
    _write_frame,
    serve,
)
from newsdesk.publish.story_page import render_preview_page
from tests.conftest import REPO_ROOT, unmeasured

FIELDS = {"headline": "Talks <resume>", "body": "## Baku\n\nƏliyev said *yes*.\n\n<script>x</script>",
          "language": "az"}


def test_serve_answers_each_request_until_end_of_input():
    requests = io.BytesIO()
    for body in ("one", "two"):
        _write_frame(requests, pickle.dumps((dict(FIELDS, body=body), Surroundings())))
    requests.seek(0)
    replies = io.BytesIO()
    serve(requests, replies)
    replies.seek(0)
    pages = [pickle.loads(_read_frame(replies)) for _ in range(2)]
    assert [ok for ok, _ in pages] == [True, True]
    assert "one" in pages[0][1] and "two" in pages[1][1]
    assert _read_frame(replies) is None


def test_a_truncated_request_ends_the_loop():
    requests = io.BytesIO(HEADER.pack(100) + b"short")
    replies = io.BytesIO()
    serve(requests, replies)
    assert replies.getvalue() == b""


def test_child_renders_the_same_page_and_recovers_from_its_death():
    renderer = PreviewRenderer()
    try:
        expected = render_preview_page(FIELDS, Surroundings())
        assert renderer.render(FIELDS, Surroundings()) == expected
        assert "<script>x" not in expected
        first = renderer._process
        assert first is not None and first.poll() is None
        first.kill()
        first.wait()
        assert renderer.render(FIELDS, Surroundings()) == expected  # in-process this time
        assert renderer.render(FIELDS, Surroundings()) == expected  # a new child
        assert renderer._process is not None and renderer._process is not first
    finally:
        renderer.close()
    assert renderer._process is None


def test_the_renderer_process_imports_neither_the_export_engine_nor_the_database():
    """The first preview waits for the renderer process's imports: the export's planning
    (25-40 ms) is no part of a page, and the child is handed the story's surroundings, so
    it needs neither peewee nor the models (a third of its imports, ~90 ms)."""
    probe = ("import io, json, pickle, sys\n"
             "from newsdesk.publish.preview_process import _write_frame, serve\n"
             "from newsdesk.publish.page_items import Surroundings, TagLink\n"
             "requests = io.BytesIO()\n"
             "_write_frame(requests, pickle.dumps(({'headline': 'Talks', 'body': 'Yes.',\n"
             "    'dateline_place': 'Baku', 'embargo_until': '2099-01-01 10:00:00'},\n"
             "    Surroundings(tags=(TagLink(1, 'Ilham Aliyev', 'person'),),\n"
             "                 zone='Asia/Baku'))))\n"
             "replies = io.BytesIO()\n"
             "serve(io.BytesIO(requests.getvalue()), replies)\n"
             "ok, page = pickle.loads(replies.getvalue()[4:])\n"
             "print(json.dumps([ok, page, sorted(sys.modules)]))\n")
    # Unmeasured: coverage keeps its data in SQLite.
    env = unmeasured(dict(os.environ, PYTHONPATH=str(REPO_ROOT)))
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, check=True, cwd=str(REPO_ROOT))
    ok, page, modules = json.loads(result.stdout)
    assert ok and "Ilham Aliyev" in page and "01.01.99 14:00 Asia/Baku" in page
    assert "newsdesk.publish.page" in modules  # the probe sees the imports
    assert not [name for name in modules if name.startswith("newsdesk.publish.export")]
    assert "newsdesk.publish.pictures" not in modules
    for database in ("peewee", "sqlite3", "psycopg2", "newsdesk.store.models",
                     "newsdesk.publish.surroundings", "newsdesk.moderation.reviews"):
        assert database not in modules, database
