import pytest

from newsdesk.stories.slugs import slugify, unique_slug


def test_english_headline():
    assert slugify("Parliament passes amended media law") == "parliament-passes-amended-media-law"


def test_azerbaijani_letters_are_transliterated():
    assert slugify("Şəki və Gəncə") == "sheki-ve-gence"
    assert slugify("Çağırış: İlham Əliyev ölkəni tərk etdi") == (
        "chaghirish-ilham-eliyev-olkeni-terk-etdi"
    )
    assert slugify("Üzüm, Xankəndi, Quba") == "uzum-xankendi-quba"


def test_azerbaijani_capitals():
    assert slugify("ŞƏKİ ÇÖLÜ ĞÜI") == "sheki-cholu-ghui"


def test_cyrillic_goes_through_python_slugify():
    assert slugify("Парламент принял закон о СМИ") == "parlament-prinial-zakon-o-smi"
    assert slugify("Гянджа") == "giandzha"


def test_punctuation_quotes_and_emoji():
    assert slugify('"Press freedom" — now! 📰') == "press-freedom-now"
    assert slugify("Baku's mayor") == "bakus-mayor"
    assert slugify("Baku\u2019s mayor") == "bakus-mayor"


def test_empty_result_falls_back_to_story():
    assert slugify("") == "story"
    assert slugify("!!! 📰 ...") == "story"


def test_max_length_cuts_at_a_word_boundary():
    slug = slugify("Parliament passes amended media law", max_length=20)
    assert slug == "parliament-passes"
    assert len(slugify("word " * 40)) <= 80
    assert not slugify("word " * 40).endswith("-")


def test_unique_slug_returns_base_when_free():
    assert unique_slug("media-law", lambda slug: False) == "media-law"


def test_unique_slug_counts_up_from_two():
    taken = {"media-law", "media-law-2", "media-law-3"}
    assert unique_slug("media-law", taken.__contains__) == "media-law-4"


def test_unique_slug_keeps_within_max_length():
    base = "a" * 80
    slug = unique_slug(base, {base}.__contains__)
    assert slug == "a" * 78 + "-2"


def test_unique_slug_trims_a_hyphen_left_at_the_cut():
    base = "abc-defgh"
    assert unique_slug(base, {base}.__contains__, max_length=6) == "abc-2"


@pytest.mark.parametrize("text", ["Ə", "ə", "Ş", "ı", "İ"])
def test_single_letters_are_ascii(text):
    assert slugify(text).isascii()
    assert slugify(text) != "story"
