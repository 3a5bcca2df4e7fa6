"""The keystroke benchmark runs and types through the real editor (speed is not asserted)."""

from __future__ import annotations

from newsdesk.bench.keystroke import long_story
from newsdesk.stories.textstats import word_count


def test_long_story_has_two_thousand_words():
    assert 1990 <= word_count(long_story()) <= 2100
    assert long_story() == long_story()  # fixed seed


def test_keystroke_burst_is_typed_and_autosaved(qtbot, tmp_path):
    from newsdesk.ui.bench_keystroke import measure

    editor, floor = measure(long_story(300), tmp_path, keystrokes=12, pace_s=0, rounds=1,
                            pause_s=1.1)
    assert len(editor.times) == len(floor.times) == 12
    assert editor.longest >= editor.median > 0
