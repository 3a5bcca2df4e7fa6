"""Which of given stories changed in a replica since the pull (``changed_story_ids(among)``,
what the window's list asks for the rows it holds): each story looked up by its id."""

from __future__ import annotations

from newsdesk.people.registry import create_entity, tag_article
from newsdesk.store.models import Article, ArticleTag, SyncRow
from newsdesk.stories import articles
from newsdesk.sync.local_changes import changed_story_ids


def pulled(*article_ids: int) -> None:
    """As a pull leaves them: each story, and its tags, paired with the server's rows."""
    for article in Article.select().where(Article.id.in_(article_ids)):
        SyncRow.create(table_name="article", server_id=1000 + article.id,
                       local_id=article.id, base_version=article.version,
                       base_deleted=article.deleted_at is not None)
        for tag in ArticleTag.select().where(ArticleTag.article == article.id):
            SyncRow.create(table_name="article_tag", server_id=2000 + tag.id,
                           local_id=tag.id, base_hash=tag.relation, parent_id=article.id)


def story(headline: str) -> int:
    return articles.create_article({"headline": headline, "body": "As filed."}).id


def test_only_the_given_stories_are_looked_at(db):
    edited, tagged, untouched, made_here = (story(h) for h in ("Edited", "Tagged",
                                                               "Untouched", "Made here"))
    pulled(edited, tagged, untouched)
    article = Article.get_by_id(edited)
    articles.save_article(edited, {"body": "Edited on the train."},
                          expected_version=article.version)
    tag_article(tagged, create_entity("person", "Aynur Karimova").id)

    assert changed_story_ids() == {edited, tagged, made_here}
    assert changed_story_ids([edited, tagged, untouched, made_here]) == {edited, tagged,
                                                                         made_here}
    assert changed_story_ids([untouched, tagged]) == {tagged}
    assert changed_story_ids([untouched]) == set()
    assert changed_story_ids([]) == set()


def test_a_trashed_story_and_a_changed_relation_count_as_changes(db):
    trashed, retagged = story("Trashed"), story("Retagged")
    tag_article(retagged, create_entity("person", "Rashad Novruzov").id, "about")
    pulled(trashed, retagged)
    articles.move_to_trash([trashed])
    tag_article(retagged, ArticleTag.get(ArticleTag.article == retagged).entity_id,
                "mentioned")
    assert changed_story_ids([trashed, retagged]) == {trashed, retagged}


def test_more_stories_than_one_query_may_name(db):
    many = [story(f"Story {index}") for index in range(1201)]
    pulled(*many[:-1])
    assert changed_story_ids(many) == {many[-1]}
