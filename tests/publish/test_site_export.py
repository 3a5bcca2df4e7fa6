"""The static site: valid HTML5, feeds, approved reviews only, incremental pages."""

from __future__ import annotations

import feedparser
import html5lib
import pytest

from newsdesk.formats.outputs import export
from newsdesk.moderation import reviews
from newsdesk.publish.export import ExportOptions
from newsdesk.store.models import Article, Review, Setting
from newsdesk.stories import articles

STORY = "parliament-passes-amended-media-law"


@pytest.fixture
def site(demo_db, tmp_path):
    out = tmp_path / "site"
    result = export(ExportOptions(out=out))
    return out, result


def _html_files(out):
    return sorted(out.rglob("*.html"))


def test_site_layout(site):
    out, result = site
    for name in ("index.html", "feed.atom", "feed.rss", "style.css"):
        assert (out / name).is_file()
    assert len(list((out / "stories").glob("*.html"))) == result.stories
    assert list((out / "people").glob("*.html")) and list((out / "organisations").glob("*.html"))


def test_every_page_is_strict_html5_with_csp_and_lang(site):
    out, _ = site
    parser = html5lib.HTMLParser(strict=True)
    for path in _html_files(out):
        data = path.read_bytes()
        parser.parse(data)  # raises on any parse error
        text = data.decode("utf-8")
        assert 'http-equiv="Content-Security-Policy"' in text
        assert "script-src &#39;self&#39;" in text and "unsafe-inline" not in text
        assert "<script" not in text
        assert "<html lang=" in text


def test_story_page_language_and_relative_links(site):
    out, _ = site
    ru = next(p for p in (out / "stories").glob("tsentrobank*.html"))
    assert '<html lang="ru">' in ru.read_text()
    page = (out / "stories" / f"{STORY}.html").read_text()
    assert 'href="../style.css"' in page and 'href="../people/rauf-mammadov-1.html"' in page
    assert "-05/11K-" in page and "Baku/14.03.23/Turan:" in page
    assert "Leave a review" in page
    assert "http://" not in page.split("<body>")[1].split('class="share')[0]
    index = (out / "index.html").read_text()
    assert "News Line" in index and f'href="stories/{STORY}.html"' in index


def test_entity_page_lists_its_stories(site):
    out, _ = site
    page = (out / "people" / "rauf-mammadov-1.html").read_text()
    assert "Rauf Mammadov" in page and f'href="../stories/{STORY}.html"' in page


def test_feeds_parse_without_errors(site):
    out, result = site
    for name in ("feed.atom", "feed.rss"):
        parsed = feedparser.parse((out / name).read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert len(parsed.entries) == result.stories
        assert all(entry.title and entry.link for entry in parsed.entries)


def test_only_approved_reviews_are_published_and_escaped(demo_db, tmp_path):
    article = Article.get(Article.slug == STORY)
    records = [reviews.ReviewRecord({"id": f"t{n}", "article": STORY, "author": author,
                                     "text": text, "submitted": "2023-03-15T10:00:00Z"}, n)
               for n, (author, text) in enumerate([
                   ("Good Reader", "Approved <script>alert(1)</script> http://x.example"),
                   ("Bad Reader", "Rejected words here")], 1)]
    reviews.import_records(records, "test")
    reviews.decide([Review.get(Review.external_id == "t1").id], "approved")
    reviews.decide([Review.get(Review.external_id == "t2").id], "rejected")
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    page = (out / "stories" / f"{article.slug}.html").read_text()
    assert "Good Reader" in page and "Bad Reader" not in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert 'rel="nofollow ugc noopener"' in page


def test_share_networks_are_configurable(demo_db, tmp_path):
    out = tmp_path / "site"
    export(ExportOptions(out=out, share_networks=("telegram",)))
    page = (out / "stories" / f"{STORY}.html").read_text()
    assert "t.me/share" in page and "facebook.com" not in page
    Setting.create(key="share_networks", value="x,email")
    export(ExportOptions(out=out))
    page = (out / "stories" / f"{STORY}.html").read_text()
    assert "twitter.com/intent" in page and "t.me/share" not in page


def test_changing_one_story_rewrites_it_and_its_listings_only(site):
    out, first = site
    before = {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    article = Article.get(Article.slug == STORY)
    articles.save_article(article.id, {"body": article.body + "\n\nOne more line."},
                          expected_version=article.version)
    result = export(ExportOptions(out=out))
    assert (result.written, result.skipped) == (1, first.stories - 1)
    changed = {str(p.relative_to(out)) for p in out.rglob("*")
               if p.is_file() and before.get(p) != p.stat().st_ino}
    tagged = {"people/rauf-mammadov-1.html", "people/bakhtiyar-aliyev-2.html",
              "organisations/milli-majlis-21.html"}
    assert f"stories/{STORY}.html" in changed and {"feed.atom", "feed.rss"} <= changed
    assert not tagged & changed  # they list headlines, which did not change
    assert "style.css" not in changed
    assert not any(p.startswith("stories/") and STORY not in p for p in changed)
    assert "One more line." in (out / "stories" / f"{STORY}.html").read_text()


def test_new_headline_rewrites_the_pages_that_list_it(site):
    out, _ = site
    before = {p: p.stat().st_ino for p in out.rglob("*.html")}
    article = Article.get(Article.slug == STORY)
    articles.save_article(article.id, {"headline": "Parliament passes the media law"},
                          expected_version=article.version)
    export(ExportOptions(out=out))
    changed = {str(p.relative_to(out)) for p in out.rglob("*.html")
               if before.get(p) != p.stat().st_ino}
    assert {"index.html", "people/rauf-mammadov-1.html",
            "organisations/milli-majlis-21.html"} <= changed
    assert "Parliament passes the media law" in (out / "index.html").read_text()


def test_cli_site_address_reviews_email_and_share_links_for_one_run(cli, tmp_path):
    out = tmp_path / "site"
    result = cli("--demo", "export", "--out", str(out), "--site-url", "https://turan.az/en",
                 "--reviews-email", "reviews@turan.az", "--share", "telegram,email")
    assert result.returncode == 0, result.stderr
    page = next((out / "stories").glob("*.html")).read_text()
    assert "https%3A%2F%2Fturan.az%2Fen%2Fstories%2F" in page  # the story's public address
    assert "mailto:reviews@turan.az" in page
    assert "t.me/share" in page and "facebook.com" not in page and "wa.me" not in page
    assert "https://turan.az/en/index.html" in (out / "feed.rss").read_text()


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--site-url", "ftp://turan.az", "--site-url: not a web address"),
    ("--site-url", 'https://x.az/"><script>', "--site-url: not a web address"),
    ("--reviews-email", "reviews at turan", "--reviews-email: not an e-mail address"),
    ("--share", "myspace", "--share: unknown network 'myspace'"),
])
def test_cli_refuses_bad_site_options_naming_them(cli, tmp_path, option, value, message):
    out = tmp_path / "site"
    result = cli("--demo", "export", "--out", str(out), option, value)
    assert result.returncode == 1 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()
