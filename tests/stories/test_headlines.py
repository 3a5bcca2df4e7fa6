"""The headline limit wherever a story is stored: created, saved, duplicated, imported."""

from __future__ import annotations

import pytest

from newsdesk.errors import UserError
from newsdesk.formats.importer import read_story_file
from newsdesk.store.models import Article
from newsdesk.stories import articles
from newsdesk.stories.headlines import MAX_HEADLINE

REFUSAL = (f"headline: {MAX_HEADLINE + 1} characters, more than the {MAX_HEADLINE} a "
           "headline may have; shorten it")


def test_a_new_story_with_a_headline_over_the_limit_is_refused(db):
    articles.create_article({"headline": "h" * MAX_HEADLINE, "body": "Fits."})
    with pytest.raises(UserError) as refused:
        articles.create_article({"headline": "h" * (MAX_HEADLINE + 1), "body": "Too long."})
    assert refused.value.message == REFUSAL
    assert [len(a.headline) for a in Article.select()] == [MAX_HEADLINE]


def test_saving_a_longer_headline_is_refused_and_nothing_is_written(db):
    story = articles.create_article({"headline": "Flood in Baku", "body": "The river rose."})
    with pytest.raises(UserError) as refused:
        articles.save_article(story.id, {"headline": "h" * (MAX_HEADLINE + 1),
                                         "body": "Edited."}, expected_version=story.version)
    assert refused.value.message == REFUSAL
    kept = Article.get_by_id(story.id)
    assert (kept.headline, kept.body, kept.version) == ("Flood in Baku", "The river rose.",
                                                        story.version)


def test_a_headline_stored_before_the_limit_saves_on_until_it_is_changed(db):
    story = articles.create_article({"headline": "Flood in Baku", "body": "The river rose."})
    legacy = "L" * (MAX_HEADLINE + 100)
    Article.update(headline=legacy).where(Article.id == story.id).execute()
    # The body still saves under the old headline...
    saved = articles.save_article(story.id, {"headline": legacy, "body": "It fell again."},
                                  expected_version=story.version)
    assert (saved.headline, saved.body) == (legacy, "It fell again.")
    # ...a change that leaves it too long is refused...
    with pytest.raises(UserError, match="shorten it"):
        articles.save_article(story.id, {"headline": legacy[:-1]},
                              expected_version=saved.version)
    # ...and shortening it within the limit saves.
    shortened = articles.save_article(story.id, {"headline": legacy[:MAX_HEADLINE]},
                                      expected_version=saved.version)
    assert shortened.headline == legacy[:MAX_HEADLINE]


def test_a_duplicate_of_a_headline_at_the_limit_still_fits(db):
    story = articles.create_article({"headline": "d" * MAX_HEADLINE, "body": "Text."})
    copy = articles.duplicate_article(story.id)
    assert len(copy.headline) == MAX_HEADLINE
    assert copy.headline.endswith("d (copy)")


def test_an_import_takes_a_headline_at_the_limit_and_refuses_one_past_it(tmp_path):
    for length in (MAX_HEADLINE, MAX_HEADLINE + 1):
        wire = tmp_path / f"wire-{length}.txt"
        wire.write_text("W" * length + "\n\nBAKU/14.03.23/Turan: Body text.\n")
        if length <= MAX_HEADLINE:
            [story] = read_story_file(wire)
            assert len(story.fields["headline"]) == MAX_HEADLINE
        else:
            with pytest.raises(UserError, match=f"at most {MAX_HEADLINE}"):
                read_story_file(wire)
