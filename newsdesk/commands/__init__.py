"""One module per command group; each offers ``register(subparsers)``.

A run imports only the module of the command it runs (``command_modules``): importing
them all pulls in the renderer, the importers and the templates, about a second that every
script calling ``newsdesk reviews decide`` in a loop would pay on each call.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# The modules in the order ``newsdesk --help`` lists their commands.
MODULE_NAMES = ("stories", "database", "reviews", "entities", "export", "pictures", "stats",
                "spelling", "translations", "sync")
# Command name -> the module that registers it.
COMMANDS = {"import": "stories", "list": "stories", "show": "stories", "db": "database",
            "reviews": "reviews", "entities": "entities", "export": "export",
            "stats": "stats", "pictures": "pictures", "spell": "spelling", "translations": "translations",
            "sync": "sync"}


def command_modules(command: str | None = None) -> list[ModuleType]:
    """The module registering ``command``; every module when none (or an unknown one)
    is named, so help and "invalid choice" list them all."""
    names = [COMMANDS[command]] if command in COMMANDS else MODULE_NAMES
    return [importlib.import_module(f"newsdesk.commands.{name}") for name in names]
