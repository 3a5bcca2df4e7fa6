"""Places: the third kind of entry, its coordinates, the located relation, the gazetteer,
and what the exports make of them."""

from __future__ import annotations

import json

import html5lib
import pytest
import yaml

from newsdesk.errors import UserError
from newsdesk.formats import importer
from newsdesk.formats.outputs import export
from newsdesk.people import registry as entities
from newsdesk.people.suggest import gazetteer
from newsdesk.publish.export import ExportOptions
from newsdesk.store.db import open_database
from newsdesk.store.models import Article, ArticleTag, Entity
from newsdesk.stories import articles
from tests.publish_helpers import schema_errors

WIRE = """Floods reach Sabirabad villages

Sabirabad/05.04.23/Turan: Water from the Kura reached three villages in Sabirabad district
on Tuesday, the Ministry of Emergency Situations said. -07/12K-
"""


def _story(dateline_place: str = "Ganja") -> int:
    article = articles.create_article({"headline": "Ganja road reopens", "body": "Text.",
                                       "dateline_place": dateline_place, "status": "ready",
                                       "language": "en"})
    return article.id


def test_place_keeps_coordinates_and_refuses_bad_ones(db):
    place = entities.create_entity("place", "Şəki", aliases=["Sheki", "Шеки"],
                                   uri="https://www.wikidata.org/wiki/Q390335",
                                   latitude=41.19, longitude=47.17)
    stored = Entity.get_by_id(place.id)
    assert (stored.kind, stored.latitude, stored.longitude) == ("place", 41.19, 47.17)
    assert entities.find_by_name("sheki", "place").id == place.id
    entities.update_entity(place.id, coordinates=("41.2", "47.2"))
    assert Entity.get_by_id(place.id).latitude == 41.2
    with pytest.raises(UserError) as raised:
        entities.update_entity(place.id, coordinates=("91", "47"))
    assert raised.value.field == "latitude"
    with pytest.raises(UserError) as raised:
        entities.update_entity(place.id, coordinates=("40", ""))
    assert raised.value.field == "longitude"
    with pytest.raises(UserError):
        entities.create_entity("place", "Nowhere", latitude="north", longitude=1)
    entities.update_entity(place.id, coordinates=(None, None))
    assert Entity.get_by_id(place.id).latitude is None


def test_located_relation_and_unknown_kind(db):
    place = entities.create_entity("place", "Ganja")
    article_id = _story("Baku")
    tag = entities.tag_article(article_id, place.id, "located")
    assert tag.relation == "located"
    with pytest.raises(UserError):
        entities.tag_article(article_id, place.id, "near")
    with pytest.raises(UserError):
        entities.create_entity("planet", "Mars")


def test_gazetteer_loads_offline_with_three_languages():
    places = gazetteer.places()
    assert len(places) > 600
    baku = gazetteer.lookup("Bakı")
    assert baku is not None and (baku.en, baku.az, baku.ru) == ("Baku", "Bakı", "Баку")
    assert gazetteer.lookup("Баку") is baku and gazetteer.lookup("baku") is baku
    assert 40 < baku.latitude < 41 and 49 < baku.longitude < 50
    ganja = gazetteer.lookup("Гянджа")
    assert ganja is not None and ganja.az == "Gəncə"
    districts = [p for p in places if p.country == "AZ" and p.type == "district"]
    assert len(districts) >= 60 and all(p.az and p.ru for p in districts)
    germany = gazetteer.lookup("Almaniya")
    assert germany is not None and germany.type == "country" and germany.ru == "Германия"
    assert gazetteer.lookup("Berlin").type == "capital"


def test_dateline_place_is_tagged_located_from_the_gazetteer(db):
    article_id = _story("Gəncə")
    tag = entities.tag_dateline_place(article_id)
    assert tag is not None and tag.relation == "located"
    place = Entity.get_by_id(tag.entity_id)
    assert (place.kind, place.name) == ("place", "Ganja")
    assert place.uri.startswith("https://sws.geonames.org/") and place.latitude
    assert "Гянджа" in entities.aliases_of(place.id)
    # Once the registry has it, the next story's dateline finds the same entry.
    other = _story("Ganja")
    assert entities.tag_dateline_place(other).entity_id == place.id
    assert entities.tag_dateline_place(other) is None  # located already: nothing doubled
    assert ArticleTag.select().where(ArticleTag.article == other).count() == 1


def test_import_tags_the_dateline_place(db, tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    (article_id,) = importer.import_files([path])
    tags = {(t.entity.kind, t.entity.name, t.relation)
            for t in ArticleTag.select().where(ArticleTag.article == article_id)}
    assert ("place", "Sabirabad", "located") in tags


def test_unknown_dateline_place_is_left_alone(db):
    article_id = _story("Atlantis")
    assert entities.tag_dateline_place(article_id) is None
    assert not Entity.select().where(Entity.kind == "place").exists()


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_ninjs_places_keep_uri_and_coordinates_both_ways(db, tmp_path, version):
    article_id = _story("Ganja")
    entities.tag_dateline_place(article_id)
    village = entities.create_entity("place", "Kürdəmir <b>", latitude=40.34, longitude=48.16)
    entities.tag_article(article_id, village.id, "mentioned")
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", ninjs_version=version))
    (path,) = out.glob("*.json")
    item = json.loads(path.read_text(encoding="utf-8"))
    assert schema_errors(item, version) == []
    geo = "geojson" if version == "2.1" else "geoJSON"
    places = {p["name"]: p for p in item["places"]}
    assert places["Ganja"]["rel"] == "located"
    assert places["Ganja"]["uri"].startswith("https://sws.geonames.org/")
    assert places["Ganja"][geo]["type"] == "Point"
    longitude, latitude = places["Ganja"][geo]["coordinates"]
    assert 40 < latitude < 41 and 46 < longitude < 47
    assert places["Kürdəmir <b>"][geo]["coordinates"] == [48.16, 40.34]
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    (new_id,) = importer.import_files([path])
    back = {t.entity.name: t for t in ArticleTag.select().where(ArticleTag.article == new_id)}
    assert back["Ganja"].relation == "located" and back["Ganja"].entity.kind == "place"
    assert back["Ganja"].entity.uri == places["Ganja"]["uri"]
    assert (back["Kürdəmir <b>"].entity.latitude,
            back["Kürdəmir <b>"].entity.longitude) == (40.34, 48.16)


def test_ninjs_place_with_script_uri_is_refused(db, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"uri": "urn:x:1", "headlines": [
        {"role": "main", "value": "A"}], "places": [
        {"name": "X", "uri": "javascript:alert(1)"}]}), encoding="utf-8")
    with pytest.raises(UserError) as raised:
        importer.import_files([path])
    assert raised.value.field == "places[0].uri"
    assert not Article.select().exists()


def test_markdown_front_matter_lists_places(db, tmp_path):
    article_id = _story("Ganja")
    entities.tag_dateline_place(article_id)
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    (path,) = out.glob("*.md")
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert front["places"] == ["Ganja"] and front["located"] == ["Ganja"]
    assert "Ganja" in front["tags"]
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    (new_id,) = importer.import_files([path])
    (tag,) = ArticleTag.select().where(ArticleTag.article == new_id)
    assert (tag.entity.kind, tag.entity.name, tag.relation) == ("place", "Ganja", "located")


def test_site_has_place_pages_escaped(db, tmp_path):
    article_id = _story("Baku")
    place = entities.create_entity("place", "<script>x</script> Qax")
    entities.tag_article(article_id, place.id, "about")
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    (page,) = (out / "places").glob("*.html")
    text = page.read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(text)
    assert "<script>x" not in text and "&lt;script&gt;x" in text
    story = next((out / "stories").glob("*.html")).read_text(encoding="utf-8")
    assert "Places:" in story and f'href="../places/{page.name}"' in story


def test_moving_a_place_re_exports_its_stories(db):
    from newsdesk.store.models import ExportStamp

    article_id = _story("Ganja")
    place = entities.tag_dateline_place(article_id).entity_id
    before = ExportStamp.get(ExportStamp.article_id == article_id).stamp
    # Only the coordinates change (a save of the whole row would rename it too).
    Entity.update(latitude=40.7).where(Entity.id == place).execute()
    assert ExportStamp.get(ExportStamp.article_id == article_id).stamp > before


def test_places_kept_whole_by_an_older_import_are_still_exported(db, tmp_path):
    """Before places were tags, an agency's ``places`` were kept as metadata: they are
    written back as they came."""
    article_id = _story("")
    old = [{"name": "Telemark", "literal": "Telemark"},
           {"name": "Gotland", "geojson": {"type": "Point", "coordinates": [18.3, 57.6]}}]
    Article.update(agency_uri="urn:agency:1", agency_metadata=json.dumps({"places": old})
                   ).where(Article.id == article_id).execute()
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs"))
    (path,) = out.glob("*.json")
    item = json.loads(path.read_text(encoding="utf-8"))
    assert item["places"] == old and schema_errors(item, "2.1") == []
