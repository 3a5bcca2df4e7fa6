"""The preview figures run and report in the bench's shape (speed itself is not tested)."""

from __future__ import annotations

from newsdesk.bench.context import BenchContext
from newsdesk.bench.preview import measure_preview, story_body


def test_preview_figure_measures_a_2000_word_story():
    assert 1900 <= len(story_body().split()) <= 2200
    [figure] = measure_preview(BenchContext(articles=10), runs=1)
    assert figure.figure == "preview" and figure.unit == "s"
    assert figure.value > 0 and figure.floor and figure.floor > 0
    assert figure.n and figure.n >= 1900


def test_latency_probe_types_into_the_real_window(qapp):
    from newsdesk.bench.preview import story_fields
    from newsdesk.ui.preview_probe import keystroke_latencies

    latencies = keystroke_latencies(story_fields("A short story.\n\nTwo paragraphs."), runs=2)
    assert len(latencies) == 2 and all(value > 0 for value in latencies)
