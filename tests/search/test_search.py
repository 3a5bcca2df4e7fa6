"""Full-text search: folding, phrases, prefixes, syntax characters, filters, index sync."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from newsdesk import search
from newsdesk.people import registry as entities
from newsdesk.search import Filters, Sort, parse_query
from newsdesk.store import search_index
from newsdesk.store.db import open_database
from newsdesk.store.folding import FOLDED_LETTERS
from newsdesk.store.migrations import current_version
from newsdesk.store.models import Alias, ArticleTag, Entity
from newsdesk.stories import articles


def story(headline: str, body: str = "", **fields) -> int:
    return articles.create_article({"headline": headline, "body": body, **fields}).id


def found(text: str, filters: Filters | None = None) -> list[int]:
    return [row[search.ID] for row in search.search(text, filters or Filters(), limit=100)]


@pytest.fixture
def newsroom(db):
    ids = {
        "media": story("Parliament passes amended media law",
                       "Baku: the Milli Majlis adopted the law. Rauf Mammadov objected.",
                       footnote="The law was first debated in February.", desk_code="05/11K",
                       section="politics", language="en", dateline_place="Baku"),
        "heydarov": story("Heydərov presents the budget",
                          "Deputy minister Elnur Heydərov said the deficit will shrink.",
                          section="economy", language="en", dateline_place="Baku"),
        "aliyev": story("Bəxtiyar Əliyev İlham Şəkidə",
                        "Əliyev qızıl ixracı barədə danışıb.", section="politics",
                        language="az", dateline_place="Şəki"),
        "russian": story("Центробанк отозвал лицензию банка",
                         "Ёлка и Алиев: Гейдаров заявил о дефиците.", section="economy",
                         language="ru", dateline_place="Баку"),
        "hajiyeva": story("Journalist Sevinj Hajiyeva released",
                          "The court released the journalist after two days.",
                          section="society", language="en", dateline_place="Baku"),
    }
    return ids


def test_words_are_anded_and_ranked_with_headline_first(newsroom):
    assert found("budget") == [newsroom["heydarov"]]
    assert found("law parliament") == [newsroom["media"]]
    assert found("law journalist") == []
    articles.create_article({"headline": "Weather", "body": "The budget was not discussed."})
    assert found("budget")[0] == newsroom["heydarov"]  # headline match outranks the body


def test_diacritics_and_azerbaijani_letters_fold_both_ways(newsroom):
    assert found("Aliyev") == [newsroom["aliyev"]]
    assert found("Əliyev") == [newsroom["aliyev"]]
    assert found("Heydarov") == [newsroom["heydarov"]]
    assert found("heydərov") == [newsroom["heydarov"]]
    assert found("ilham") == [newsroom["aliyev"]]  # İ
    assert found("qizil") == [newsroom["aliyev"]]  # ı
    assert found("Bakhtiyar") == []
    assert found("Bəxtiyar") == found("baxtiyar") == [newsroom["aliyev"]]
    assert found("sakida") == found("ŞƏKİDƏ") == [newsroom["aliyev"]]


def test_cyrillic_stays_searchable(newsroom):
    assert found("алиев") == [newsroom["russian"]]
    assert found("ЦЕНТРОБАНК") == [newsroom["russian"]]
    assert found("елка") == found("ёлка") == [newsroom["russian"]]
    assert found("Гейдар*") == [newsroom["russian"]]


def test_every_hand_folded_letter_matches_both_ways(db):
    """The index (folded in SQL) and the query (folded in Python) agree on every letter of
    the one folding table, written either way."""
    letters = [(before, after) for before, after in FOLDED_LETTERS if after.isalpha()]
    ids = [story(f"Marker q{n}q{before}q") for n, (before, _after) in enumerate(letters)]
    for n, (before, after) in enumerate(letters):
        assert found(f"q{n}q{before}q") == found(f"q{n}q{after}q") == [ids[n]], before


def test_schwa_typed_as_e_or_as_a_finds_the_story(db):
    """Readers and editors type ``ə`` as ``e`` (Turkish keyboards, older transliteration)
    as often as ``a`` (English transliteration): every spelling finds the story, as a word,
    a prefix and in a phrase, and ranks the stories as the index's own spelling does."""
    ganja = story("Gəncə şəhər icra hakimiyyəti", "Səhər Gəncədə Heydər Əliyev təsdiqlədi.",
                  language="az")
    english = story("Heydar Aliyev Centre opens in Ganja", "Ganja's mayor spoke.",
                    language="en")
    body_only = story("Nazir danışdı", "Gəncə haqqında qısa xəbər.", language="az")
    for typed in ("Gəncə", "Ganca", "Gence", "GƏNCƏ", "gance"):
        assert set(found(typed)) == {ganja, body_only}, typed
    assert found("Gence") == found("Ganca")  # the same ranking: headline first
    for typed in ("Heydər", "Heydar", "Heyder"):
        assert set(found(typed)) == {ganja, english}, typed
    assert found("seher") == found("sahar") == found("səhər") == [ganja]
    assert found("tesdiqledi") == found("tasdiqladi") == [ganja]
    assert set(found("Genc*")) == {ganja, body_only}
    assert found('"seher gencede"') == found('"sahar gancada"') == [ganja]
    assert found('"gence seher ic"*') == [ganja]
    assert found("tesdiqledi Aliyev") == [ganja]
    assert found("Gence Ganja") == []  # still every word, whatever its spelling
    assert found("Genceee") == []
    snippet = search.snippet_text(search.search("Gence")[0][search.SNIPPET])
    assert "[Gəncə]" in snippet  # the original word is highlighted


def test_a_word_with_many_e_letters_stays_searchable(db):
    long_word = story("Eeeeeeeee test")
    assert found("eeeeeeeee") == [long_word]
    assert found('"eeeeeeeee test"') == [long_word]


def test_phrases_and_prefixes(newsroom):
    assert found('"media law"') == [newsroom["media"]]
    assert found('"law media"') == []
    assert found('"passes amended" Mammadov') == [newsroom["media"]]
    assert found("Hajiy*") == [newsroom["hajiyeva"]]
    assert found("Hajiy") == []
    assert found('"sevinj haj"*') == [newsroom["hajiyeva"]]


def test_desk_code_and_footnote_are_searched(newsroom):
    assert found("05/11K") == [newsroom["media"]]
    assert found("february") == [newsroom["media"]]


@pytest.mark.parametrize("text", [
    '"', '"""', '"media', 'media"', "*", "media*law", "(", ")", "(media", "NEAR(media law)",
    "NEAR", "-media", "media -law", ":", "headline:media", "body:", "^media", "media AND",
    "OR media", "NOT", "a'b", "{media}", "[x]", "+", "media + law", "ə*", "\\", "'", "%", "_",
])
def test_syntax_characters_never_raise(newsroom, text):
    rows = search.search(text, limit=20)
    assert isinstance(rows, list)


def test_syntax_characters_are_treated_as_words(newsroom):
    assert found('"media') == [newsroom["media"]]  # unbalanced quote
    assert found("(media") == [newsroom["media"]]
    assert found("media -law") == [newsroom["media"]]  # "-" is not NOT
    assert found("NEAR(media law)") == []  # NEAR is a word the story lacks
    assert found("headline:media") == []  # not a column filter: "headline media" phrase
    assert found("media: law") == [newsroom["media"]]


def test_schwa_variants_put_the_typed_word_first():
    from newsdesk.search.folding import MAX_VARIED_LETTERS, schwa_variants

    assert schwa_variants("gence") == ("gence", "genca", "gance", "ganca")
    assert schwa_variants("baku") == ("baku",)
    assert len(schwa_variants("e" * 20)) == 2 ** MAX_VARIED_LETTERS


def test_parse_query_terms():
    assert parse_query('Hajiy* "exact Phrase" Əli').terms == (
        search.Term(("hajiy",), prefix=True), search.Term(("exact", "phrase")),
        search.Term(("ali",)))
    assert not parse_query('  " ( ) - * : ')
    assert not parse_query("")


def test_empty_search_shows_the_filtered_list(newsroom):
    everything = found("")
    assert sorted(everything) == sorted(newsroom.values())
    assert found("", Filters(language="ru")) == [newsroom["russian"]]
    assert found("  ", Filters(section="economy")) == [newsroom["russian"], newsroom["heydarov"]]


def test_filters_combine_with_search(newsroom):
    assert found("Baku", Filters(section="politics")) == [newsroom["media"]]
    assert found("law", Filters(language="az")) == []
    assert found("law", Filters(statuses=("draft",))) == [newsroom["media"]]
    assert found("law", Filters(statuses=("ready", "published"))) == []
    articles.move_to_trash([newsroom["media"]])
    assert found("law") == []
    assert found("law", Filters(trash=True)) == [newsroom["media"]]


def test_story_is_found_by_any_name_of_a_tagged_entity(newsroom):
    person = entities.create_entity("person", "Bakhtiyar Aliyev",
                                    aliases=["Бахтияр Алиев", "Bakhtiar Aliyev"])
    assert found("Bakhtiar") == []
    ArticleTag.create(article=newsroom["hajiyeva"], entity=person)
    assert found("Bakhtiar") == [newsroom["hajiyeva"]]
    assert found("бахтияр") == [newsroom["hajiyeva"]]
    entities.add_alias(person, "Baxtiyar Əliyev")
    assert newsroom["hajiyeva"] in found("baxtiyar")
    Alias.delete().where(Alias.name == "Bakhtiar Aliyev").execute()
    assert found("Bakhtiar") == []
    Entity.update(name="Bakhtiyar Aliyev-Zade").where(Entity.id == person.id).execute()
    assert found("zade") == [newsroom["hajiyeva"]]
    ArticleTag.delete().where(ArticleTag.entity == person).execute()
    assert found("zade") == []


def test_snippets_highlight_matches_in_the_original_text(newsroom):
    row = search.search("heydarov deficit")[0]
    assert search.snippet_text(row[search.SNIPPET]) == (
        "Deputy minister Elnur [Heydərov] said the [deficit] will shrink.")
    assert row[search.RANK] < 0  # bm25: lower is better


def test_snippet_html_escapes_story_text(db):
    story("Injection <script>alert(1)</script> & co", "Body")
    row = search.search("injection")[0]
    html = search.snippet_html(row[search.SNIPPET])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "<b>Injection</b>" in html


def test_edits_status_trash_and_delete_keep_the_index_in_sync(newsroom):
    media = articles.get_article(newsroom["media"])
    articles.save_article(media.id, {"headline": "Parliament passes press code"},
                          expected_version=media.version)
    assert found("amended") == []
    assert found("press code") == [media.id]
    articles.set_status(media.id, "edited")
    assert found("press code", Filters(statuses=("edited",))) == [media.id]
    copy = articles.duplicate_article(media.id)
    assert sorted(found("press code")) == sorted([media.id, copy.id])
    articles.move_to_trash([copy.id])
    articles.empty_trash()
    assert found("press code") == [media.id]
    assert_index_matches_a_rebuild()


def assert_index_matches_a_rebuild() -> None:
    """The trigger-maintained index holds exactly what a fresh build would."""
    from newsdesk.store.models import database_proxy

    live_path = database_proxy.obj.database
    database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(FULL)")
    copy_path = live_path + ".copy"
    shutil.copyfile(live_path, copy_path)
    query = ("SELECT term, doc, col, offset FROM v ORDER BY 1, 2, 3, 4")
    with sqlite3.connect(copy_path) as copy:
        copy.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, article_fts, instance)")
        live = copy.execute(query).fetchall()
        search_index.rebuild(copy)
        rebuilt = copy.execute(query).fetchall()
    assert live == rebuilt


def test_index_survives_every_write_path(newsroom):
    person = entities.create_entity("person", "Elnur Heydarov", aliases=["Эльнур Гейдаров"])
    for article_id in newsroom.values():
        ArticleTag.create(article=article_id, entity=person)
    entities.add_alias(person, "Elnur Heydərov")
    articles.save_article(newsroom["russian"], {"body": "Новый текст"}, expected_version=1)
    articles.move_to_trash([newsroom["hajiyeva"]])
    articles.empty_trash()
    Entity.delete().where(Entity.id == person.id).execute()
    assert_index_matches_a_rebuild()


def test_keyset_pages_cover_every_story_once_in_any_sort(db):
    for index in range(23):
        story(f"Story {index:02d}", "text", section=["a", "b", ""][index % 3],
              desk_code=f"{index % 5:02d}/01A", dateline_date=None if index % 4 else
              f"2023-01-{index + 1:02d}")
    backend = search.backend()
    for key in search.SORT_KEYS:
        for descending in (True, False):
            seen, after = [], None
            while True:
                page = backend.page(Filters(), Sort(key, descending), after=after, limit=5)
                seen.extend(row[search.ID] for row in page.rows)
                if page.next_after is None:
                    break
                after = page.next_after
            assert sorted(seen) == list(range(1, 24)), (key, descending)
            assert len(seen) == 23


def test_status_counts_follow_filters_and_search(newsroom):
    articles.set_status(newsroom["media"], "edited")
    backend = search.backend()
    counts = backend.status_counts(Filters(statuses=("edited",)))
    assert counts == {"draft": 4, "edited": 1, "ready": 0, "published": 0, "killed": 0}
    assert backend.status_counts(Filters(language="ru"))["draft"] == 1
    assert backend.status_counts(Filters(), parse_query("law"))["edited"] == 1
    assert backend.status_counts(Filters(), parse_query("law"))["draft"] == 0
    assert backend.sections() == ["economy", "politics", "society"]
    assert backend.languages() == ["az", "en", "ru"]


def test_database_at_schema_1_gets_its_index_on_open(tmp_path):
    path = tmp_path / "old.sqlite3"
    opened = open_database(str(path), create=True)
    story("Heydərov presents the budget", "Deficit down.")
    person = entities.create_entity("person", "Elnur Heydarov", aliases=["Эльнур Гейдаров"])
    ArticleTag.create(article=1, entity=person)
    opened.close()
    with sqlite3.connect(path) as raw:  # back to what a schema-1 newsdesk left behind
        raw.execute("DROP TABLE article_fts")
        for name in search_index.TRIGGER_NAMES:
            raw.execute(f"DROP TRIGGER {name}")
        raw.execute("DROP VIEW article_fts_content")
        raw.execute("DROP TABLE article_search_names")
        raw.execute("UPDATE schema_info SET value = '1' WHERE key = 'schema_version'")
    reopened = open_database(str(path))
    try:
        assert current_version(reopened) >= 2
        assert found("heydarov") == [1]
        assert found("гейдаров") == [1]
        assert list(tmp_path.glob("old.sqlite3.schema1-*.bak"))
    finally:
        reopened.close()


def test_a_list_page_reads_its_groups_languages_in_one_query(db):
    from playhouse.test_utils import count_queries

    from newsdesk.stories import translations

    for index in range(20):
        articles.create_article({"headline": f"Alone {index}", "language": "en"})
    backend = search.backend()
    with count_queries() as alone:
        backend.list_page(search.Filters(), search.Sort())
    for index in range(20):
        source = articles.create_article({"headline": f"Linked {index}", "language": "en"})
        translations.make_translation(source.id, "az")
    with count_queries() as linked:
        page = backend.list_page(search.Filters(), search.Sort())
    assert linked.count == alone.count + 1
    assert len(page.languages) == 20
    assert set(page.languages.values()) == {("az", "en")}
