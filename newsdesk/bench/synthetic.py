"""The synthetic newsroom: N stories, entities and reviews, fixed seed, cached on disk.

Built with raw SQL in large transactions (the models' per-row path would take minutes at
100,000 stories); the schema itself comes from the normal migrations, so the benchmarks
measure the real tables and indexes. The full-text index triggers are dropped while loading
and the index is built in one pass at the end (``search_index.rebuild``), which restores them.
"""

from __future__ import annotations

import os
import random
import sqlite3
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from newsdesk.store import search_index
from newsdesk.store.db import open_database
from newsdesk.store.migrations import latest_version
from newsdesk.user_folders import cache_folder

GENERATOR_VERSION = 2  # 2: fills the full-text index
SEED = 20221228
REVIEWS_PER_ARTICLE = 1  # 100,000 stories -> 100,000 reviews

FIRST_NAMES = ["Rauf", "Bakhtiyar", "Leyla", "Arif", "Ilham", "Samira", "Tural", "Nigar",
               "Elchin", "Gulnara", "Vugar", "Aynur", "Rashad", "Sevinj", "Emin", "Khadija",
               "Anar", "Zaur", "Lala", "Farid"]
LAST_NAMES = ["Mammadov", "Hajiyev", "Aliyev", "Heydarov", "Guliyev", "Huseynov", "Ismayilov",
              "Karimov", "Rzayev", "Jafarov", "Hasanov", "Abbasov", "Babayev", "Najafov",
              "Safarov", "Suleymanov", "Valiyev", "Zeynalov", "Orujov", "Bagirov"]
VARIANTS = {"Mammadov": "Mamedov", "Hajiyev": "Gadzhiev", "Aliyev": "Əliyev",
            "Heydarov": "Heydərov", "Guliyev": "Quliyev", "Huseynov": "Guseynov"}
ORG_WORDS = ["Ministry of", "Union of", "Council of", "Party of", "Agency for", "Court of",
             "Network for", "Service of"]
ORG_TOPICS = ["Economy", "Journalists", "Justice", "Energy", "Ecology", "Reform", "Culture",
              "Transport", "Education", "Health", "Defence", "Youth"]
PLACES = ["Baku", "Ganja", "Sumgait", "Lankaran", "Shaki", "Nakhchivan", "Mingachevir",
          "Quba", "Shusha", "Tbilisi", "Moscow"]
SOURCES = ["Turan", "APA", "Interfax"]
SECTIONS = ["politics", "economy", "society", "region"]
STATUSES = ["draft"] * 10 + ["edited"] * 8 + ["ready"] * 12 + ["published"] * 65 + ["killed"] * 5
WORDS = ("parliament government minister said opposition court hearing journalists union "
         "budget gas export pipeline election municipal council protest police released "
         "detained statement press freedom reform law amendment session deputy chairman "
         "ministry decision appeal constitutional economy inflation bank licence flood relief "
         "region village road construction negotiations peace talks delegation agreement "
         "international observers report criticism support opposition party leader interview "
         "television newspaper editor arrest trial sentence prison human rights activists "
         "the a of and in on for with to by from at that which was were has have will would "
         "after before during since despite against between among about over under").split()


def bench_folder() -> Path:
    """Where the benchmarks keep the databases they build (made if missing)."""
    folder = cache_folder("bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_path(articles: int) -> Path:
    return bench_folder() / f"synthetic-{articles}-g{GENERATOR_VERSION}-s{latest_version()}.sqlite3"


def synthetic_database(articles: int, *, rebuild: bool = False) -> Path:
    """The path of a cached synthetic database with ``articles`` stories (built if needed)."""
    path = cache_path(articles)
    if path.exists() and not rebuild:
        return path
    # Each builder its own partial file: two benchmarks started at once on a fresh cache
    # once built into one file, and one renamed it from under the other.
    partial = path.with_name(f"{path.stem}.partial-{os.getpid()}")
    for leftover in path.parent.glob(f"{path.stem}.partial*"):
        if not _being_built(leftover):
            leftover.unlink(missing_ok=True)
    opened = open_database(str(partial), create=True)
    opened.close()
    connection = sqlite3.connect(partial)
    try:
        with connection:
            fill(connection, articles, random.Random(SEED))
    finally:
        # Close (checkpointing the WAL into the file) before renaming: a WAL left behind
        # under the old name is lost, and this process's next open fails with "disk I/O".
        connection.close()
    partial.replace(path)  # whole either way if another builder finished first
    return path


def _being_built(partial: Path) -> bool:
    """Whether a live process is building ``partial`` (or its -wal/-shm)."""
    owner = partial.name.rpartition(".partial-")[2].split("-")[0]
    if not owner.isdigit():
        return False
    try:
        os.kill(int(owner), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def person_names(rng: random.Random, count: int) -> list[str]:
    return [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(count)]


def paragraph(rng: random.Random, people: list[str], words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    for _ in range(max(1, words // 60)):
        name = rng.choice(people)
        last = name.split()[-1]
        if last in VARIANTS and rng.random() < 0.3:
            name = name.replace(last, VARIANTS[last])
        chosen.insert(rng.randrange(len(chosen)), name)
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def story_body(rng: random.Random, people: list[str]) -> str:
    words = int(rng.lognormvariate(5.7, 0.45))  # median ~300 words, a long tail
    paragraphs = []
    while words > 0:
        size = min(words, rng.randint(35, 90))
        paragraphs.append(paragraph(rng, people, size))
        words -= size
    return "\n\n".join(paragraphs)


def fill(connection: sqlite3.Connection, count: int, rng: random.Random) -> None:
    # Row-by-row index triggers would double the time: load plainly, then index in one go.
    search_index.drop_triggers(connection)
    people = person_names(rng, 400)
    _fill_entities(connection, rng)
    start = datetime(2015, 1, 1)
    rows = []
    for index in range(count):
        created = start + timedelta(minutes=index * 40 + rng.randint(0, 30))
        updated = created + timedelta(minutes=rng.randint(5, 600))
        status = rng.choice(STATUSES)
        body = story_body(rng, people)
        headline = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize()
        rows.append((
            str(uuid.UUID(int=rng.getrandbits(128))), f"story-{index + 1}", headline,
            rng.choice(PLACES), created.date().isoformat(), rng.choice(SOURCES), body,
            paragraph(rng, people, rng.randint(15, 40)) if rng.random() < 0.4 else "",
            f"{rng.randint(1, 12):02d}/{rng.randint(1, 30):02d}{rng.choice('ABCDK')}",
            rng.choice(people), rng.choice(SECTIONS), rng.choice(["en", "en", "az", "ru"]),
            rng.randint(1, 9), status, str(created), str(updated),
            str(updated) if status in ("published", "killed") else None, 1,
        ))
        if len(rows) == 2000:
            _insert_articles(connection, rows)
            rows = []
    if rows:
        _insert_articles(connection, rows)
    _fill_reviews(connection, count, rng)
    search_index.rebuild(connection)
    connection.commit()


def _insert_articles(connection: sqlite3.Connection, rows: list[tuple]) -> None:
    connection.executemany(
        "INSERT INTO article (uuid, slug, headline, dateline_place, dateline_date, "
        "dateline_source, body, footnote, desk_code, byline, section, language, urgency, "
        "status, created_at, updated_at, published_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _fill_entities(connection: sqlite3.Connection, rng: random.Random, count: int = 2000) -> None:
    for index in range(count):
        if index % 3:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {index}"
            kind = "person"
        else:
            name = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_TOPICS)} {index}"
            kind = "organisation"
        cursor = connection.execute(
            "INSERT INTO entity (kind, name, normalized, description, created_at) "
            "VALUES (?, ?, ?, '', ?)", (kind, name, name.lower(), str(datetime(2015, 1, 1))))
        connection.execute("INSERT INTO alias (entity_id, name, normalized) VALUES (?, ?, ?)",
                           (cursor.lastrowid, name + " alt", name.lower() + " alt"))


def _fill_reviews(connection: sqlite3.Connection, count: int, rng: random.Random) -> None:
    rows = []
    for index in range(count * REVIEWS_PER_ARTICLE):
        article_id = rng.randint(1, count)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 80)))
        submitted = datetime(2016, 1, 1) + timedelta(minutes=index * 5)
        rows.append((f"syn-{index + 1}", article_id, f"Reader {rng.randint(1, 5000)}",
                     f"reader{rng.randint(1, 5000)}@example.org", text,
                     f"h{index}", rng.choice([None, 1, 2, 3, 4, 5]), str(submitted),
                     str(submitted), rng.choice(["pending"] * 3 + ["approved", "rejected"])))
        if len(rows) == 5000:
            _insert_reviews(connection, rows)
            rows = []
    if rows:
        _insert_reviews(connection, rows)


def _insert_reviews(connection: sqlite3.Connection, rows: list[tuple]) -> None:
    connection.executemany(
        "INSERT INTO review (external_id, article_id, author, email, text, text_hash, rating, "
        "submitted_at, imported_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
