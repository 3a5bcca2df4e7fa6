"""``newsdesk spell`` through the real command line, in the three newsroom languages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[2]


def story(tmp_path: Path, language: str, headline: str, body: str) -> Path:
    path = tmp_path / f"story-{language}.md"
    path.write_text(f"---\ntitle: {headline}\nlanguage: {language}\n---\n{body}\n",
                    encoding="utf-8")
    return path


def seeded(tmp_path: Path) -> str:
    database = str(tmp_path / "news.sqlite3")
    seed = ("import datetime\n"
            "from newsdesk.store.db import open_database\n"
            "from newsdesk.people import registry as entities\n"
            "from newsdesk.stories import articles\n"
            f"open_database({database!r}, create=True)\n"
            "entities.create_entity('person', 'Bakhtiyar Hajiyev')\n"
            "articles.create_article({'headline': 'Milli Məclis büdcəni qəbul etdi', "
            "'body': 'Deputatlar büdcəni qəbul etdilər.', 'language': 'az', "
            "'status': 'published', 'dateline_place': 'Bakı', "
            "'dateline_date': datetime.date(2023, 3, 14), 'dateline_source': 'Turan'})\n")
    subprocess.run([sys.executable, "-c", seed], check=True, cwd=REPO)
    return database


def test_english_words_with_line_column_and_suggestions(cli, tmp_path):
    path = story(tmp_path, "en", "Parliment adopts the budget",
                 "Bakhtiar Hajiyev's lawyer said the parliment met. See https://x.org/parliment")
    result = cli("spell", str(path), "--db", seeded(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{path}:2:8: Parliment -> Parliament"
    assert lines[1].startswith(f"{path}:5:") and "parliment -> parliament" in lines[1]
    assert lines[-1] == "2 unknown words"


def test_json_russian_and_the_language_flag(cli, tmp_path):
    path = story(tmp_path, "ru", "Парламент принял бюджет",
                 "Парламент Азербайджана принял бюджат, заявил адвокат.")
    result = cli("spell", str(path), "--json", "--db", seeded(tmp_path))
    assert result.returncode == 0, result.stderr
    [entry] = json.loads(result.stdout)
    assert entry["word"] == "бюджат" and entry["line"] == 5 and entry["column"] == 31
    assert "бюджет" in entry["suggestions"] and len(entry["suggestions"]) <= 5
    checked_as_english = cli("spell", str(path), "--json", "--language", "en",
                             "--db", str(tmp_path / "news.sqlite3"))
    assert len(json.loads(checked_as_english.stdout)) > 3


def test_azerbaijani_from_the_archive_with_near_letters(cli, tmp_path):
    path = story(tmp_path, "az", "Büdcə", "Deputatlar budceni qebul etdilər.")
    result = cli("spell", str(path), "--json", "--db", seeded(tmp_path))
    assert result.returncode == 0, result.stderr
    found = {e["word"]: e["suggestions"] for e in json.loads(result.stdout)}
    assert found["budceni"][0] == "büdcəni" and found["qebul"][0] == "qəbul"
    assert "Deputatlar" not in found and "etdilər" not in found


def test_without_a_database_the_shipped_dictionaries_still_check(cli, tmp_path):
    path = story(tmp_path, "en", "Talks", "The budjet talks ended.")
    result = cli("spell", str(path), env={"NEWSDESK_DB": str(tmp_path / "none.sqlite3")})
    assert result.returncode == 0, result.stderr
    assert "budjet -> budget" in result.stdout
    assert not (tmp_path / "none.sqlite3").exists()
    missing = cli("spell", str(tmp_path / "nope.md"))
    assert missing.returncode == 1 and "nope.md" in missing.stderr
