"""The demo's Markdown export built by the site generators it is for: Pelican and Hugo.

Each build must pass without a warning, and every exported story must become a page with
its title, date, category and tags. The themes and layouts are the least that prints
those (written here, in the test's folder), so what is checked is what the generator read.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest

from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportOptions
from newsdesk.publish.stories import ExportStory, load_stories
from newsdesk.store.timestamps import as_utc
from newsdesk.stories.workflow import EXPORTED_BY_DEFAULT

# Pelican's own Markdown reader reads each front-matter line as text, not YAML: a list
# reaches it as "[A, B]". Its yaml_metadata plugin (pelican-yaml-metadata) reads YAML.
PELICAN_YAML_PLUGIN = "pelican.plugins.yaml_metadata"
PELICAN_THEME = ('<h1>{{ article.title }}</h1><time>{{ article.date.isoformat() }}</time>'
                 '<span class="category">{{ article.category }}</span>'
                 '<span class="dateline">{{ article.dateline }}</span>'
                 '{% for tag in article.tags %}<span class="tag">{{ tag }}</span>{% endfor %}')
PELICAN_SETTINGS = """
SITENAME = "News Line"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "theme"
PLUGINS = {plugins!r}
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "{{slug}}.html"
ARTICLE_URL = ARTICLE_LANG_URL = "{{slug}}.html"
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
"""
HUGO_SINGLE = ('<h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}'
               '</time>{{ range .GetTerms "categories" }}<span class="category">'
               '{{ .LinkTitle }}</span>{{ end }}<span class="dateline">'
               '{{ .Params.dateline }}</span>{{ range .GetTerms "tags" }}'
               '<span class="tag">{{ .LinkTitle }}</span>{{ end }}')
HUGO_CONFIG = ('baseURL: https://news.example.az/\n'
               'disableKinds: [RSS, sitemap, robotsTXT, "404"]\n')
_SPAN = re.compile(r'<span class="(?P<kind>\w+)">(?P<text>[^<]*)</span>')


@pytest.fixture
def demo_markdown(demo_db, tmp_path) -> tuple[Path, list[ExportStory]]:
    out = tmp_path / "content"
    result = export(ExportOptions(out=out, format="markdown"))
    stories = load_stories(EXPORTED_BY_DEFAULT)
    assert result.stories == len(stories) > 5
    return out, stories


def _page(path: Path) -> dict[str, object]:
    text = unescape(path.read_text(encoding="utf-8"))
    spans: dict[str, list[str]] = {}
    for match in _SPAN.finditer(text):
        spans.setdefault(match["kind"], []).append(unescape(match["text"]))
    title = re.search(r"<h1>(.*?)</h1>", text)
    moment = re.search(r"<time>(.*?)</time>", text)
    assert title and moment, path
    return {"title": title[1], "date": datetime.fromisoformat(moment[1]),
            "category": spans.get("category", []), "dateline": spans.get("dateline", [""]),
            "tags": spans.get("tag", [])}


def _expected(story: ExportStory) -> dict[str, object]:
    return {"title": story.headline, "date": as_utc(story.date),
            "category": [story.section] if story.section else [],
            "dateline": [story.dateline.printed().removesuffix(":")],
            "tags": [tag.name for tag in story.people + story.organisations + story.places]}


def _pelican(content: Path, folder: Path, plugins: list[str]) -> Path:
    (folder / "theme" / "templates").mkdir(parents=True)
    (folder / "theme" / "templates" / "article.html").write_text(PELICAN_THEME)
    (folder / "pelicanconf.py").write_text(PELICAN_SETTINGS.format(plugins=plugins))
    built = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "--output", "public",
         "--settings", "pelicanconf.py", "--fatal", "warnings"],
        cwd=folder, capture_output=True, text=True, timeout=120)
    log = built.stdout + built.stderr
    assert built.returncode == 0, log
    assert "WARNING" not in log and "ERROR" not in log, log
    return folder / "public"


def test_pelican_with_its_yaml_plugin_builds_every_story(demo_markdown, tmp_path):
    content, stories = demo_markdown
    public = _pelican(content, tmp_path / "pelican", [PELICAN_YAML_PLUGIN])
    for story in stories:
        assert _page(public / f"{story.slug}.html") == _expected(story), story.slug


def test_pelican_alone_builds_every_story_with_its_title_date_and_category(
        demo_markdown, tmp_path):
    """Pelican's own reader: every page and its plain values, the dateline unquoted. Lists
    it reads as one text (``[A, B]``), so the tags are those of the YAML plugin's test."""
    content, stories = demo_markdown
    public = _pelican(content, tmp_path / "pelican", [])
    for story in stories:
        page = _page(public / f"{story.slug}.html")
        expected = _expected(story)
        assert {key: page[key] for key in ("title", "date", "category", "dateline")} == {
            key: expected[key] for key in ("title", "date", "category", "dateline")}
        assert len(page["tags"]) == len(expected["tags"])


def test_hugo_builds_every_story(demo_markdown, tmp_path):
    hugo = shutil.which("hugo")
    if hugo is None:
        pytest.skip("the hugo binary is missing (Debian package hugo; .ci/run installs it)")
    content, stories = demo_markdown
    site = tmp_path / "hugo"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (site / "layouts" / "_default" / "list.html").write_text(
        "{{ range .Pages }}{{ .Title }}{{ end }}")
    (site / "config.yaml").write_text(HUGO_CONFIG)
    shutil.copytree(content, site / "content")
    built = subprocess.run([hugo, "--source", str(site), "--panicOnWarning"],
                           capture_output=True, text=True, timeout=120)
    log = built.stdout + built.stderr
    assert built.returncode == 0, log
    assert "WARN" not in log and "ERROR" not in log, log
    for story in stories:
        page = _page(site / "public" / story.slug / "index.html")
        assert page == _expected(story), story.slug
