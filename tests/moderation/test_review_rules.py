"""The automatic rules on import, and hidden characters."""

from __future__ import annotations

import pytest

from newsdesk.moderation import reviews
from newsdesk.moderation import rule_store as moderation_rules
from newsdesk.moderation.rules import (
    RuleSet,
    count_links,
    is_shouting,
    normalise,
    public_text,
    visible_text,
)
from newsdesk.store.models import Review, ReviewFlag
from tests.review_helpers import make_stories, record

RULES = {"banned_words": ["scum", "kill yourself"], "suspect_words": ["idiot", "идиот"],
         "banned_authors": ["spam.bot@example.net", "Lucky Slots"], "max_links": 2}


@pytest.fixture
def newsroom(db):
    make_stories()
    moderation_rules.replace_rules(RULES)


def imported(*records) -> dict[str, tuple[str, list[str]]]:
    reviews.import_records([reviews.ReviewRecord(r, n) for n, r in enumerate(records, 1)],
                           source="test.json")
    result = {}
    for review in Review.select():
        reasons = [f.reason for f in ReviewFlag.select().where(ReviewFlag.review == review)
                   .order_by(ReviewFlag.id)]
        result[review.external_id] = (review.status, reasons)
    return result


def test_banned_word_rejects_and_keeps_the_reason(newsroom):
    got = imported(record("a", text="The SCUM who ran this bank."),
                   record("b", text="Please kill   yourself."))
    assert got["a"] == ("rejected", ["banned word: scum"])
    assert got["b"] == ("rejected", ["banned word: kill yourself"])
    assert Review.get(Review.external_id == "a").moderated_at is not None


def test_suspect_word_hidden_with_zero_width_spaces_is_found(newsroom):
    got = imported(record("a", text="Bu deputat tam i\u200bd\u200bi\u200bo\u200bt kimi."),
                   record("b", text="Only an idiots' club would vote so."),
                   record("c", text="Какой идиот это писал"),
                   record("d", text="An idiomatic phrase is fine."))
    assert got["a"] == ("pending", ["suspect word: idiot", "hidden characters: ZWSP"])
    assert got["b"] == ("pending", ["suspect word: idiot"])
    assert got["c"] == ("pending", ["suspect word: идиот"])
    assert got["d"] == ("pending", [])


def test_too_many_links_are_held(newsroom):
    got = imported(record("a", text="http://a.example http://b.example www.c.example"),
                   record("b", text="Two: https://a.example/x and https://b.example/y"))
    assert got["a"] == ("pending", ["3 links"])
    assert got["b"] == ("pending", [])


def test_repeat_by_anyone_is_flagged_with_where_it_was_first(newsroom):
    text = "This is exactly the kind of reporting we need more of."
    got = imported(record("first", text=text, submitted="2023-02-09T22:41:00+04:00"),
                   record("again", text=text.upper().replace(" ", "  "), author="Other",
                          email="o@example.com", article="flood-relief",
                          submitted="2023-02-10T07:12:45+04:00"))
    assert got["first"][1] == []
    assert got["again"][1][0] == ("repeat of a review on 2023-02-09 under "
                                  "“Budget Approved”")
    later = imported(record("third", text=text, submitted="2023-03-01T00:00:00Z"))
    assert "repeat of a review on 2023-02-09" in later["third"][1][0]


def test_short_repeats_are_not_flagged(newsroom):
    got = imported(record("a", text="Thanks!"), record("b", text="Thanks!"))
    assert got["b"] == ("pending", [])


def test_shouting_in_latin_and_cyrillic(newsroom):
    got = imported(record("a", text="THIS LAW IS A DISGRACE AND A SHAME!!!"),
                   record("b", text="ПОЧЕМУ НИКТО НЕ ОТВЕЧАЕТ ЗА ЭТО?"),
                   record("c", text="Great article!!! OK"))
    assert got["a"][1] == ["shouting (mostly capitals)"]
    assert got["b"][1] == ["shouting (mostly capitals)"]
    assert got["c"][1] == []


def test_banned_author_by_email_or_name(newsroom):
    got = imported(record("a", email="Spam.Bot@example.net"),
                   record("b", author="lucky slots", email="x@example.com", text="Hello there"))
    assert got["a"] == ("rejected", ["banned author: Spam.Bot@example.net"])
    assert got["b"][0] == "rejected"


def test_rules_are_editable_and_apply_to_the_next_import(newsroom):
    moderation_rules.replace_rules({**RULES, "suspect_words": ["grant"], "max_links": 0})
    got = imported(record("a", text="Written for a grant: https://example.org"))
    assert got["a"] == ("pending", ["suspect word: grant", "1 link"])


def test_helpers():
    assert normalise("Ə\u200bliyev  \u202eSAID") == "aliyev said"
    assert visible_text("i\u200bd \u202eabc\u202c") == "i⟨ZWSP⟩d ⟨RLO⟩abc⟨PDF⟩"
    assert public_text("a\u202eb\u200bc\u200dd") == "abc\u200dd"
    assert count_links("javascript:alert(1) and http://x.example") == 2
    assert not is_shouting("OK!")
    assert RuleSet(moderation_rules.Rules()).evaluate("hello", "A", "").status == "pending"
