"""The preview's renderer process: the same page as rendering in-process, and it goes on
after its child dies."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys

from newsdesk.publish.preview_process import (
    HEADER,
    PreviewRenderer,
    _read_frame,
    _write_frame,
    serve,
)
from newsdesk.publish.story_page import render_preview_page
from newsdesk.publish.surroundings import Surroundings
from tests.conftest import REPO_ROOT

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


def test_the_preview_imports_nothing_of_the_export_engine():
    """The window's first preview is rendered in-process while the window starts, and the
    renderer process starts with the same imports: the export's planning (25-40 ms of
    imports) is no part of a preview."""
    probe = ("import json, sys\n"
             "import newsdesk.publish.preview_process, newsdesk.publish.story_page\n"
             "print(json.dumps(sorted(sys.modules)))\n")
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, check=True, cwd=str(REPO_ROOT))
    modules = json.loads(result.stdout)
    assert "newsdesk.publish.preview_pictures" in modules  # the probe sees the imports
    assert not [name for name in modules if name.startswith("newsdesk.publish.export")]
    assert "newsdesk.publish.pictures" not in modules
