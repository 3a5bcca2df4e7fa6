"""One module per command group; each offers ``register(subparsers)``.

Only the module of the command being run is imported: together they pull in every area of
the product (import formats, export, moderation rules), about half of the window's start.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

# Command name -> the module (in this package) that registers it, in ``--help`` order.
COMMANDS = {
    "import": "stories", "list": "stories", "show": "stories",
    "db": "database",
    "reviews": "reviews",
    "entities": "entities",
    "export": "export",
    "stats": "stats",
}


def command_module(name: str) -> ModuleType:
    """The module that registers and runs the command ``name``."""
    return import_module(f"newsdesk.commands.{COMMANDS[name]}")


def all_command_modules() -> list[ModuleType]:
    """Every command module, each once, in ``--help`` order."""
    return [import_module(f"newsdesk.commands.{module}")
            for module in dict.fromkeys(COMMANDS.values())]
