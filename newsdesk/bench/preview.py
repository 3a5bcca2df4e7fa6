"""The ``preview`` and ``preview-latency`` benchmark figures.

- ``preview``: one preview refresh of a 2,000-word story after an edit (so never from the
  render cache): the editor's fields to the complete page, through the preview's own path
  (``newsdesk.publish.story_page.render_preview_page``, what the preview's worker runs). Floor: a bare Python-Markdown
  render of the same text (a reused ``markdown.Markdown`` with the same extensions), timed
  interleaved with ours in the same run.
- ``preview-latency``: from a keystroke in the editor to the preview page showing it, in
  the real window off-screen (``newsdesk.ui.preview_probe``); no floor.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable

import markdown

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure
from newsdesk.bench.synthetic import paragraph, person_names
from newsdesk.publish.page_items import NewsItem, ReviewItem, Surroundings, TagLink
from newsdesk.publish.render import MARKDOWN_EXTENSIONS
from newsdesk.publish.story_page import render_preview_page

STORY_WORDS = 2000
SEED = 4


def story_body(words: int = STORY_WORDS, seed: int = SEED) -> str:
    """A Markdown story of about ``words`` words, with the markup stories really carry."""
    rng = random.Random(seed)
    people = person_names(rng, 30)
    blocks: list[str] = []
    written = 0
    while written < words:
        size = min(words - written, rng.randint(40, 90))
        text = paragraph(rng, people, size)
        kind = len(blocks) % 9
        if kind == 3:
            text = f'"{text}" said {rng.choice(people)}, the **chairman**.'
        elif kind == 5:
            text = f"> {text}"
        elif kind == 7:
            text = f"See [the report](https://example.org/r/{len(blocks)}) and _{text}_"
        blocks.append(text)
        written += size
    return "\n\n".join(blocks)


def story_fields(body: str) -> dict[str, object]:
    return {"headline": "Parliament debates the 2024 budget in a long session",
            "dateline_place": "Baku", "dateline_date": None, "dateline_source": "Turan",
            "body": body, "footnote": "The budget was first *debated* in October.",
            "desk_code": "03/06D", "language": "en", "byline": "Desk", "section": "economy"}


def story_surroundings() -> Surroundings:
    return Surroundings(
        slug="budget-debate",
        tags=tuple(TagLink(n, f"Person {n}", "person") for n in range(1, 6)),
        reviews=tuple(ReviewItem(f"Reader {n}", f"Review {n} https://example.org/{n}")
                      for n in range(10)),
        news_line=tuple(NewsItem(f"story-{n}", f"Story number {n}") for n in range(10)))


def measure_preview(context: BenchContext, runs: int = 21) -> list[Figure]:
    body = story_body()
    surroundings = story_surroundings()
    converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    ours, floors = [], []
    for run in range(-2, runs):  # two warm-up rounds
        # Each round edits the text, as typing does, so the render cache cannot answer.
        text = f"{body} Edit {run}."
        fields = story_fields(text + " ")
        # Defaults bind this round's values (mypy cannot type such a lambda).
        floor = _timed(lambda text=text: converter.reset().convert(text))  # type: ignore[misc]
        value = _timed(lambda fields=fields: render_preview_page(fields, surroundings))  # type: ignore[misc]
        if run >= 0:
            floors.append(floor)
            ours.append(value)
    return [Figure("preview", statistics.median(ours), statistics.median(floors), "s",
                   len(body.split()))]


def _timed(work: Callable[[], object]) -> float:
    # Collect first, so neither side pays for the other's garbage.
    gc.collect()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure_preview_latency(context: BenchContext) -> list[Figure]:
    from newsdesk.ui.preview_probe import keystroke_latencies

    body = story_body()
    latencies = keystroke_latencies(story_fields(body), runs=15)
    return [Figure("preview-latency", statistics.median(latencies), None, "s",
                   len(body.split()), note=f"max {max(latencies):.3f} s")]
