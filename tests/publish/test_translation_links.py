"""A story page links its translations published on the site ("Also in", hreflang), and a
re-export rewrites exactly the pages whose links changed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from newsdesk.formats.outputs import export
from newsdesk.publish.export import MANIFEST_NAME, ExportOptions
from newsdesk.store.models import Article
from newsdesk.stories import articles, translations

START = datetime(2023, 3, 1, 9, 0)
ALTERNATE = '<link rel="alternate" hreflang="{}" href="{}">'


def _story(number: int, language: str = "en", status: str = "published",
           headline: str = "") -> Article:
    # Older stories first: the first ones stay below the News Line (10 stories).
    moment = START + timedelta(hours=number)
    made = articles.create_article(
        {"headline": headline or f"Story number {number}", "language": language,
         "body": f"Paragraph of story {number}.", "status": status}, created_at=moment)
    if status == "published":
        Article.update(published_at=moment).where(Article.id == made.id).execute()
    return articles.get_article(made.id)


def _page(out: Path, story: Article) -> str:
    return (out / "stories" / f"{articles.get_article(story.id).slug}.html").read_text()


def _written(out: Path, before: dict[str, tuple[int, int]]) -> set[str]:
    """The files of ``out`` written since ``before`` (their change times then)."""
    return {name for name, stamp in _stamps(out).items() if before.get(name) != stamp}


def _stamps(out: Path) -> dict[str, tuple[int, int]]:
    # A file written is a new file moved in (a new inode), whatever the clock's grain.
    return {str(p.relative_to(out)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in out.rglob("*") if p.is_file() and p.name != MANIFEST_NAME}


def test_a_page_links_its_published_translations_with_hreflang(db, tmp_path):
    en = _story(1, "en", headline="Parliament passes the budget")
    az = _story(2, "az", headline="Parlament büdcəni qəbul etdi")
    ru = _story(3, "ru", headline="Парламент принял бюджет")
    draft = _story(4, "de", status="draft", headline="Das Parlament")
    held = _story(5, "tr", headline="Meclis bütçeyi kabul etti")
    Article.update(embargo_until=datetime(2999, 1, 1)).where(Article.id == held.id).execute()
    alone = _story(6, "en", headline="Not translated")
    translations.link([en.id, az.id, ru.id, draft.id, held.id])
    out = tmp_path / "site"
    export(ExportOptions(out=out, site_url="https://news.example.az/"))

    page = _page(out, en)
    base = "https://news.example.az/stories/"
    for language, story in (("en", en), ("az", az), ("ru", ru)):
        slug = articles.get_article(story.id).slug
        assert ALTERNATE.format(language, f"{base}{slug}.html") in page  # itself too
    assert ('<p class="translations">Also in: '
            f'<a href="../stories/{az.slug}.html" hreflang="az" lang="az" '
            'title="Parlament büdcəni qəbul etdi">Azərbaycan</a> · '
            f'<a href="../stories/{ru.slug}.html" hreflang="ru" lang="ru" '
            'title="Парламент принял бюджет">Русский</a></p>'
            ) in page
    # Neither a draft nor a story still under embargo is linked (they have no page).
    assert draft.slug not in page and held.slug not in page
    assert 'hreflang="de"' not in page and 'hreflang="tr"' not in page
    # The label speaks the page's language.
    assert "Digər dillərdə: " in _page(out, az) and 'hreflang="en"' in _page(out, az)
    assert "На других языках: " in _page(out, ru)
    assert "English</a>" in _page(out, ru)
    # A page without translations has neither.
    lonely = _page(out, alone)
    assert 'class="translations"' not in lonely and "hreflang" not in lonely
    # Entity pages and the index are unchanged: no alternates, no "Also in".
    assert "hreflang" not in (out / "index.html").read_text()
    assert "Also in" not in (out / "feed.atom").read_text()


def test_without_a_site_address_the_alternates_are_relative(db, tmp_path):
    en, az = _story(1, "en"), _story(2, "az")
    translations.link([en.id, az.id])
    out = tmp_path / "site"
    export(ExportOptions(out=out, site_url=""))
    assert ALTERNATE.format("az", f"../stories/{az.slug}.html") in _page(out, en)
    assert ALTERNATE.format("en", f"../stories/{en.slug}.html") in _page(out, en)


def test_untrusted_language_and_headline_stay_inert(db, tmp_path):
    en = _story(1, "en")
    other = _story(2, "az", headline='"><script>alert(2)</script>')
    translations.link([en.id, other.id])
    # What a script writing SQL (or a damaged import) could leave in the database. (A
    # slug is not a way in: an export refuses any slug that is not a plain file name.)
    Article.update(language='az"><script>alert(1)</script>').where(
        Article.id == other.id).execute()
    out = tmp_path / "site"
    export(ExportOptions(out=out, site_url=""))
    page = _page(out, en)
    assert "<script>" not in page
    assert 'hreflang="az&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert 'title="&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in page


def test_linking_rewrites_the_linked_pages_and_nothing_else(db, tmp_path):
    stories = [_story(number) for number in range(1, 15)]
    az = _story(0, "az", headline="Büdcə")  # the oldest: below the News Line
    old, bystander = stories[0], stories[1]
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    before = _stamps(out)
    keys = json.loads((out / MANIFEST_NAME).read_text())["files"]

    translations.link([old.id, az.id])
    result = export(ExportOptions(out=out))
    pages = {f"stories/{old.slug}.html", f"stories/{az.slug}.html"}
    # The two pages, and the feeds, which name each story by its stamp.
    assert _written(out, before) == pages | {"feed.atom", "feed.rss"}
    assert result.written == 2
    assert f"stories/{az.slug}.html" in _page(out, old)
    after = json.loads((out / MANIFEST_NAME).read_text())["files"]
    assert after[f"stories/{bystander.slug}.html"] == keys[f"stories/{bystander.slug}.html"]
    assert after["index.html"] == keys["index.html"]

    # A sibling renamed: its page moves and the other page's link follows it, though the
    # other story's own stamp did not move.
    before = _stamps(out)
    Article.update(slug="budce-renamed").where(Article.id == az.id).execute()
    export(ExportOptions(out=out))
    assert 'href="../stories/budce-renamed.html"' in _page(out, old)
    assert f"stories/{old.slug}.html" in _written(out, before)
    assert f"stories/{bystander.slug}.html" not in _written(out, before)

    # A sibling withdrawn from the site: the link goes; back again: it returns.
    before = _stamps(out)
    Article.update(status="draft").where(Article.id == az.id).execute()
    export(ExportOptions(out=out))
    assert "budce-renamed" not in _page(out, old)
    assert 'class="translations"' not in _page(out, old)
    assert f"stories/{bystander.slug}.html" not in _written(out, before)
    Article.update(status="published").where(Article.id == az.id).execute()
    export(ExportOptions(out=out))
    assert 'href="../stories/budce-renamed.html"' in _page(out, old)

    # Unlinked: both pages lose their links, the others stay as they were.
    before = _stamps(out)
    translations.unlink(az.id)
    export(ExportOptions(out=out))
    assert 'class="translations"' not in _page(out, old)
    assert 'class="translations"' not in _page(out, az)
    assert f"stories/{bystander.slug}.html" not in _written(out, before)
    # Every step ends where a fresh export does.
    fresh = tmp_path / "fresh"
    export(ExportOptions(out=fresh))
    assert (json.loads((fresh / MANIFEST_NAME).read_text())["files"]
            == json.loads((out / MANIFEST_NAME).read_text())["files"])


def test_a_held_sibling_released_by_its_embargo_is_linked_on_the_next_export(db, tmp_path):
    stories = [_story(number) for number in range(1, 15)]
    az = _story(0, "az", headline="Büdcə")
    translations.link([stories[0].id, az.id])
    Article.update(embargo_until=datetime(2030, 1, 1)).where(Article.id == az.id).execute()
    out = tmp_path / "site"
    export(ExportOptions(out=out, now=datetime(2029, 12, 31)))
    assert 'class="translations"' not in _page(out, stories[0])
    # Nothing was written to the database: only time passed.
    export(ExportOptions(out=out, now=datetime(2030, 1, 2)))
    assert f'href="../stories/{az.slug}.html"' in _page(out, stories[0])


@pytest.mark.parametrize("full", [False, True])
def test_cli_export_after_cli_link_carries_the_links(cli, tmp_path, full):
    database = str(tmp_path / "news.sqlite3")
    seed = ("from newsdesk.store.db import open_database\n"
            "from newsdesk.stories import articles\n"
            f"open_database({database!r}, create=True)\n"
            "for language, headline in [('en', 'Budget'), ('az', 'Büdcə')]:\n"
            "    articles.create_article({'headline': headline, 'language': language,\n"
            "                             'body': 'Text.', 'status': 'published'})\n")
    subprocess.run([sys.executable, "-c", seed], check=True, cwd=Path(__file__).parents[2])
    out = tmp_path / "site"
    assert cli("export", "--out", str(out), "--db", database).returncode == 0
    assert "hreflang" not in (out / "stories" / "budget.html").read_text()
    assert cli("translations", "link", "budget", "budce", "--db", database).returncode == 0
    args = ["export", "--out", str(out), "--db", database, *(["--full"] if full else [])]
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    page = (out / "stories" / "budget.html").read_text()
    assert 'hreflang="az"' in page and ">Azərbaycan</a>" in page
