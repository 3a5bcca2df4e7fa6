import datetime
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.stories.dateline import (
    Dateline,
    DatelineError,
    format_date_short,
    parse_dateline,
    read_dateline,
)


def test_printed_full_dateline():
    dateline = Dateline("Baku", datetime.date(2022, 12, 28), "Turan")
    assert dateline.printed() == "Baku/28.12.22/Turan:"


def test_printed_pads_day_month_and_year():
    dateline = Dateline("Ganja", datetime.date(2005, 3, 7), "APA")
    assert dateline.printed() == "Ganja/07.03.05/APA:"


def test_printed_leaves_out_missing_parts():
    assert Dateline("Baku", None, "Turan").printed() == "Baku/Turan:"
    assert Dateline("", datetime.date(2023, 1, 2), "Turan").printed() == "02.01.23/Turan:"
    assert Dateline("Baku", None, "").printed() == "Baku:"
    assert Dateline("", datetime.date(2013, 7, 9), "").printed() == "09.07.13:"
    assert Dateline("", None, "").printed() == ""


def test_an_agency_alone_keeps_its_slash():
    assert Dateline("", None, "TT").printed() == "/TT:"


def test_a_year_of_another_century_is_printed_whole():
    assert Dateline("Baku", datetime.date(1999, 1, 31), "Turan").printed() == \
        "Baku/31.01.1999/Turan:"


def test_format_date_short():
    assert format_date_short(datetime.date(2023, 11, 5)) == "05.11.23"
    assert format_date_short(datetime.date(1999, 1, 31)) == "31.01.99"


def test_parse_simple_dateline_and_rest():
    found = parse_dateline("Baku/14.03.23/Turan: The Milli Majlis adopted the law.")
    assert found == (
        Dateline("Baku", datetime.date(2023, 3, 14), "Turan"),
        "The Milli Majlis adopted the law.",
    )


def test_parse_place_with_space_and_hyphen():
    dateline, rest = parse_dateline("Nagorno Karabakh/01.09.20/Turan:   Shelling resumed.")
    assert dateline == Dateline("Nagorno Karabakh", datetime.date(2020, 9, 1), "Turan")
    assert rest == "Shelling resumed."
    dateline, _ = parse_dateline("Nagorno-Karabakh/01.09.20/Turan: x")
    assert dateline.place == "Nagorno-Karabakh"


def test_parse_azerbaijani_and_cyrillic_places():
    dateline, rest = parse_dateline("Gəncə/05.06.23/Turan: Şəhərdə yağış yağıb.")
    assert dateline == Dateline("Gəncə", datetime.date(2023, 6, 5), "Turan")
    assert rest == "Şəhərdə yağış yağıb."
    dateline, rest = parse_dateline("Баку/05.06.23/Туран: Парламент принял закон.")
    assert dateline == Dateline("Баку", datetime.date(2023, 6, 5), "Туран")
    assert rest == "Парламент принял закон."


def test_parse_four_digit_year_and_single_digit_day_month():
    dateline, _ = parse_dateline("Baku/4.3.2023/Turan: text")
    assert dateline.date == datetime.date(2023, 3, 4)


def test_two_digit_years_are_this_century():
    assert parse_dateline("Baku/01.01.99/Turan: x")[0].date == datetime.date(2099, 1, 1)
    assert parse_dateline("Baku/01.01.00/Turan: x")[0].date == datetime.date(2000, 1, 1)


def test_place_runs_to_the_last_date():
    dateline, rest = parse_dateline("Baku/Sumgait/14.03.23/Turan: text")
    assert dateline.place == "Baku/Sumgait"
    assert dateline.source == "Turan"
    assert rest == "text"


def test_dateline_alone_leaves_empty_rest():
    assert parse_dateline("Baku/14.03.23/Turan:") == (
        Dateline("Baku", datetime.date(2023, 3, 14), "Turan"),
        "",
    )


def test_printed_round_trips_through_parse():
    dateline = Dateline("Nagorno Karabakh", datetime.date(2022, 12, 28), "Turan")
    assert parse_dateline(dateline.printed() + " Body.") == (dateline, "Body.")


@pytest.mark.parametrize(
    "text",
    [
        "The Milli Majlis adopted the law on 14.03.23.",
        "Baku/14.03/Turan: no year",
        "Baku/14.03.2023 Turan: no slash before the agency",
        "/14.03.23/Turan: no place",
        "Baku/14.03.23/: no agency",
        "Baku/14.03.123/Turan: three-digit year",
        "Note: Baku/14.03.23/Turan: not at the start",
        "",
    ],
)
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


def test_invalid_date_raises_naming_the_date():
    with pytest.raises(DatelineError) as caught:
        parse_dateline("Baku/31.02.23/Turan: text")
    assert isinstance(caught.value, ValueError)
    assert caught.value.date_text == "31.02.23"
    assert "'31.02.23'" in str(caught.value)


def test_month_thirteen_raises():
    with pytest.raises(DatelineError, match="14.13.23"):
        parse_dateline("Ganja/14.13.23/APA: text")


def test_dateline_error_survives_pickling():
    error = pickle.loads(pickle.dumps(DatelineError("31.02.23", "day is out of range")))
    assert str(error) == "invalid dateline date '31.02.23': day is out of range"


# -- read_dateline: a dateline standing alone, any of its parts missing -------------------

@pytest.mark.parametrize("text, place, day, source", [
    ("Baku/14.03.23/Turan:", "Baku", datetime.date(2023, 3, 14), "Turan"),
    ("Baku/14.03.23/Turan", "Baku", datetime.date(2023, 3, 14), "Turan"),
    ("09.07.13:", "", datetime.date(2013, 7, 9), ""),
    ("26.05.21/TT:", "", datetime.date(2021, 5, 26), "TT"),
    ("Oslo/26.05.21:", "Oslo", datetime.date(2021, 5, 26), ""),
    ("Oslo/NTB:", "Oslo", None, "NTB"),
    ("Oslo:", "Oslo", None, ""),
    ("/TT:", "", None, "TT"),
    ("Baku/Sumgait/14.03.23/Turan:", "Baku/Sumgait", datetime.date(2023, 3, 14), "Turan"),
    ("Nagorno Karabakh/4.3.2023/Turan", "Nagorno Karabakh", datetime.date(2023, 3, 4),
     "Turan"),
    ("Baku/31.01.1999/Turan:", "Baku", datetime.date(1999, 1, 31), "Turan"),
    ("", "", None, ""),
    (" : ", "", None, ""),
])
def test_read_dateline(text, place, day, source):
    assert read_dateline(text) == Dateline(place, day, source)


def test_read_dateline_refuses_a_date_that_does_not_exist():
    with pytest.raises(DatelineError, match="31.02.23"):
        read_dateline("31.02.23/TT:")


def _is_date(text: str) -> bool:
    return read_dateline(text).date is not None


# The parts an editor types: words, digits, dots, dashes and inner spaces; no colon, no
# slash, no spaces around, and not themselves a date.
_WORD = st.text("aBkuTNəğşçöüıİБакуТАСС0123456789 .-'()", min_size=1, max_size=20)
NAMES = _WORD.map(str.strip).filter(lambda text: text != "" and not _is_date(text))
DATES = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))


@given(st.one_of(st.just(""), NAMES), st.one_of(st.none(), DATES),
       st.one_of(st.just(""), NAMES))
def test_every_dateline_reads_back_as_printed(place, day, source):
    dateline = Dateline(place, day, source)
    assert read_dateline(dateline.printed()) == dateline
    assert read_dateline(dateline.printed().removesuffix(":")) == dateline


@given(st.lists(NAMES, min_size=2, max_size=3).map("/".join), st.one_of(st.none(), DATES),
       NAMES)
def test_a_place_with_slashes_reads_back_when_a_date_or_agency_follows(place, day, source):
    dateline = Dateline(place, day, source)
    assert read_dateline(dateline.printed()) == dateline
