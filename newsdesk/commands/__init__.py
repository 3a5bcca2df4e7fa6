"""One module per command group; each offers ``register(subparsers)``."""

from newsdesk.commands import stories

COMMAND_MODULES = [stories]
