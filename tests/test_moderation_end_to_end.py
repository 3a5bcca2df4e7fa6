"""Moderator's story, end to end: import reviews in the window, clear them from the keyboard,
and only the approved ones appear under the story on its published page.

The preview pane (issue 4) has not landed on main yet, so the story is checked through the
publishing page function the preview and the site export share (``render_story_page``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from newsdesk.publish.page import SITE_LINKS, render_story_page
from newsdesk.publish.story_page import story_page_for
from newsdesk.store.models import Article, Review
from tests.review_helpers import record, write_json

SLUG = "gas-exports-to-europe-rise-by-a-fifth"  # a sample story without reviews


def test_import_moderate_and_only_approved_reviews_are_published(main_window, qtbot,
                                                                   tmp_path):
    panel = main_window.moderation
    path = write_json(tmp_path / "gas.json", [
        record("g1", article=SLUG, author="Aysel", text="Good to see real numbers here.",
               submitted="2024-05-01T10:00:00Z"),
        record("g2", article=SLUG, author="<i>Mallory</i>",
               text="<script>alert('x')</script> see http://evil.example/a",
               submitted="2024-05-01T11:00:00Z"),
        record("g3", article=SLUG, author="Bot", text="Cheap gas, buy now!",
               submitted="2024-05-01T12:00:00Z"),
        record("g4", article=SLUG, author="Farid",
               text="Will the pipeline \u202eexpand\u202c next year?",
               submitted="2024-05-01T13:00:00Z"),
    ])
    with qtbot.waitSignal(panel.import_finished, timeout=30_000) as blocker:
        panel.import_file(path)
    assert blocker.args[0] is True, blocker.args

    main_window.show_mode("moderation")
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    story = Article.get(Article.slug == SLUG)
    panel.story_filter.setCurrentIndex(panel.story_filter.findData(story.id))
    assert panel.tabs.tabText(0) == "Pending (4)"
    panel.view.setFocus()
    for letter in ("A", "R", "S", "A"):  # g1 approve, g2 reject, g3 spam, g4 approve
        qtbot.keyClick(panel.view, getattr(Qt.Key, f"Key_{letter}"))
    assert {r.external_id: r.status for r in Review.select().where(Review.article == story)} \
        == {"g1": "approved", "g2": "rejected", "g3": "spam", "g4": "approved"}

    html = render_story_page(story_page_for(story), links=SITE_LINKS)
    assert "Good to see real numbers here." in html
    assert "Will the pipeline" in html
    for absent in ("Mallory", "alert(", "evil.example", "Cheap gas"):
        assert absent not in html

    # Undo the last approval: the review leaves the page again.
    qtbot.keyClick(panel.view, Qt.Key.Key_Z)
    html = render_story_page(story_page_for(story), links=SITE_LINKS)
    assert "Will the pipeline" not in html and "Good to see real numbers" in html
