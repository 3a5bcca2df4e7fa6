"""peewee imported without psycopg2 (the window's start) gets the driver when a PostgreSQL
database is opened, the same as its own import would have given it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types

import pytest

from tests.conftest import REPO_ROOT, run_cli

# What peewee's import sets from psycopg2, as text to compare between two interpreters.
DESCRIBE = """
import json, sys, uuid
import peewee
from psycopg2.extensions import ISQLQuote, adapters
a = peewee.Psycopg2Adapter
print(json.dumps({
    "psycopg2": peewee.psycopg2.__name__,
    "extensions": peewee.pg_extensions.__name__,
    "register_uuid": peewee.pg_register_uuid.__module__ + "." + peewee.pg_register_uuid.__name__,
    "json": peewee.Json_pg2.__module__ + "." + peewee.Json_pg2.__name__,
    "txn": [a.txn_idle, a.txn_inerror, a.txn_unknown],
    "uuid_adapted": (uuid.UUID, ISQLQuote) in adapters,
    "adapter": type(peewee.PostgresqlDatabase(None)._adapter).__name__,
}))
"""

WITHOUT_DRIVER = """
import sys
import types
from newsdesk.store.pg_driver import import_peewee_without_driver, load_driver
import_peewee_without_driver()
import peewee
assert peewee.psycopg2 is None, "peewee got psycopg2 at its import"
assert not {"psycopg2", "ssl"} & set(sys.modules), sorted({"psycopg2", "ssl"} & set(sys.modules))
load_driver()
"""


def _python(code: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                            text=True, env=env, timeout=120, cwd=str(REPO_ROOT))
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_driver_loaded_later_is_the_one_peewee_would_have_imported():
    ordinary = json.loads(_python(DESCRIBE))
    assert ordinary["psycopg2"] == "psycopg2" and ordinary["uuid_adapted"]
    assert json.loads(_python(WITHOUT_DRIVER + DESCRIBE)) == ordinary


def test_an_ordinary_peewee_import_is_left_alone():
    out = _python("import sys, peewee\n"
                  "from newsdesk.store.pg_driver import import_peewee_without_driver, "
                  "load_driver\n"
                  "driver = peewee.psycopg2\n"
                  "import_peewee_without_driver(); load_driver()\n"
                  "print(driver is not None and peewee.psycopg2 is driver)\n")
    assert out.strip() == "True"




@pytest.mark.postgres
def test_a_postgres_database_opens_and_stores_after_peewee_came_without_driver(pg_url):
    out = _python(WITHOUT_DRIVER.replace("load_driver()\n", "") + """
from newsdesk.store.db import open_database
from newsdesk.stories import articles
opened = open_database(sys.argv[1])
article = articles.create_article({"headline": "Bakı", "body": "Mətn"})
saved = articles.save_article(article.id, {"body": "Yeni"}, expected_version=1)
print(type(opened.database._adapter).__name__, saved.body)
opened.close()
""", pg_url)
    assert out.split() == ["Psycopg2Adapter", "Yeni"]


@pytest.mark.postgres
def test_the_window_opens_on_a_team_server(pg_url, tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = run_cli("--db", pg_url, "--bench-exit-when-shown", env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "shown"


def test_a_peewee_whose_driver_import_is_unknown_is_imported_the_ordinary_way():
    """Another peewee (its driver set up differently) gets psycopg2 at its own import: the
    start then pays for the driver but team mode works."""
    script = """
import sys, types
from newsdesk.store import pg_driver
pg_driver._known_driver_import = lambda peewee: False  # as with a peewee of another shape
pg_driver.import_peewee_without_driver()
import peewee
assert peewee.psycopg2 is not None and "psycopg2" in sys.modules
print("ordinary")
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ordinary"


def test_the_installed_peewee_is_one_whose_driver_import_is_known():
    import peewee

    from newsdesk.store.pg_driver import _known_driver_import

    assert _known_driver_import(peewee)
    assert not _known_driver_import(types.SimpleNamespace(__version__="3.17.0"))
