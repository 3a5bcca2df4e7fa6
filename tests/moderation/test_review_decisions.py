"""Decisions, the undo stack, banning authors, author history, what gets published."""

from __future__ import annotations

import pytest

from newsdesk.errors import UserError
from newsdesk.moderation import reviews
from newsdesk.moderation import rule_store as moderation_rules
from newsdesk.store.models import RULES_MODERATOR, ModerationRule, Review
from tests.review_helpers import make_stories, record


@pytest.fixture
def queue(db):
    stories = make_stories()
    records = [record(f"r{n}", text=f"Review number {n} with its own words.",
                      author=f"Reader {n % 3}", email=f"reader{n % 3}@example.com",
                      submitted=f"2023-03-{10 + n:02d}T10:00:00Z") for n in range(6)]
    reviews.import_records([reviews.ReviewRecord(r, 1) for r in records], source="t")
    ids = [r.id for r in Review.select().order_by(Review.submitted_at)]
    return stories, ids


def statuses(ids):
    by_id = {r.id: r.status for r in Review.select()}
    return [by_id[i] for i in ids]


def test_bulk_decision_is_one_group_and_undo_restores_exactly_it(queue):
    _stories, ids = queue
    history = reviews.DecisionHistory()
    history.push(reviews.decide([ids[0]], "approved"))
    history.push(reviews.decide(ids[2:5], "spam"))
    history.push(reviews.decide([ids[5]], "rejected"))
    assert statuses(ids) == ["approved", "pending", "spam", "spam", "spam", "rejected"]
    history.undo()
    assert statuses(ids) == ["approved", "pending", "spam", "spam", "spam", "pending"]
    history.undo()
    assert statuses(ids) == ["approved"] + ["pending"] * 5
    history.undo()
    assert statuses(ids) == ["pending"] * 6
    assert history.undo() is None


def test_undo_restores_previous_status_and_time_not_just_pending(queue):
    _stories, ids = queue
    reviews.decide([ids[0]], "approved")
    first_time = Review.get_by_id(ids[0]).moderated_at
    group = reviews.decide([ids[0]], "spam")
    reviews.undo(group)
    review = Review.get_by_id(ids[0])
    assert (review.status, review.moderated_at) == ("approved", first_time)


def test_undo_leaves_a_review_decided_again_elsewhere(queue):
    _stories, ids = queue
    group = reviews.decide(ids[:2], "approved")
    reviews.decide([ids[1]], "spam")  # e.g. from the command line meanwhile
    reviews.undo(group)
    assert statuses(ids[:2]) == ["pending", "spam"]


def who_decided(review_id):
    review = Review.get_by_id(review_id)
    return review.status, review.moderated_by


def test_a_decision_records_who_made_it_and_undo_puts_back_the_one_before(queue):
    _stories, ids = queue
    first = reviews.decide([ids[0]], "approved", moderator="Leyla")
    second = reviews.decide([ids[0]], "spam", moderator="Rauf")
    assert who_decided(ids[0]) == ("spam", "Rauf")
    reviews.undo(second)
    assert who_decided(ids[0]) == ("approved", "Leyla")
    reviews.undo(first)
    assert who_decided(ids[0]) == ("pending", "")


def test_the_rules_are_recorded_as_deciding_what_they_reject(db):
    make_stories()
    moderation_rules.replace_rules({"banned_words": ["scum"]})
    reviews.import_records([reviews.ReviewRecord(record("a", text="You scum."), 1),
                            reviews.ReviewRecord(record("b", text="Fine words here."), 2)],
                           source="t")
    assert who_decided(Review.get(Review.external_id == "a").id) == ("rejected",
                                                                     RULES_MODERATOR)
    assert who_decided(Review.get(Review.external_id == "b").id) == ("pending", "")
    moderation_rules.replace_rules({"banned_words": ["scum", "fine"]})
    assert reviews.recheck_pending().group.count == 1
    assert who_decided(Review.get(Review.external_id == "b").id) == ("rejected",
                                                                     RULES_MODERATOR)


def test_unknown_ids_fail_and_change_nothing(queue):
    _stories, ids = queue
    with pytest.raises(UserError, match="no review with id 999, 1000"):
        reviews.decide([ids[0], 999, 1000], "approved")
    assert statuses(ids) == ["pending"] * 6
    with pytest.raises(UserError):
        reviews.decision_status("publish")


def test_author_history_counts(queue):
    _stories, ids = queue
    reviews.decide([ids[0]], "approved")
    reviews.decide([ids[3]], "spam")
    assert reviews.author_history("Reader 0", "reader0@example.com") == {
        "pending": 0, "approved": 1, "rejected": 0, "spam": 1}


def test_ban_author_rejects_pending_and_undo_lifts_it(queue):
    _stories, ids = queue
    reviews.decide([ids[1]], "approved")
    group = reviews.ban_author("Reader 1", "reader1@example.com", reject_pending=True,
                               moderator="Samira")
    assert group.review_ids == [ids[4]]
    assert who_decided(ids[4]) == ("rejected", "Samira")
    assert statuses([ids[1], ids[4]]) == ["approved", "rejected"]
    assert "reader1@example.com" in moderation_rules.load_rules().banned_authors
    reviews.undo(group)
    assert statuses([ids[1], ids[4]]) == ["approved", "pending"]
    assert ModerationRule.select().count() == 0


def test_ban_without_rejecting(queue):
    _stories, ids = queue
    group = reviews.ban_author("Reader 2", "reader2@example.com", reject_pending=False)
    assert group.count == 0 and group.banned_author == "reader2@example.com"
    assert statuses(ids) == ["pending"] * 6


def test_approved_for_returns_only_approved_reviews_of_that_story(queue):
    stories, ids = queue
    reviews.decide(ids[:2], "approved")
    reviews.decide(ids[2:3], "spam")
    Review.update(text="Sneaky \u202eevil\u202c text\u200b").where(Review.id == ids[0]).execute()
    got = reviews.approved_for(stories["budget-approved"])
    assert [r["id"] for r in got] == ids[:2]
    assert got[0]["text"] == "Sneaky evil text"
    assert reviews.approved_for(stories["flood-relief"]) == []


def test_story_choices_are_the_recently_reviewed_plus_the_chosen_one(queue):
    from newsdesk.moderation import queues as review_queue
    stories, _ids = queue
    assert [i for i, _h in review_queue.story_choices()] == [stories["budget-approved"]]
    kept = review_queue.story_choices(keep=stories["flood-relief"])
    assert {i for i, _h in kept} == set(stories.values())


def test_queue_index_exists(queue):
    from newsdesk.store.models import database_proxy

    names = {row[0] for row in database_proxy.obj.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'review'")}
    assert "review_status_submitted_at_id" in names


def _flags(review_id):
    from newsdesk.store.models import ReviewFlag

    return sorted(f.reason for f in ReviewFlag.select().where(ReviewFlag.review == review_id))


def test_recheck_applies_edited_rules_to_pending_reviews_and_undo_restores(queue):
    _stories, ids = queue
    reviews.decide([ids[5]], "approved")  # decided reviews are left alone
    copy = record("copy", text="Review number 2 with its own words.", author="Someone",
                  submitted="2023-04-01T10:00:00Z")
    reviews.import_records([reviews.ReviewRecord(copy, 1)], source="t")
    copy_id = Review.get(Review.external_id == "copy").id
    assert any(reason.startswith("repeat of") for reason in _flags(copy_id))
    moderation_rules.replace_rules({"banned_words": ["number 1", "number 5"],
                                    "suspect_words": ["number 3"]})
    result = reviews.recheck_pending()
    assert result.checked == 6 and result.group.review_ids == [ids[1]]
    assert statuses(ids) == ["pending", "rejected", "pending", "pending", "pending",
                             "approved"]
    assert _flags(ids[3]) == ["suspect word: number 3"]
    assert _flags(ids[2]) == []  # the original is no repeat of itself
    assert [r for r in _flags(copy_id) if r.startswith("repeat")] == [
        f"repeat of a review on 2023-03-12 under {_flags_headline()}"]
    assert result.summary() == ("checked 6 pending reviews against the rules: "
                                "1 rejected, 2 flagged")
    reviews.undo(result.group)
    assert statuses(ids)[1] == "pending"
    moderation_rules.replace_rules({})
    again = reviews.recheck_pending()
    assert again.group.count == 0 and _flags(ids[3]) == []  # a removed rule's flag goes


def _flags_headline() -> str:
    from newsdesk.store.models import Article

    return f"“{Article.get(Article.slug == 'budget-approved').headline}”"


def test_a_cancelled_recheck_changes_nothing(queue):
    _stories, ids = queue
    moderation_rules.replace_rules({"banned_words": ["review"]})

    def cancel(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        reviews.recheck_pending(progress=cancel)
    assert set(statuses(ids)) == {"pending"}
