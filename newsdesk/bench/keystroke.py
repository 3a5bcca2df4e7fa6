"""The ``keystroke`` figure: the longest GUI-thread busy time per keystroke while typing a
burst of 200 keys into a 2,000-word story with autosave on, against a bare QPlainTextEdit.

The editor is measured in the real window (highlighting, counts, recovery journal, autosave
with its version check, and everything listening: the live preview, the tag panel, the
story list, the status bar), since all of it shares the one GUI thread.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure
from newsdesk.bench.synthetic import paragraph, person_names

KEYSTROKES = 200
STORY_WORDS = 2000


def long_story(words: int = STORY_WORDS, seed: int = 2000) -> str:
    rng = random.Random(seed)
    people = person_names(rng, 40)
    paragraphs = []
    while words > 0:
        size = min(words, rng.randint(35, 90))
        paragraphs.append(paragraph(rng, people, size))
        words -= size
    return "## Background\n\n" + "\n\n".join(paragraphs)


def measure_keystroke(context: BenchContext) -> list[Figure]:
    from newsdesk.ui.app import create_application, prepare_environment

    prepare_environment(offscreen=True)
    create_application()
    from newsdesk.ui.bench_keystroke import measure

    with tempfile.TemporaryDirectory(prefix="newsdesk-keystroke-") as folder:
        editor, floor = measure(long_story(), Path(folder), keystrokes=KEYSTROKES)
    note = f"median {editor.median * 1000:.2f} ms vs {floor.median * 1000:.2f} ms"
    return [Figure("keystroke", editor.longest, floor.longest, "s", KEYSTROKES, note)]
