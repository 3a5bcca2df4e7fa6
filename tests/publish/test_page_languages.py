"""Published pages in the story's language: labels, dates and lang, through the site export
of the demo newsroom; the index, entity pages and feeds in the newsroom's language."""

from __future__ import annotations

import re

import feedparser
import html5lib
import pytest
from babel.dates import get_month_names
from babel.messages.pofile import read_po

from newsdesk.formats.outputs import export
from newsdesk.moderation import reviews
from newsdesk.publish.export import ExportOptions
from newsdesk.publish.page import SITE_LINKS, StoryPage, render_story_page
from newsdesk.publish.page_language import catalogue_path
from newsdesk.publish.site import save_site_language, stored_site_language
from newsdesk.store.models import Article, Review, Setting

# Elements holding what the newsroom or its readers wrote (headlines, text, names), not
# the page's own labels.
CONTENT_CLASSES = {"headline", "meta", "body", "footnote", "desk-code", "tag", "review-author",
                   "review-text"}


def english_labels() -> list[str]:
    """The English labels, as the catalogues' msgids give them: each piece of text around
    the placeholders that has a word in it ("Send yours to", ", quoting the story code")."""
    with catalogue_path("ru").open("rb") as source:
        catalogue = read_po(source)
    pieces = {piece.strip(" .,:") for message in catalogue if message.id
              for piece in re.split(r"%\(\w+\)s", message.id)}
    return sorted(piece for piece in pieces if re.search(r"[A-Za-z]{2}", piece))


def _tree(path):
    return html5lib.parse(path.read_bytes(), treebuilder="etree",
                          namespaceHTMLElements=False)


def label_texts(tree) -> list[str]:
    """The page's own words: texts and title/aria-label attributes of every element, less
    the content elements and anything marked in another language than the page."""
    page_lang = tree.get("lang")
    texts: list[str] = []

    def walk(element):
        classes = set((element.get("class") or "").split())
        if (classes & CONTENT_CLASSES or element.get("dir") == "auto"
                or element.tag in ("head", "code")
                or element.get("lang", page_lang) != page_lang):
            return
        texts.extend(element.get(name) for name in ("title", "aria-label") if element.get(name))
        texts.append(element.text or "")
        for child in element:
            walk(child)
            texts.append(child.tail or "")

    walk(tree)
    return [text for text in texts if text.strip()]


def english_left(tree) -> list[str]:
    text = "\n".join(label_texts(tree))
    return [label for label in english_labels()
            if re.search(rf"(?<![\w]){re.escape(label)}(?![\w])", text)]


def month_names(language: str) -> set[str]:
    return set(get_month_names("wide", context="format", locale=language).values())


@pytest.fixture
def demo_site(demo_db, tmp_path):
    """The demo newsroom's site, with every review of its stories approved (so story pages
    show review dates and ratings) and a reviews e-mail set (the "send yours" sentence)."""
    reviews.decide([review.id for review in Review.select()], "approved")
    Setting.put("reviews_email", "reviews@news.example.az")
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    return out


def _story_pages(out, language):
    pages = []
    for path in sorted((out / "stories").glob("*.html")):
        tree = _tree(path)
        if tree.find(".//article").get("lang") == language:
            pages.append((path, tree))
    return pages


@pytest.mark.parametrize("language", ["az", "ru"])
def test_demo_story_pages_carry_no_english_label(demo_site, language):
    pages = _story_pages(demo_site, language)
    assert pages, f"the demo has no exported {language} story"
    assert "Send yours to" in english_labels() and "Reviews" in english_labels()
    assert any(tree.find(".//div[@class='review']") is not None for _, tree in pages)
    for path, tree in pages:
        assert tree.get("lang") == language, path.name
        assert english_left(tree) == [], path.name


@pytest.mark.parametrize(("language", "words"), [
    ("az", ("Xəbər lenti", "Rəylər", "Rəy bildirin", "Paylaş:", "Şəxslər:")),
    ("ru", ("Лента новостей", "Отзывы", "Оставить отзыв", "Поделиться:", "Персоны:")),
])
def test_demo_story_pages_speak_their_language(demo_site, language, words):
    for path, tree in _story_pages(demo_site, language):
        text = "\n".join(label_texts(tree))
        assert all(word in text for word in words), path.name


@pytest.mark.parametrize("language", ["az", "ru"])
def test_dates_on_story_pages_are_written_in_the_story_language(demo_site, language):
    own, english = month_names(language), month_names("en")
    for path, tree in _story_pages(demo_site, language):
        times = ["".join(t.itertext()) for t in tree.iter("time")]
        assert times, path.name  # the News Line's and the reviews' dates
        for text in times:
            assert any(month in text for month in own), (path.name, text)
            assert not any(month in text for month in english), (path.name, text)
    if language == "ru":  # Russian writes the day of the month in the genitive
        page = _story_pages(demo_site, "ru")[0][0].read_text(encoding="utf-8")
        assert re.search(r"\d{1,2} (января|февраля|марта|апреля) 20\d\d", page)


def test_news_line_headlines_carry_their_own_language(demo_site):
    path, tree = _story_pages(demo_site, "ru")[0]
    links = tree.findall(".//aside[@class='news-line']//a")
    assert links and {link.get("lang") for link in links} >= {"en", "az"}


def test_the_index_entity_pages_and_feeds_speak_the_newsroom_language(demo_db, tmp_path):
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    index = _tree(out / "index.html")
    assert index.get("lang") == "en" and "News Line" in "".join(index.itertext())
    assert stored_site_language() == "en"  # not set: English

    save_site_language("ru")
    export(ExportOptions(out=out))
    index = _tree(out / "index.html")
    assert index.get("lang") == "ru" and english_left(index) == []
    assert "".join(index.find(".//h1").itertext()) == "Лента новостей"
    # Each headline in the list is marked with its own story's language.
    langs = {a.get("lang") for a in index.findall(".//ul[@class='story-list']//a")}
    assert langs == {"en", "az", "ru"}
    person = _tree(out / "people" / "rauf-mammadov-1.html")
    assert person.get("lang") == "ru" and english_left(person) == []
    assert "Материалы, в которых упоминается Rauf Mammadov." in "".join(person.itertext())
    for name in ("feed.atom", "feed.rss"):
        feed = feedparser.parse((out / name).read_bytes())
        assert not feed.bozo and feed.feed.title == "Лента новостей"
        assert feed.feed.language == "ru"


def test_a_different_language_for_one_export_rewrites_the_pages(demo_db, tmp_path):
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    before = {p: p.stat().st_ino for p in out.rglob("*.html")}
    result = export(ExportOptions(out=out, language="az"))
    assert result.written == result.stories  # a new settings key: everything again
    assert all(p.stat().st_ino != inode for p, inode in before.items())
    assert _tree(out / "index.html").get("lang") == "az"
    assert stored_site_language() == "en"  # for that export only


def test_unknown_story_languages_get_english_labels():
    page = StoryPage(slug="haber", headline="Meclis yasayı kabul etti", language="tr",
                     body="Metin.")
    tree = html5lib.parse(render_story_page(page, links=SITE_LINKS), treebuilder="etree",
                          namespaceHTMLElements=False)
    # The labels are English, so the page is; the story keeps its own language.
    assert tree.get("lang") == "en" and tree.find(".//article").get("lang") == "tr"
    assert "".join(tree.find(".//aside[@class='news-line']/h2").itertext()) == "News Line"
    regional = StoryPage(slug="x", headline="X", language="az-Latn-AZ")
    tree = html5lib.parse(render_story_page(regional, links=SITE_LINKS), treebuilder="etree",
                          namespaceHTMLElements=False)
    assert tree.get("lang") == "az" and tree.find(".//article").get("lang") == "az-Latn-AZ"


def test_cli_language_for_one_run_and_refused_when_unknown(cli, tmp_path):
    out = tmp_path / "site"
    result = cli("--demo", "export", "--out", str(out), "--language", "az")
    assert result.returncode == 0, result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="az">' in index and "Xəbər lenti" in index
    assert "Xəbər lenti" in (out / "feed.rss").read_text(encoding="utf-8")
    refused = cli("--demo", "export", "--out", str(tmp_path / "other"), "--language", "fr")
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "newsdesk: error: --language: unknown language 'fr' (choose from en, az, ru)"]
    assert not (tmp_path / "other").exists()


def test_preview_page_of_a_story_follows_its_language(demo_db):
    from newsdesk.publish.story_page import render_preview_page
    from newsdesk.publish.surroundings import surroundings_for

    article = Article.get(Article.language == "az")
    fields = {"headline": article.headline, "body": article.body, "language": "az"}
    page = render_preview_page(fields, surroundings_for(article.id))
    assert '<html lang="az">' in page and "Rəy bildirin" in page
    page = render_preview_page({**fields, "language": "ru"}, surroundings_for(article.id))
    assert '<html lang="ru">' in page and "Оставить отзыв" in page
