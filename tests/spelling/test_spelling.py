"""Spelling through the service layer: the dictionaries per language, what is never checked,
the registry's names in their inflections, the newsroom's dictionary and the archive."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.people import registry as entities
from newsdesk.spelling.archive import refresh
from newsdesk.spelling.newsroom import add_word
from newsdesk.spelling.speller import speller_for
from newsdesk.spelling.words import line_and_column, words_to_check
from newsdesk.stories import articles

DATELINE = {"dateline_place": "Bakı", "dateline_date": date(2023, 3, 14),
            "dateline_source": "Turan"}


def unknown(language: str, text: str) -> list[str]:
    return [u.word for u in speller_for(language).check(text)]


def test_markdown_urls_mail_numbers_and_desk_codes_are_not_words():
    text = ("See [the site](https://exampel.org/qwzx) or <https://qwzx.az>, mail qwzx@mial.az, "
            "code `qwzx_fn` -03/06D- 2023 3rd NATO and\n\n```\nqwzx fenced\n```\n"
            "[qwzx]: http://ref.qwzx\nend")
    assert [w.text for w in words_to_check(text)] == [
        "See", "the", "site", "or", "mail", "code", "and", "end"]


def test_line_and_column_are_counted_from_one():
    assert line_and_column("ab\ncd ef", 6) == (2, 4)


def test_english_flags_misspellings_and_suggests_the_word(db):
    speller = speller_for("en")
    assert [u.word for u in speller.check("The parliment adopted the budjet.")] == [
        "parliment", "budjet"]
    assert speller.suggestions("parliment")[0] == "parliament"
    assert speller.suggestions("Budjet")[0] == "Budget"  # written as typed
    assert unknown("en", "A well-known ceasefire held.") == []
    # British spellings, as agencies write them, beside the list's American ones.
    assert unknown("en", "The neighbouring centre organised a programme; fibre, "
                         "travelled, defence, labour.") == []


def test_russian_knows_every_inflection(db):
    assert unknown("ru", "Парламент Азербайджана принял бюджат, заявил адвокат.") == ["бюджат"]
    assert "бюджет" in speller_for("ru").suggestions("бюджат")


def test_registry_names_in_any_inflection_are_known(db):
    entities.create_entity("person", "Bakhtiyar Hajiyev", aliases=["Бахтияр Гаджиев"])
    entities.create_entity("person", "Sevinj Heydarov")
    text = ("Hajiyev's lawyer met Bakhtiar Gadzhiev; Heydarova spoke. "
            "Гаджиева и Гаджиеву видели.")
    assert unknown("en", text.split(" Гаджиева")[0]) == []
    assert unknown("ru", "Гаджиева и Гаджиеву видели.") == []
    # Only capitalised words are taken for names: a lower-case slip is still a slip.
    assert unknown("en", "the hajiyevs") == ["hajiyevs"]


def test_the_newsroom_dictionary_clears_a_word_for_everyone(db):
    assert unknown("en", "Qarabagh talks") == ["Qarabagh"]
    assert add_word("Qarabagh", added_by="nigar") is True
    assert add_word("qarabagh") is False  # there already
    assert unknown("en", "Qarabagh talks") == []
    assert unknown("ru", "Qarabagh") == []  # added for every language
    assert unknown("az", "Kəndlərdə") == ["Kəndlərdə"]
    add_word("kəndlərdə", "az")
    assert unknown("az", "Kəndlərdə") == []
    assert unknown("en", "kəndlərdə") == ["kəndlərdə"]  # added for Azerbaijani only


def test_azerbaijani_is_checked_against_the_published_archive(db):
    story = articles.create_article({"headline": "Milli Məclis büdcəni qəbul etdi",
                                     "body": "Deputatlar büdcəni səsvermə ilə qəbul etdilər.",
                                     "language": "az", "status": "ready", **DATELINE})
    assert unknown("az", "büdcəni") == ["büdcəni"]  # unpublished stories do not count
    articles.set_status(story.id, "published")
    assert unknown("az", "Deputatlar büdcəni qəbul etdilər") == []
    speller = speller_for("az")
    assert speller.check("budceni")[0].word == "budceni"
    # e/ə, u/ü and c/ç are near letters: the plain spelling finds the right word first.
    assert speller.suggestions("budceni")[0] == "büdcəni"
    assert speller.suggestions("qebul")[0] == "qəbul"
    assert refresh("az") == 0  # counted once


def test_an_edited_and_republished_story_adds_its_new_words(db):
    story = articles.create_article({"headline": "Xəbər", "body": "Birinci söz.",
                                     "language": "az", "status": "published"})
    assert unknown("az", "yenilənmiş") == ["yenilənmiş"]
    stored = articles.get_article(story.id)
    articles.save_article(story.id, {"body": "Birinci yenilənmiş söz."},
                          expected_version=stored.version)
    assert unknown("az", "yenilənmiş") == []


def test_the_finder_marks_whole_words_as_the_checker_cuts_them():
    from newsdesk.spelling.words import WordFinder

    finder = WordFinder(["parliment", "Hajiyev", "well-knwn"])
    text = ("The parliment met; parliments too. Hajiyev's lawyer, a well-knwn fact, "
            "xparliment, parliment-building, re-parliment, `parliment` http://x/parliment")
    found = [text[start:start + length] for start, length in finder.ranges(text)]
    assert found == ["parliment", "Hajiyev", "well-knwn"]
    plain = "parliment, Hajiyev"  # no Markdown or links in it: the quick search alone
    assert [plain[s:s + n] for s, n in finder.ranges(plain)] == ["parliment", "Hajiyev"]
    assert WordFinder(()).ranges("anything") == []


@pytest.mark.parametrize("text", [
    "The parliment met on 28 December 2022; parliments too, and 3rd parliment2 x2parliment.",
    "Hajiyev's lawyer and Hajiyevʼs aide met O'Brien's parliment' about a well-knwn's fact.",
    "foo_parliment and parliment_bar, parliment-building, re-parliment, parliment'abcd.",
    "Plain words only here, nothing unknown in them at all.",
    "Desk -03/06D- then parliment, http://x/parliment and `parliment` and <b>parliment</b>.",
])
def test_the_finder_finds_the_words_the_checker_would_cut(text):
    from newsdesk.spelling.words import WordFinder, words_to_check

    unknown = {"parliment", "Hajiyev", "well-knwn", "O'Brien", "foo", "bar", "x"}
    finder = WordFinder(unknown)
    expected = [(w.start, w.end - w.start) for w in words_to_check(text) if w.text in unknown]
    assert finder.ranges(text) == expected


@pytest.mark.parametrize("text", [
    "The parliment met on 28 December 2022; parliments too, and 3rd parliment2 x2parliment.",
    "Hajiyev's lawyer and Hajiyevʼs aide met O'Brien's parliment' about a well-knwn's fact.",
    "NATO and the UN met; a I x. foo_parliment and parliment_bar, re-parliment parliment.",
    "Desk -03/06D- then parliment, http://x/parliment and `parliment` and <b>parliment</b>.",
])
def test_the_distinct_words_are_those_the_checker_cuts(text):
    from newsdesk.spelling.words import distinct_words

    assert distinct_words(text) == {w.text for w in words_to_check(text)}


@pytest.mark.parametrize("text", [
    "The parliment met on 28 December 2022; parliments too, and 3rd parliment2 x2parliment.",
    "Hajiyev's lawyer and Hajiyevʼs aide met O'Brien's parliment' about a well-knwn's fact.",
    "NATO and the UN met; a I x. foo_parliment, ÇƏK and Əli, re-parliment parliment.",
    "```\ncode parliment\n```\nDesk -03/06D- then [parliment](http://x/y) `z` <b>bold</b>.",
    # Longer than a paragraph: cut as it is read.
    "Hajiyev's lawyer and NATO met; a I x. The parliment met on Tuesday, Əli said. " * 80,
])
def test_the_word_texts_are_the_checkers_words_in_order(text):
    from newsdesk.spelling.words import word_texts

    assert list(word_texts(text)) == [w.text for w in words_to_check(text)]


# Letters, the characters that open a skipped span, and the whitespace between them.
SPELLING_TEXTS = st.text(alphabet="ab ə\n`~<>@[]()-/:.w3_'", max_size=40)


@given(SPELLING_TEXTS)
def test_the_quick_look_for_skipped_spans_cuts_as_the_full_search_does(text):
    """A text without a character that could open a skipped span is checked whole, without
    the full search (0.3 ms a paragraph): it must cut every text as the search would."""
    from newsdesk.spelling.words import _SKIPPED_RE, _checked_stretches

    position, expected = 0, []
    for skipped in _SKIPPED_RE.finditer(text):
        if skipped.start() > position:
            expected.append((position, skipped.start()))
        position = max(position, skipped.end())
    if position < len(text):
        expected.append((position, len(text)))
    assert list(_checked_stretches(text)) == expected
