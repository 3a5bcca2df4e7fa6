"""The templates' compiled code kept between runs (``publish/template_cache.py``)."""

from __future__ import annotations

import jinja2
import pytest

from newsdesk.publish import page, template_cache
from newsdesk.publish.page_items import Surroundings
from newsdesk.publish.story_page import render_preview_page

FIELDS = {"headline": "Talks resume", "body": "Officials met in *Baku*.", "language": "en",
          "dateline_place": "Baku"}


@pytest.fixture
def fresh_runs(monkeypatch, tmp_path):
    """Each ``next_run()`` starts as a new process would: no environment, no cache
    object, the user's cache folder under ``tmp_path``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def next_run() -> None:
        page.environment.cache_clear()
        page._news_line_html.cache_clear()
        template_cache._cache_for.cache_clear()

    next_run()
    yield next_run
    monkeypatch.undo()
    next_run()  # the tests after this one get the session's cache folder back


def test_the_next_run_reads_the_compiled_templates_instead_of_compiling(fresh_runs,
                                                                       tmp_path,
                                                                       monkeypatch):
    first = render_preview_page(FIELDS, Surroundings())
    assert list((tmp_path / "cache" / "newsdesk" / "templates").rglob("*.cache"))
    fresh_runs()

    def no_compiling(*_args, **_kwargs):
        raise AssertionError("compiled although the cache holds the code")

    monkeypatch.setattr(jinja2.Environment, "compile", no_compiling)
    assert render_preview_page(FIELDS, Surroundings()) == first


def test_pages_render_as_before_where_the_cache_folder_cannot_be_made(fresh_runs, tmp_path,
                                                                      monkeypatch):
    expected = render_preview_page(FIELDS, Surroundings())
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "newsdesk").write_text("a file where the folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    fresh_runs()
    assert render_preview_page(FIELDS, Surroundings()) == expected


def test_a_cached_file_cut_short_is_compiled_again(fresh_runs, tmp_path):
    expected = render_preview_page(FIELDS, Surroundings())
    for cached in (tmp_path / "cache" / "newsdesk" / "templates").rglob("*.cache"):
        cached.write_bytes(cached.read_bytes()[:40])
    fresh_runs()
    assert render_preview_page(FIELDS, Surroundings()) == expected


def test_code_compiled_under_other_settings_is_kept_apart(fresh_runs):
    def cache_of(**settings):
        return template_cache.compiled_template_cache(jinja2.Environment(**settings))

    one, other = cache_of(trim_blocks=True), cache_of(trim_blocks=False)
    assert isinstance(one, jinja2.FileSystemBytecodeCache)
    assert isinstance(other, jinja2.FileSystemBytecodeCache)
    assert one.directory != other.directory
    assert cache_of(trim_blocks=True) is one
    # The pages' own environment: its settings, once set, name its folder.
    assert page.environment().bytecode_cache not in (one, other)
