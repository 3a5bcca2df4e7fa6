"""The search behaviours of test_search, run again on PostgreSQL's backend."""

from __future__ import annotations

import pytest

from tests.search import test_search as on_sqlite

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):
    """Every test below uses this database instead of a SQLite file."""
    return pg_db


newsroom = on_sqlite.newsroom

SHARED_TESTS = (
    "test_words_are_anded_and_ranked_with_headline_first",
    "test_diacritics_and_azerbaijani_letters_fold_both_ways",
    "test_cyrillic_stays_searchable",
    "test_every_hand_folded_letter_matches_both_ways",
    "test_phrases_and_prefixes",
    "test_schwa_typed_as_e_or_as_a_finds_the_story",
    "test_a_word_with_many_e_letters_stays_searchable",
    "test_desk_code_and_footnote_are_searched",
    "test_syntax_characters_never_raise",
    "test_syntax_characters_are_treated_as_words",
    "test_empty_search_shows_the_filtered_list",
    "test_filters_combine_with_search",
    "test_story_is_found_by_any_name_of_a_tagged_entity",
    "test_snippets_highlight_matches_in_the_original_text",
    "test_snippet_html_escapes_story_text",
    "test_keyset_pages_cover_every_story_once_in_any_sort",
    "test_status_counts_follow_filters_and_search",
    "test_a_list_page_reads_its_groups_languages_in_one_query",
)
for _name in SHARED_TESTS:
    globals()[_name] = getattr(on_sqlite, _name)


def test_backend_is_postgres(db):
    from newsdesk import search
    from newsdesk.search.postgres import PostgresSearch

    assert isinstance(search.backend(), PostgresSearch)
