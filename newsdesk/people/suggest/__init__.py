"""Tag suggestions (being split by concern: the whole suggester is in ``candidates`` for
one commit so that history follows the file)."""

from newsdesk.people.suggest.candidates import (  # noqa: F401
    Mention,
    RegistryIndex,
    Suggestion,
    build_index,
    clear_word_caches,
    forget_index,
    mentions,
    registry_index,
    story_parts,
    suggest,
    variant_key,
)
