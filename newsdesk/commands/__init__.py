"""One module per command group; each offers ``register(subparsers)``."""

from newsdesk.commands import database, entities, export, pictures, reviews, stats, stories

COMMAND_MODULES = [stories, database, reviews, entities, pictures, export, stats]
