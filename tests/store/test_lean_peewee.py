"""peewee imported for the window's start (store/lean_peewee.py) comes without five
standard modules, and works as its ordinary import does once it needs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO_ROOT, unmeasured

# What peewee does with the five modules it reads only inside functions, as text to
# compare between two interpreters.
DESCRIBE = """
import datetime, json, sys
import peewee
utc = datetime.timezone.utc
described = {
    "uuid": peewee.UUIDField().db_value("12345678-1234-5678-1234-567812345678"),
    "socket": [peewee.IPField().db_value("10.0.0.1"), peewee.IPField().python_value(167772161)],
    "calendar": peewee.TimestampField(utc=True).get_timestamp(
        datetime.datetime(2022, 12, 28, 9, 30, tzinfo=utc)),
    "hashlib": peewee._truncate_constraint_name("article_" + "headline_" * 9),
    "json": [peewee.JSONField()._dumps({"a": [1, 2]}),
             peewee._sqlite_json_contains('{"a": [1, 2]}', '{"a": [1]}')],
    "savepoint": peewee.SqliteDatabase(":memory:").savepoint().sid.startswith("s"),
}
# peewee now holds the real modules, the very ones any other import gets.
assert all(getattr(peewee, name) is sys.modules[name]
           for name in ("uuid", "socket", "calendar", "hashlib", "json"))
print(json.dumps(described))
"""

LEAN = """
import sys
from newsdesk.store.lean_peewee import DEFERRED_MODULES, import_peewee_for_window
import_peewee_for_window()
import peewee
assert peewee.psycopg2 is None
imported = sorted(set(DEFERRED_MODULES) & set(sys.modules))
assert not imported, imported
"""


def _python(code: str) -> str:
    # Unmeasured: coverage would import json, hashlib and the like before peewee.
    env = unmeasured(dict(
        os.environ, PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120, cwd=str(REPO_ROOT))
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_peewee_works_with_the_modules_it_was_imported_without():
    ordinary = json.loads(_python(DESCRIBE))
    assert ordinary["socket"] == [167772161, "10.0.0.1"]
    assert ordinary["calendar"] == 1672219800
    assert len(ordinary["hashlib"]) == 64
    assert ordinary["json"] == ['{"a": [1, 2]}', 1]
    assert json.loads(_python(LEAN + DESCRIBE)) == ordinary


def test_a_module_read_while_peewee_is_imported_is_the_real_one():
    """A stand-in read before peewee's import is over (another peewee, or a module it
    imports, reading one at its import) leaves the real module in ``sys.modules``."""
    out = _python("""
import sys
from newsdesk.store.lean_peewee import _StandIn
stand_in = _StandIn("calendar")
sys.modules["calendar"] = stand_in
timegm = stand_in.timegm
import calendar
assert calendar is not stand_in and sys.modules["calendar"] is calendar
assert timegm is calendar.timegm and stand_in.isleap is calendar.isleap
print("real")
""")
    assert out.strip() == "real"


def test_an_ordinary_peewee_import_is_left_alone():
    out = _python("import sys, peewee, uuid\n"
                  "from newsdesk.store.lean_peewee import import_peewee_for_window\n"
                  "import_peewee_for_window()\n"
                  "print(peewee.uuid is uuid is sys.modules['uuid'])\n")
    assert out.strip() == "True"
