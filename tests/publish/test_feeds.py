"""The site's feeds as readers take them: feedparser, absolute links, languages, rel=self."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest

from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportOptions
from newsdesk.publish.feeds import RELATIVE_LINKS_WARNING
from newsdesk.publish.stories import load_stories
from newsdesk.stories.workflow import EXPORTED_BY_DEFAULT

SITE = "https://news.example.az/en/"
FEEDS = {"feed.atom": "application/atom+xml", "feed.rss": "application/rss+xml"}
_ATOM_NS = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def with_address(demo_db, tmp_path):
    out = tmp_path / "site"
    result = export(ExportOptions(out=out, site_url=SITE))
    return out, result


def _parsed(path):
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_feeds_parse_with_absolute_links_and_name_themselves(with_address):
    out, result = with_address
    assert result.warnings == []
    for name, kind in FEEDS.items():
        parsed = _parsed(out / name)
        assert len(parsed.entries) == result.stories
        assert {"rel": "self", "href": SITE + name, "type": kind} in parsed.feed.links
        assert parsed.feed.link == SITE + "index.html"
        for entry in parsed.entries:
            assert entry.link.startswith(SITE + "stories/") and entry.link.endswith(".html")


def test_every_link_of_the_rss_feed_is_absolute(with_address):
    out, _ = with_address
    channel = ElementTree.parse(out / "feed.rss").getroot().find("channel")
    links = [channel.findtext("link")] + [item.findtext("link")
                                          for item in channel.iter("item")]
    links += [link.get("href") for link in channel.iter(f"{_ATOM_NS}link")]
    assert len(links) > 3
    assert all(urlsplit(link).scheme == "https" and urlsplit(link).netloc for link in links)


def test_each_entry_carries_its_story_language(with_address):
    out, _ = with_address
    languages = {f"{SITE}stories/{story.slug}.html": story.language
                 for story in load_stories(EXPORTED_BY_DEFAULT)}
    assert {"en", "az", "ru"} <= set(languages.values())
    atom = _parsed(out / "feed.atom")
    # Atom: xml:lang on the entry, which feedparser gives to the entry's text.
    assert {entry.link: entry.title_detail.language for entry in atom.entries} == languages
    rss = _parsed(out / "feed.rss")
    assert {entry.link: entry.language for entry in rss.entries} == languages


def test_without_a_site_address_the_feeds_are_relative_and_the_export_says_so(demo_db,
                                                                              tmp_path):
    out = tmp_path / "site"
    result = export(ExportOptions(out=out))
    assert result.warnings == [RELATIVE_LINKS_WARNING]
    for name in FEEDS:
        parsed = _parsed(out / name)
        assert all(entry.link.startswith("stories/") for entry in parsed.entries)
    # A re-export that carries the feeds over still says so.
    assert export(ExportOptions(out=out)).warnings == [RELATIVE_LINKS_WARNING]


def test_every_page_links_the_feeds_from_its_head(with_address):
    out, _ = with_address
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        found = dict(re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" '
                                r'href="([^"]+)">', head))
        folder = posixpath.dirname(page.relative_to(out).as_posix())
        assert {kind: posixpath.normpath(posixpath.join(folder, href))
                for kind, href in found.items()} == {kind: name
                                                     for name, kind in FEEDS.items()}, page


def test_cli_warns_on_one_line_without_a_site_address_and_still_succeeds(cli, tmp_path):
    result = cli("--demo", "export", "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"newsdesk: warning: {RELATIVE_LINKS_WARNING}"]
    assert "--site-url" in result.stderr and "exported" in result.stdout
    given = cli("--demo", "export", "--out", str(tmp_path / "other"), "--site-url", SITE)
    assert given.returncode == 0 and given.stderr == ""
    markdown = cli("--demo", "export", "--out", str(tmp_path / "md"), "--format", "markdown")
    assert markdown.returncode == 0 and markdown.stderr == ""
