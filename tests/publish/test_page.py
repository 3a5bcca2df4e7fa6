"""The shared story page: every part present, escaped, with a strict CSP."""

from __future__ import annotations

import datetime

import html5lib

from newsdesk.moderation import reviews
from newsdesk.publish.page import (
    SITE_LINKS,
    LinkStyle,
    StoryPage,
    render_story_page,
)
from newsdesk.publish.page_items import NewsItem, ReviewItem, TagLink
from newsdesk.publish.page_parts import split_page
from newsdesk.publish.story_page import story_page_for, story_page_from_fields
from newsdesk.publish.surroundings import Surroundings, surroundings_for
from newsdesk.store.models import Article, Review, Setting
from tests.publish.test_render import _problems

STORY = StoryPage(
    slug="media-law", headline="Parliament <passes> law", dateline="Baku/28.12.22/Turan:",
    body="The Milli Majlis adopted the law.\n\nSecond paragraph.", footnote="Background *note*.",
    desk_code="03/06D", language="az", byline="A. Writer", section="politics",
    tags=(TagLink(1, "Rauf Mammadov", "person"), TagLink(2, "Press Union", "organisation")),
    reviews=(ReviewItem("Eve <script>", "Read <b>this</b>: https://example.org/a?x=1&y=2.\n"
                        "<script>alert(1)</script>", datetime.datetime(2023, 3, 14, 9), 4),),
    news_line=(NewsItem("other-story", "Another story", datetime.date(2023, 3, 1)),),
)


def _tree(html):
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)


def _text(element):
    return "".join(element.itertext())


def test_every_part_of_the_story_page_is_present():
    html = render_story_page(STORY, links=SITE_LINKS)
    tree = _tree(html)
    assert tree.get("lang") == "az"
    assert _text(tree.find(".//h1")) == "Parliament <passes> law"
    first = tree.find(".//div[@class='body']/p")
    assert _text(first).startswith("Baku/28.12.22/Turan: The Milli Majlis")
    assert first.find("span").get("class") == "dateline"
    assert "Background note." in _text(tree.find(".//aside[@class='footnote']/small"))
    assert _text(tree.find(".//p[@class='desk-code']")) == "-03/06D-"
    tag_links = {a.text: a.get("href") for a in tree.findall(".//nav[@class='tags']//a")}
    assert tag_links == {"Rauf Mammadov": "../people/rauf-mammadov-1.html",
                         "Press Union": "../organisations/press-union-2.html"}
    assert tree.find(".//section[@class='reviews']//div[@class='review']") is not None
    # The story is in Azerbaijani: so are the page's labels.
    assert "Rəy bildirin" in _text(tree.find(".//section[@class='leave-review']"))
    news = tree.find(".//aside[@class='news-line']")
    assert _text(news.find("h2")) == "Xəbər lenti"
    assert news.find(".//a").get("href") == "../stories/other-story.html"
    share = [a.text for a in tree.findall(".//nav[@class='share']/a")]
    assert {"X", "Telegram", "WhatsApp", "E-poçt"} <= set(share)
    assert tree.find(".//link[@rel='stylesheet']").get("href") == "../style.css"


def test_csp_forbids_inline_script_and_page_has_none():
    tree = _tree(render_story_page(STORY, links=SITE_LINKS))
    csp = tree.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "default-src 'none'" in csp
    assert tree.findall(".//script") == []
    preview = LinkStyle(scripts=("qrc:///qtwebchannel/qwebchannel.js", "../preview/sync.js"),
                        script_sources=("qrc:",), source_lines=True)
    tree = _tree(render_story_page(STORY, links=preview))
    scripts = tree.findall(".//script")
    assert [s.get("src") for s in scripts] == list(preview.scripts)
    assert all(not (s.text or "").strip() for s in scripts)
    assert tree.find(".//div[@class='body']/p").get("data-line") == "0"


def test_reviews_are_escaped_and_links_get_nofollow():
    html = render_story_page(STORY, links=SITE_LINKS)
    tree = _tree(html)
    review = tree.find(".//div[@class='review']")
    assert "Eve <script>" in _text(review)
    assert "<script>alert(1)</script>" in _text(review)
    link = review.find(".//a")
    assert link.get("href") == "https://example.org/a?x=1&y=2"
    assert link.get("rel") == "nofollow ugc noopener"
    assert _problems(split_page(html).body) == []


def test_share_links_use_the_public_address_when_known():
    links = LinkStyle(root="../", site_url="https://news.example/")
    tree = _tree(render_story_page(STORY, links=links))
    facebook = tree.find(".//a[@class='share-facebook']").get("href")
    assert "news.example%2Fstories%2Fmedia-law.html" in facebook


def test_page_from_the_database(demo_db):
    article = Article.get(Article.slug == "parliament-passes-amended-media-law")
    pending = [r.id for r in Review.select().where(Review.article == article)]
    reviews.decide(pending[:1], "approved")
    Setting.create(key="reviews_email", value="letters@news.example")
    page = story_page_for(article)
    assert page.dateline == "Baku/14.03.23/Turan:"
    assert len(page.reviews) == 1
    assert page.tags and page.news_line
    assert all(item.slug != article.slug for item in page.news_line)
    tree = _tree(render_story_page(page, links=SITE_LINKS))
    mail = tree.find(".//section[@class='leave-review']//a").get("href")
    assert mail.startswith("mailto:letters@news.example")
    fields = {"headline": "Edited", "body": "New body", "dateline_place": "Ganja",
              "dateline_date": None, "dateline_source": "APA", "language": "ru"}
    unsaved = story_page_from_fields(fields, surroundings_for(article.id))
    assert (unsaved.headline, unsaved.dateline, unsaved.slug) == (
        "Edited", "Ganja/APA:", article.slug)
    assert unsaved.reviews == page.reviews


def test_surroundings_of_a_story_gone_elsewhere_are_empty(db):
    assert surroundings_for(12345) == Surroundings()


def test_preview_prints_share_links_as_the_site_will(demo_db, tmp_path):
    from newsdesk.formats.outputs import export
    from newsdesk.publish.export import ExportOptions
    from newsdesk.publish.site import save_share_networks, save_site_address
    from newsdesk.publish.story_page import render_preview_page

    article = Article.get(Article.slug == "parliament-passes-amended-media-law")
    save_site_address("https://news.example.az/", "letters@news.example.az")
    save_share_networks(("facebook", "telegram"))
    fields = {name: getattr(article, name) for name in (
        "headline", "dateline_place", "dateline_date", "dateline_source", "body",
        "footnote", "desk_code", "language", "byline", "section", "published_at")}
    preview = _tree(render_preview_page(fields, surroundings_for(article.id)))
    export(ExportOptions(out=tmp_path / "site"))
    published = _tree((tmp_path / "site" / "stories" / f"{article.slug}.html").read_text())

    def share_links(tree):
        return [(a.get("class"), a.get("href")) for a in tree.findall(".//nav//a")
                if (a.get("class") or "").startswith("share-")]

    assert share_links(preview) == share_links(published)
    assert [name for name, _ in share_links(preview)] == ["share-facebook", "share-telegram"]
    assert "news.example.az%2Fstories%2F" in share_links(preview)[0][1]
