"""Translation groups through the service layer and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newsdesk.errors import UserError
from newsdesk.people import registry as entities
from newsdesk.store.models import Article
from newsdesk.stories import articles, translations
from newsdesk.stories.translation_groups import siblings

SOURCE = {"headline": "Parliament passes the budget", "dateline_place": "Baku",
          "dateline_date": date(2023, 3, 14), "dateline_source": "Turan",
          "desk_code": "03/14P", "section": "politics", "urgency": 3, "language": "en",
          "body": "The Milli Majlis adopted the budget."}


def story(language: str, headline: str) -> Article:
    return articles.create_article({**SOURCE, "language": language, "headline": headline})


def test_a_translation_starts_as_a_linked_draft_with_the_dateline_and_tags(db):
    source = articles.create_article(dict(SOURCE))
    person = entities.create_entity("person", "Sahiba Gafarova")
    entities.tag_article(source.id, person.id, "about")
    made = translations.make_translation(source.id, "az", author="nigar")
    assert made.language == "az" and made.status == "draft"
    assert (made.dateline_place, made.dateline_date, made.dateline_source) == (
        "Baku", date(2023, 3, 14), "Turan")
    assert (made.desk_code, made.section, made.urgency) == ("03/14P", "politics", 3)
    assert made.body == "" and made.headline == ""
    assert [t["name"] for t in articles.article_to_dict(made)["tags"]] == ["Sahiba Gafarova"]
    assert [s.id for s in siblings(articles.get_article(source.id))] == [made.id]
    with pytest.raises(UserError, match="already"):
        translations.make_translation(source.id, "az")
    with pytest.raises(UserError, match="already in 'en'"):
        translations.make_translation(source.id, "en")


def test_link_joins_groups_and_refuses_two_stories_in_one_language(db):
    en, az, ru = story("en", "Budget"), story("az", "Büdcə"), story("ru", "Бюджет")
    translations.link([en.slug, az.slug])
    translations.link([ru.id, az.id])  # joins the group az is in already
    assert {s.language for s in siblings(articles.get_article(en.id))} == {"az", "ru"}
    other = story("en", "Another budget story")
    with pytest.raises(UserError, match="both in 'en'"):
        translations.link([other.id, ru.id])
    assert articles.get_article(other.id).translation_group is None  # nothing changed
    translations.unlink(ru.id)
    assert [s.language for s in siblings(articles.get_article(en.id))] == ["az"]


def test_cli_link_and_show_json_list_the_translations(cli, tmp_path):
    database = str(tmp_path / "news.sqlite3")
    seed = ("import datetime\n"
            "from newsdesk.store.db import open_database\n"
            "from newsdesk.stories import articles\n"
            f"open_database({database!r}, create=True)\n"
            "for language, headline in [('en', 'Budget'), ('az', 'Büdcə'), ('ru', 'Бюджет')]:\n"
            "    articles.create_article({'headline': headline, 'language': language})\n")
    subprocess.run([sys.executable, "-c", seed], check=True, cwd=Path(__file__).parents[2])
    result = cli("translations", "link", "budget", "2", "3", "--db", database)
    assert result.returncode == 0, result.stderr
    assert "linked 3 stories" in result.stdout
    shown = json.loads(cli("show", "budget", "--json", "--db", database).stdout)
    assert [(t["language"], t["slug"]) for t in shown["translations"]] == [
        ("az", "budce"), ("ru", "biudzhet")]
    assert all(t["uuid"] for t in shown["translations"])
    refused = cli("translations", "link", "budget", "--db", database)
    assert refused.returncode == 1 and "at least two" in refused.stderr
