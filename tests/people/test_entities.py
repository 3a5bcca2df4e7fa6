"""The registry: editing, aliases, merging with undo, tagging and dismissed suggestions."""

from __future__ import annotations

import pytest

from newsdesk.errors import UserError
from newsdesk.people import registry as entities
from newsdesk.store.models import Alias, ArticleTag, Entity
from newsdesk.stories import articles


@pytest.fixture
def two_people(db):
    rauf = entities.create_entity("person", "Rauf Mammadov", aliases=["Рауф Маммадов"])
    dup = entities.create_entity("person", "Rauf Mamedov", aliases=["Рауф Мамедов"])
    first = articles.create_article({"headline": "One"})
    second = articles.create_article({"headline": "Two"})
    third = articles.create_article({"headline": "Three"})
    entities.tag_article(first.id, rauf.id, "about")
    entities.tag_article(second.id, dup.id, "mentioned")
    entities.tag_article(third.id, rauf.id, "about")
    entities.tag_article(third.id, dup.id, "mentioned")
    return rauf, dup, (first, second, third)


def snapshot():
    tags = sorted(ArticleTag.select(ArticleTag.article, ArticleTag.entity,
                                    ArticleTag.relation).tuples())
    aliases = sorted(Alias.select(Alias.entity, Alias.name).tuples())
    merged = sorted(Entity.select(Entity.id, Entity.merged_into).tuples())
    return tags, aliases, merged


def test_edit_name_aliases_description_and_uri(db):
    person = entities.create_entity("person", "Elnur Heydarov")
    entities.update_entity(person.id, name="Elnur Heydərov", description="Deputy minister",
                           uri="https://www.wikidata.org/wiki/Q1",
                           aliases=["Elnur Heydarov", "Эльнур Гейдаров", "Эльнур Гейдаров"])
    fresh = entities.get_entity(person.id)
    assert (fresh.name, fresh.description, fresh.uri) == (
        "Elnur Heydərov", "Deputy minister", "https://www.wikidata.org/wiki/Q1")
    # The old name folds to the new one, so it is not an alias; duplicates are dropped.
    assert entities.aliases_of(person.id) == ["Эльнур Гейдаров"]
    with pytest.raises(UserError):
        entities.update_entity(person.id, name="  ")
    with pytest.raises(UserError):
        entities.update_entity(person.id, uri="javascript:alert(1)")


def test_merge_moves_tags_and_aliases_and_undo_restores_everything(two_people):
    rauf, dup, (first, second, third) = two_people
    before = snapshot()
    record = entities.merge_entities(dup.id, rauf.id)
    assert entities.get_entity(dup.id).merged_into_id == rauf.id
    tagged = {t.article_id: t.relation for t in ArticleTag.select()
              .where(ArticleTag.entity == rauf.id)}
    assert tagged == {first.id: "about", second.id: "mentioned", third.id: "about"}
    assert not ArticleTag.select().where(ArticleTag.entity == dup.id).exists()
    assert set(entities.aliases_of(rauf.id)) == {"Рауф Маммадов", "Рауф Мамедов",
                                                 "Rauf Mamedov"}
    assert entities.find_by_name("Rauf Mamedov").id == rauf.id
    entities.undo_merge(record)
    assert snapshot() == before
    assert entities.find_by_name("Рауф Мамедов").id == dup.id


def test_merge_into_itself_or_twice_is_refused(two_people):
    rauf, dup, _ = two_people
    with pytest.raises(UserError, match="itself"):
        entities.merge_entities(rauf.id, rauf.id)
    entities.merge_entities(dup.id, rauf.id)
    with pytest.raises(UserError, match="already merged"):
        entities.merge_entities(dup.id, rauf.id)


def test_tag_relation_untag_and_dismissals(db):
    story = articles.create_article({"headline": "Budget"})
    person = entities.create_entity("person", "Sabina Rahimova")
    entities.tag_article(story.id, person.id, "about")
    entities.tag_article(story.id, person.id, "mentioned")
    assert [t["relation"] for t in articles.tags_of(story.id)] == ["mentioned"]
    with pytest.raises(UserError):
        entities.tag_article(story.id, person.id, "loves")
    assert entities.untag_article(story.id, person.id)
    assert articles.tags_of(story.id) == []
    entities.dismiss_suggestion(story.id, "new:person:x")
    entities.dismiss_suggestion(story.id, "new:person:x")
    assert entities.dismissed_keys(story.id) == {"new:person:x"}


def test_completer_matches_names_aliases_and_variants(db):
    rauf = entities.create_entity("person", "Rauf Mammadov", aliases=["Rauf Məmmədov"])
    entities.create_entity("organisation", "Press Freedom Union", aliases=["PFU"])
    assert [r[0] for r in entities.complete("Mamedov")] == [rauf.id]
    assert [r[0] for r in entities.complete("məmməd")] == [rauf.id]
    assert [r[2] for r in entities.complete("pfu")] == ["Press Freedom Union"]
    assert entities.complete("") == []


def test_add_aliases_reports_only_new_spellings(db):
    person = entities.create_entity("person", "Bakhtiyar Hajiyev")
    added = entities.add_aliases(person.id, ["Bakhtiar Hajiyev", "Bakhtiyar Hajiyev",
                                             "Bakhtiar Hajiyev"])
    assert added == ["Bakhtiar Hajiyev"]
