"""``newsdesk entities suggest`` through the real command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

DATA = Path(__file__).parents[1] / "data"


def test_suggest_prints_known_and_new_as_json(cli, tmp_path):
    database = str(tmp_path / "news.sqlite3")
    seed = ("from newsdesk.store.db import open_database\n"
            "from newsdesk.people import registry as entities\n"
            f"open_database({database!r}, create=True)\n"
            "entities.create_entity('person', 'Bakhtiyar Hajiyev')\n"
            "entities.create_entity('organisation', 'Caspian Energy Monitoring Network')\n")
    import subprocess
    import sys
    subprocess.run([sys.executable, "-c", seed], check=True, cwd=Path(__file__).parents[2])
    result = cli("entities", "suggest", str(DATA / "pipeline-wire.txt"), "--db", database)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    person = next(s for s in data if s["entity_id"] == 1)
    assert person["kind"] == "person" and person["name"] == "Bakhtiyar Hajiyev"
    assert person["count"] == 4
    assert {"Bakhtiar Hajiyev", "Bakhtiyar Gadzhiev", "Hajiyev's"} <= set(person["spellings"])
    assert person["why"]
    new = {s["name"]: s for s in data if s["entity_id"] is None}
    assert new["Anar Quliyev"]["kind"] == "person"
    assert new["Transparent Tender Union"]["kind"] == "organisation"
    assert not any(name in new for name in ("March", "January", "February", "Later"))
    located = [s for s in data if s.get("relation") == "located"]
    assert [(s["kind"], s["entity_id"] is None) for s in located] == [("place", True)]
    assert located[0]["uri"].startswith("https://sws.geonames.org/")


def test_suggest_reads_markdown_and_empty_registry(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# Talks\n\nOrkhan Rzayev met Orxan Rzaev in Vienna on Monday.\n",
                     encoding="utf-8")
    database = str(tmp_path / "empty.sqlite3")
    shutil.copy(DATA / "pipeline-wire.txt", tmp_path / "wire.txt")
    assert cli("import", str(tmp_path / "wire.txt"), "--db", database).returncode == 0
    result = cli("entities", "suggest", str(story), "--db", database, "--format", "agency")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # Vienna is no person: the shipped gazetteer knows it as a place, with its URI.
    assert [(s["name"], s["kind"], s["count"], s["entity_id"]) for s in data] == [
        ("Vienna", "place", 1, None), ("Orkhan Rzayev", "person", 2, None)]
    assert data[0]["uri"].startswith("https://sws.geonames.org/")
    assert data[1]["spellings"] == ["Orkhan Rzayev", "Orxan Rzaev"]


def test_suggest_missing_file_is_a_one_line_error(cli, tmp_path):
    result = cli("entities", "suggest", str(tmp_path / "nope.txt"), "--db",
                 str(tmp_path / "x.sqlite3"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr
