"""A command imports only what it runs: scripts call ``newsdesk`` hundreds of times, and
importing every command's module (renderer, importers, templates) cost each call about a
second on a loaded machine."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

from newsdesk.cli import build_parser
from newsdesk.commands import COMMANDS, MODULE_NAMES, command_modules
from tests.conftest import REPO_ROOT

# Runs the CLI in a fresh interpreter, then says which heavy modules it had imported.
PROBE = """
import sys
from newsdesk.cli import main
code = main(sys.argv[1:])
heavy = [m for m in ("markdown", "jinja2", "yaml", "newsdesk.publish.render",
                     "newsdesk.formats.importer", "newsdesk.commands.export") if m in sys.modules]
print(code, ",".join(heavy))
"""


def test_deciding_a_review_imports_no_renderer_or_importer(tmp_path):
    database = tmp_path / "news.sqlite3"
    subprocess.run([sys.executable, "-m", "newsdesk", "import",
                    str(REPO_ROOT / "tests" / "data" / "budget.txt"), "--db", str(database)],
                   check=True, capture_output=True, cwd=REPO_ROOT)
    # Unknown id: the command ran to the database and back (exit 1, one line).
    result = subprocess.run([sys.executable, "-c", PROBE, "--db", str(database), "reviews",
                             "decide", "approve", "999"], capture_output=True, text=True,
                            cwd=REPO_ROOT)
    assert result.stdout == "1 \n", result.stdout + result.stderr
    assert result.stderr.endswith("no review with id 999\n")


def test_each_command_is_registered_by_the_module_named_for_it():
    for name in MODULE_NAMES:
        parser = argparse.ArgumentParser()
        commands = parser.add_subparsers(dest="command")
        importlib.import_module(f"newsdesk.commands.{name}").register(commands)
        assert set(commands.choices) == {c for c, m in COMMANDS.items() if m == name}
    assert [m.__name__ for m in command_modules()] == [
        f"newsdesk.commands.{name}" for name in MODULE_NAMES]


def test_an_option_value_that_names_a_command_is_not_taken_for_it(tmp_path):
    # "--db list" is a database called "list", and the command is "stats".
    parser = build_parser(["--db", "list", "stats"])
    args = parser.parse_args(["--db", "list", "stats"])
    assert args.command == "stats" and args.db == "list"
