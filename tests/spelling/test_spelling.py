"""Spelling through the service layer: the dictionaries per language, what is never checked,
the registry's names in their inflections, the newsroom's dictionary and the archive."""

from __future__ import annotations

from datetime import date

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
