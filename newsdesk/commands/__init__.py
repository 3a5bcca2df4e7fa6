"""One module per command group; each offers ``register(subparsers)``."""

from newsdesk.commands import (
    database,
    entities,
    export,
    reviews,
    spelling,
    stats,
    stories,
    translations,
)

COMMAND_MODULES = [stories, database, reviews, entities, export, stats, spelling, translations]
