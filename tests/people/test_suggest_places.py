"""Suggestions know three kinds: places (gazetteer, "in X", "X district", the dateline),
bodies named after places, and people only with evidence; spellings of one given name
group, different people never do."""

from __future__ import annotations

import pytest

from newsdesk.people import suggest
from newsdesk.people.suggest.index import build_index
from newsdesk.people.suggest.keys import variant_key
from newsdesk.people.suggest.names import same_given_name


@pytest.fixture(scope="module")
def index():
    return build_index([], gazetteer=True)


def run(index, text, language="en", dateline=""):
    return suggest.suggest(["", text, ""], index, language=language, dateline=dateline)


def by_name(results):
    return {s.name: s for s in results}


def test_gazetteer_place_is_a_place_with_uri_and_coordinates(index):
    results = by_name(run(index, "The delegation flew from Vienna to Gəncə on Monday."))
    ganja = results["Ganja"]
    assert ganja.kind == "place" and ganja.entity_id is None
    assert ganja.place.uri.startswith("https://sws.geonames.org/")
    assert ganja.key == f"place:{ganja.place.uri}" and "gazetteer" in ganja.why
    data = ganja.as_dict()
    assert data["uri"] == ganja.place.uri and data["latitude"] and data["longitude"]
    assert results["Vienna"].kind == "place"


def test_regions_and_corridors_are_places_not_people(index):
    results = by_name(run(index, "Trade with Central Asia along the Middle Corridor grew."))
    assert results["Central Asia"].kind == "place" and results["Middle Corridor"].kind == "place"
    assert not [s for s in results.values() if s.kind == "person"]


def test_district_words_and_in_make_places(index):
    results = by_name(run(index, "Floods hit Xyzabad district, and rescuers worked in Qumlaq."))
    assert results["Xyzabad"].kind == "place" and "'district' after it" in results["Xyzabad"].why
    assert results["Qumlaq"].kind == "place" and "'in' before it" in results["Qumlaq"].why


def test_bodies_named_after_places_are_organisations(index):
    text = ("The Ganja City Executive Authority and the Nasimi District Court replied. "
            "Горсовет Гянджи не ответил.")
    results = by_name(run(index, text))
    for name in ("Ganja City Executive Authority", "Nasimi District Court", "Горсовет Гянджи"):
        assert results[name].kind == "organisation", name
    assert "Ganja" not in results  # only inside the bodies' names here


def test_russian_bodies_with_one_capital(index):
    text = ("Министерство по чрезвычайным ситуациям сообщило, что Центральный банк "
            "Азербайджана и Государственный таможенный комитет проверят склады.")
    kinds = {s.name: s.kind for s in run(index, text, "ru")}
    assert kinds["Министерство по чрезвычайным ситуациям"] == "organisation"
    assert kinds["Центральный банк Азербайджана"] == "organisation"
    assert kinds["Государственный таможенный комитет"] == "organisation"


def test_a_person_needs_evidence(index):
    results = by_name(run(index, "Kapital Plaza reopened. Ramiz Qasimov said it was safe. "
                                 "The report by Zorba Quentin was late."))
    assert "Kapital Plaza" not in results  # two capitalised words, nothing of a person
    ramiz = results["Ramiz Qasimov"]
    assert ramiz.kind == "person" and "given name 'Ramiz'" in ramiz.why
    assert "Zorba Quentin" not in results


@pytest.mark.parametrize("text, language, name", [
    ("Farmer Gulnar Aliyeva said the frost came early.", "en", "Gulnar Aliyeva"),
    ("İqtisadçı Vüqar Bayramov bildirib ki, bazar dayanıb.", "az", "Vüqar Bayramov"),
    ("Премьер-министр Ираклий Кобахидзе заявил об этом.", "ru", "Ираклий Кобахидзе"),
])
def test_roles_before_a_name_are_not_part_of_it(index, text, language, name):
    people = [s.name for s in run(index, text, language) if s.kind == "person"]
    assert people == [name]


def test_dateline_place_is_suggested_located(index):
    results = run(index, "Officials met in Baku and in Sumqayıtdakı plant.", dateline="Bakı")
    located = [s for s in results if s.relation == "located"]
    assert [s.name for s in located] == ["Baku"]
    assert {"Baku", "Bakı"} <= set(located[0].spellings)
    alone = run(index, "Officials met.", dateline="Şəki")
    assert [(s.name, s.relation) for s in alone] == [("Sheki", "located")]


@pytest.mark.parametrize("first, second", [
    ("Gulnar Aliyeva", "Gulnara Aliyeva"),  # a syllable's letter the Russian form adds
    ("Bakhtiyar Hajiyev", "Bakhtiar Hajiyev"),
    ("Rauf Mammadov", "Rauf Mamedov"),
    ("Mahammad Rzayev", "Mahammed Rzayev"),
    ("Teymurlan Qasimov", "Teymuran Qasimov"),  # one letter dropped, not in the list
])
def test_spellings_of_one_given_name_group(index, first, second):
    text = f"{first} said the talks failed. Later {second} added that they would resume."
    people = [s for s in run(index, text) if s.kind == "person"]
    assert len(people) == 1 and set(people[0].spellings) >= {first, second}


@pytest.mark.parametrize("first, second", [
    ("Elnur Hasanli", "Elnura Hasanli"),
    ("Aziz Karimli", "Aziza Karimli"),
    ("Nurlan Hasanli", "Nurlana Hasanli"),
    ("Kamal Aliyev", "Kamran Aliyev"),
    ("Ali Karimli", "Alim Karimli"),
    ("Samir Mammadli", "Sabir Mammadli"),
])
def test_different_people_sharing_a_surname_never_group(index, first, second):
    text = f"{first} said the talks failed. Later {second} added that they would resume."
    people = {s.name for s in run(index, text) if s.kind == "person"}
    assert people == {first, second}


def test_same_given_name_rules():
    key = variant_key
    assert same_given_name(key("Gulnar"), key("Gulnara"))  # one line of the list
    assert not same_given_name(key("Elnur"), key("Elnura"))  # two lines
    assert not same_given_name(key("Rashad"), key("Rashada"))  # a listed name, feminine
    assert same_given_name(key("Teymurlan"), key("Teymuran"))
    assert not same_given_name(key("Ali"), key("Alim"))
