"""Shared helpers for the publishing tests: schema validators, story snapshots and render
times."""

from __future__ import annotations

import json
import time
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

STANDARDS = Path(__file__).parent / "data" / "standards"
NINJS_EXAMPLES = STANDARDS / "ninjs" / "examples"


@cache
def ninjs_validator(version: str) -> Draft202012Validator:
    """The official IPTC schema, with GeoJSON registered under the URL the schema uses."""
    schema = json.loads((STANDARDS / "ninjs" / f"ninjs-schema_{version}.json").read_text())
    geojson = json.loads((STANDARDS / "geojson" / "GeoJSON.json").read_text())
    registry = Registry().with_resource("https://geojson.org/schema/GeoJSON.json",
                                        Resource.from_contents(geojson))
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def schema_errors(item: dict, version: str) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}"
            for e in ninjs_validator(version).iter_errors(item)]


def story_snapshot() -> dict[str, dict]:
    """Every exported field of every live story, by slug (for round-trip comparisons)."""
    from newsdesk.publish.stories import load_stories

    snapshot = {}
    for story in load_stories(()):
        snapshot[story.slug] = {
            "uuid": story.uuid, "headline": story.headline, "body": story.body,
            "footnote": story.footnote, "desk_code": story.desk_code,
            "byline": story.byline, "language": story.language, "urgency": story.urgency,
            "status": story.status, "dateline": story.dateline.printed(),
            "created_at": story.created_at.replace(microsecond=0),
            "tags": sorted((t.kind, t.name, t.relation) for t in story.tags),
            "translation_group": story.translation_group,
            "translations": [(t.uuid, t.language) for t in story.translations],
        }
    return snapshot


def render_cpu_seconds(body: str, tries: int = 1) -> float:
    """This process's CPU time for the best of `tries` renders. Coverage and a slow machine
    slow every render alike, so tests compare renders with renders, never with seconds."""
    from newsdesk.publish.render import render_uncached

    best = float("inf")
    for _ in range(tries):
        started = time.process_time()
        render_uncached(body)
        best = min(best, time.process_time() - started)
    return best
