"""Moderator's story, end to end: import reviews in the window, clear them from the keyboard,
and only the approved ones appear under the story in the preview (and so on the site,
which renders the same page)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from newsdesk.publish.page import SITE_LINKS, render_story_page
from newsdesk.publish.story_page import story_page_for
from newsdesk.store.models import Article, Review
from tests.review_helpers import record, write_json

SLUG = "gas-exports-to-europe-rise-by-a-fifth"  # a sample story without reviews
WAIT = 30_000


def preview_text(qtbot, preview, selector: str) -> str:
    box: list[str] = []
    preview.page.runJavaScript(
        f"JSON.stringify(Array.from(document.querySelectorAll({selector!r}))"
        ".map(function (e) { return e.textContent.trim(); }))", 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT)
    return "\n".join(json.loads(box[0]))


def show_story_in_preview(main_window, qtbot, story: Article) -> str:
    desk = main_window.desk
    main_window.show_mode("desk")
    if desk.editor.article_id != story.id:
        desk.open_article(story.id)
    qtbot.waitUntil(lambda: desk.preview.shows_body(desk.editor.body.toPlainText()),
                    timeout=WAIT)
    return preview_text(qtbot, desk.preview, ".reviews .review")


def test_import_moderate_and_only_approved_reviews_are_in_the_preview(main_window, qtbot,
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
               text="Will the pipeline \u202eexpand\u202c next year? <b>Really</b>",
               submitted="2024-05-01T13:00:00Z"),
    ])
    main_window.show_mode("moderation")
    with qtbot.waitSignal(panel.import_finished, timeout=WAIT) as blocker:
        panel.import_file(path)
    assert blocker.args[0] is True, blocker.args

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

    shown = show_story_in_preview(main_window, qtbot, story)
    assert "Good to see real numbers here." in shown
    assert "Will the pipeline expand next year? <b>Really</b>" in shown  # as text, no RLO
    for absent in ("Mallory", "alert(", "evil.example", "Cheap gas"):
        assert absent not in shown
    html = render_story_page(story_page_for(story), links=SITE_LINKS)  # the site's page
    assert "Good to see real numbers" in html and "Cheap gas" not in html

    # Undo the last approval in Moderation: back in the Desk the review is gone.
    main_window.show_mode("moderation")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z)
    assert Review.get(Review.external_id == "g4").status == "pending"
    shown = show_story_in_preview(main_window, qtbot, story)
    qtbot.waitUntil(lambda: "Will the pipeline" not in preview_text(
        qtbot, main_window.desk.preview, ".reviews .review"), timeout=WAIT)
    assert "Good to see real numbers" in preview_text(qtbot, main_window.desk.preview,
                                                      ".reviews .review")
