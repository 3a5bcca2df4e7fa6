"""Tag suggestions: variants, inflections, new candidates and the false positives to avoid."""

from __future__ import annotations

import pytest

from newsdesk.people import registry as entities
from newsdesk.people import suggest
from newsdesk.people.suggest import build_index, variant_key

REGISTRY = [
    (1, "person", "Bakhtiyar Hajiyev", ["Бахтияр Гаджиев"]),
    (2, "person", "Rauf Mammadov", ["Rauf Məmmədov"]),
    (3, "person", "Elnur Heydarov", []),
    (4, "organisation", "Press Freedom Union", ["PFU", "Союз свободы прессы"]),
    (5, "organisation", "Milli Majlis", ["Milli Məclis"]),
    (6, "person", "Sevinj Hajiyeva", []),
    (7, "organisation", "Central Bank of Azerbaijan", []),
]


@pytest.fixture(scope="module")
def index():
    return build_index(REGISTRY)


def run(index, body, headline="", footnote=""):
    return suggest.suggest([headline, body, footnote], index)


def by_id(results):
    return {s.entity_id: s for s in results if s.entity_id is not None}


def new(results):
    return {s.name: s for s in results if s.entity_id is None}


@pytest.mark.parametrize("group", [
    ["Mammadov", "Mamedov", "Məmmədov", "Мамедов", "MAMMADOV"],
    ["Heydarov", "Geydarov", "Heydərov", "Гейдаров"],
    ["Hajiyev", "Gadzhiev", "Hacıyev", "Гаджиев"],
    ["Bakhtiyar", "Bakhtiar", "Bəxtiyar", "Бахтияр"],
    ["Rzayev", "Rzaev"],
    ["Ismayilov", "Ismailov", "İsmayılov"],
])
def test_transliterations_share_one_key(group):
    assert len({variant_key(word) for word in group}) == 1


def test_different_names_keep_different_keys():
    assert variant_key("Mammadov") != variant_key("Mahmudov")
    assert variant_key("Hajiyev") != variant_key("Hajiyeva")


def test_variant_spelling_finds_the_known_person(index):
    results = run(index, "Bakhtiar Hajiyev spoke first. Then Bakhtiyar Gadzhiev left.")
    found = by_id(results)[1]
    assert found.name == "Bakhtiyar Hajiyev"
    assert found.count == 2
    assert set(found.spellings) == {"Bakhtiar Hajiyev", "Bakhtiyar Gadzhiev"}
    # Both spellings are new to the registry: offered for recording as aliases.
    assert set(found.new_spellings) == {"Bakhtiar Hajiyev", "Bakhtiyar Gadzhiev"}
    assert "spelling variant" in found.why and "2 mentions" in found.why
    assert not new(results)


def test_possessive_and_lone_surname_count_for_the_person_named(index):
    results = run(index, "Rauf Mammadov spoke. Later Rauf Mamedov added that "
                         "Mammadov's lawyers would appeal. Mamedov was not there.")
    found = by_id(results)[2]
    assert found.count == 4
    assert "Mammadov's" in found.spellings and "surname" in found.why
    assert "Later" not in " ".join(new(results))


def test_azerbaijani_and_russian_case_endings(index):
    results = run(index, "Milli Məclisin sədri Rauf Məmmədovun sözlərinə görə qərar verilib.")
    assert {5, 2} <= set(by_id(results))
    assert "inflected" in by_id(results)[5].why
    russian = run(index, "Заявление Союза свободы прессы поддержал Бахтияр Гаджиев.")
    assert {4, 1} <= set(by_id(russian))


def test_cyrillic_story_finds_latin_registry_names(index):
    results = run(index, "Депутат Эльнур Гейдаров выступил в парламенте.")
    assert 3 in by_id(results)


def test_all_caps_text_and_acronyms(index):
    results = run(index, "RAUF MAMMADOV OF THE PFU SAID THE UNION WOULD APPEAL.")
    assert {2, 4} <= set(by_id(results))
    assert not new(results)  # shouting is not a list of names


def test_feminine_surname_is_not_the_masculine_person(index):
    results = run(index, "Hajiyeva said nothing. Hajiyev was absent.")
    found = by_id(results)
    assert 1 in found and "Hajiyeva" not in found[1].spellings
    assert 6 in found and found[6].spellings == {"Hajiyeva": 1}


def test_lowercase_common_words_do_not_name_organisations(index):
    results = run(index, "the press freedom union of students met in the milli majlis hall.")
    assert not by_id(results)


def test_new_person_with_title_and_role(index):
    results = run(index, "President Ilham Aliyev signed the decree. Tofig Sultanli, head of "
                         "the farmers, welcomed it.")
    people = new(results)
    assert people["Ilham Aliyev"].kind == "person"
    assert "title 'President'" in people["Ilham Aliyev"].why
    assert "'head of' after it" in people["Tofig Sultanli"].why


def test_new_organisations_by_word_and_quotes(index):
    results = run(index, 'The Ministry of Digital Development and the "Defence Line" movement '
                         "joined the Kura Valley Farmers Association.")
    names = new(results)
    assert names["Ministry of Digital Development"].kind == "organisation"
    assert names["Defence Line"].kind == "organisation"
    assert "quoted name" in names["Defence Line"].why
    assert names["Kura Valley Farmers Association"].kind == "organisation"


def test_variants_of_a_new_name_are_grouped(index):
    results = run(index, "Anar Quliyev spoke. Anar Guliyev spoke again, and Anar Quliyev "
                         "left. The Quliyev group stayed.")
    names = new(results)
    assert list(names) == ["Anar Quliyev"]
    candidate = names["Anar Quliyev"]
    assert candidate.count == 4
    assert candidate.spellings == {"Anar Quliyev": 2, "Anar Guliyev": 1, "Quliyev": 1}
    assert candidate.new_spellings == ["Anar Guliyev"]


def test_sentence_starts_months_and_weekdays_are_not_candidates(index):
    results = run(index, "However the vote failed. Yesterday nobody came. On Tuesday March "
                         "talks resumed. Deputies left in January. In May Sunday markets "
                         "closed. Police detained two men.")
    assert new(results) == {}


def test_ordinary_sentence_openings_are_not_part_of_a_name(index):
    results = run(index, "Speaking Anar Quliyev said the vote was fair. Observers disagreed. "
                         "Observers Tofig Sultanli and others left; the observers met again.")
    assert set(new(results)) == {"Anar Quliyev", "Tofig Sultanli"}


def test_shortened_organisation_name_finds_the_registry_entry(index):
    results = run(index, "The Central Bank revoked the licence, the Central Bank of "
                         "Azerbaijan said.")
    found = by_id(results)[7]
    assert found.count == 2 and "shortened name" in found.why
    assert found.new_spellings == []  # a shortened form is not offered as an alias
    assert not new(results)


def test_title_case_headline_is_not_a_list_of_names(index):
    results = run(index, "The vote was held.", headline="Opposition Deputies Walk Out Of "
                                                        "Budget Debate")
    assert new(results) == {}


def test_hyphens_apostrophes_and_diacritics(index):
    results = run(index, "Jean-Pierre Dubois met O'Brien Walsh and Səadət Hüseynova.")
    names = new(results)
    assert {"Jean-Pierre Dubois", "O'Brien Walsh", "Səadət Hüseynova"} <= set(names)


def test_empty_registry_returns_candidates_only():
    results = suggest.suggest(["", "Rauf Mammadov met Elnur Heydarov.", ""], build_index([]))
    assert {s.name for s in results} == {"Rauf Mammadov", "Elnur Heydarov"}
    assert all(s.entity_id is None for s in results)


def test_empty_and_huge_stories_do_not_crash(index):
    assert suggest.suggest(["", "", ""], index) == []
    huge = " ".join(["Rauf Mamedov said the union, Press Freedom Union, would appeal."] * 1200)
    results = run(index, huge)
    assert by_id(results)[2].count == 1200


def test_mentions_give_spans_for_highlighting(index):
    text = "Rauf Mamedov and Mammadov's lawyer met Elnur Heydarov."
    spans = suggest.mentions(text, [2], index)
    assert [text[m.start:m.end] for m in spans] == ["Rauf Mamedov", "Mammadov's"]


def test_registry_index_is_rebuilt_when_the_registry_changes(db):
    first = suggest.registry_index()
    assert suggest.registry_index() is first
    person = entities.create_entity("person", "Rauf Mammadov")
    second = suggest.registry_index()
    assert second is not first and person.id in second.entities
    entities.update_entity(person.id, aliases=["Rauf Mamedov"])
    assert suggest.registry_index() is not second
