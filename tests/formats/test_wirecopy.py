import datetime
import pickle

import pytest

from newsdesk.formats.wirecopy import WireCopyError, escape_paragraph_start, parse_wire_copy
from newsdesk.stories.dateline import Dateline

ENGLISH = """\
Port workers end strike in Baku

Port workers end strike in Baku

Baku/09.05.23/Turan: Dockers at the Baku International Sea Trade Port went back
to work on Monday after a four-day strike over unpaid overtime.

"We have a written promise now," said Elnur Hasanov, a crane operator.

* The port handled 4.8 million tonnes of cargo last year. -07/22M-

Leave a review

Social

Follow us on social networks

News Line
"""

AZERBAIJANI = """\
Gəncədə yeni körpü açıldı
Gəncədə yeni körpü açıldı

Gəncə/12.10.22/Turan: Şəhərin mərkəzində Kür çayı üzərində yeni piyada körpüsü
istifadəyə verilib.

Sakinlər körpünün gecə işıqlandırılmasından razıdırlar.

* Körpünün tikintisi 2021-ci ildə başlayıb.
-03/14Ə-
Rəy bildirin
"""

RUSSIAN = """\
В Нагорном Карабахе возобновились обстрелы

Nagorno Karabakh/01.09.20/Туран: Жители сообщают о «тяжёлой ночи» 😟 и просят
помощи.

Власти пока не комментируют ситуацию. -11/02К-
"""


def test_english_story_fields():
    story = parse_wire_copy(ENGLISH)
    assert story.headline == "Port workers end strike in Baku"
    assert story.dateline == Dateline("Baku", datetime.date(2023, 5, 9), "Turan")
    assert story.body == (
        "Dockers at the Baku International Sea Trade Port went back to work on Monday"
        " after a four-day strike over unpaid overtime.\n\n"
        '"We have a written promise now," said Elnur Hasanov, a crane operator.'
    )
    assert story.footnote == "The port handled 4.8 million tonnes of cargo last year."
    assert story.desk_code == "07/22M"
    assert story.source_line == 1


def test_page_furniture_is_not_part_of_the_story():
    story = parse_wire_copy(ENGLISH)
    for furniture in ("Leave a review", "Social", "Follow us", "News Line"):
        assert furniture not in story.body
        assert furniture not in story.footnote


def test_azerbaijani_story_with_desk_code_on_its_own_line():
    story = parse_wire_copy(AZERBAIJANI)
    assert story.headline == "Gəncədə yeni körpü açıldı"
    assert story.dateline == Dateline("Gəncə", datetime.date(2022, 10, 12), "Turan")
    assert story.body == (
        "Şəhərin mərkəzində Kür çayı üzərində yeni piyada körpüsü istifadəyə verilib.\n\n"
        "Sakinlər körpünün gecə işıqlandırılmasından razıdırlar."
    )
    assert story.footnote == "Körpünün tikintisi 2021-ci ildə başlayıb."
    assert story.desk_code == "03/14Ə"


def test_russian_story_with_place_containing_a_space_and_desk_code_in_body():
    story = parse_wire_copy(RUSSIAN)
    assert story.headline == "В Нагорном Карабахе возобновились обстрелы"
    assert story.dateline == Dateline("Nagorno Karabakh", datetime.date(2020, 9, 1), "Туран")
    assert story.body == (
        "Жители сообщают о «тяжёлой ночи» 😟 и просят помощи.\n\n"
        "Власти пока не комментируют ситуацию."
    )
    assert story.footnote == ""
    assert story.desk_code == "11/02К"


def test_repeated_headline_with_blank_lines_between_is_dropped():
    story = parse_wire_copy("Floods in Lankaran\n\n\n\nFloods in Lankaran  \n\nRivers rose.\n")
    assert story.headline == "Floods in Lankaran"
    assert story.body == "Rivers rose."


def test_headline_not_repeated_keeps_first_paragraph():
    story = parse_wire_copy("Floods in Lankaran\n\nFloods hit Lankaran on Sunday.\n")
    assert story.body == "Floods hit Lankaran on Sunday."


def test_headline_after_leading_blank_lines_reports_its_line():
    story = parse_wire_copy("\n\n   \nFloods in Lankaran\nRivers rose.\n")
    assert story.headline == "Floods in Lankaran"
    assert story.source_line == 4
    assert story.body == "Rivers rose."


def test_hard_wrapped_lines_join_with_single_spaces():
    text = "Headline\n\nOne line\n  wrapped   \n\there\n\nSecond paragraph.\n"
    assert parse_wire_copy(text).body == "One line wrapped here\n\nSecond paragraph."


def test_crlf_bom_tabs_and_trailing_whitespace():
    text = (
        "\ufeffGas prices rise\t \r\n\r\n"
        "Ganja/02.01.23/APA:\tPrices rose \r\n"
        "by 5%. \r\n\r\n"
        "* Background.  -1/2a-\r\n"
    )
    story = parse_wire_copy(text)
    assert story.headline == "Gas prices rise"
    assert story.dateline == Dateline("Ganja", datetime.date(2023, 1, 2), "APA")
    assert story.body == "Prices rose by 5%."
    assert story.footnote == "Background."
    assert story.desk_code == "1/2a"


def test_old_mac_line_endings():
    story = parse_wire_copy("Headline\r\rBody line\rcontinued.\r")
    assert story.body == "Body line continued."


def test_story_without_dateline_or_desk_code_is_accepted():
    story = parse_wire_copy("Headline\n\nJust a paragraph.\n")
    assert story.dateline is None
    assert story.desk_code == ""
    assert story.footnote == ""
    assert story.body == "Just a paragraph."


def test_desk_code_at_the_end_of_the_last_body_paragraph():
    story = parse_wire_copy("Headline\n\nFirst.\n\nLast words. -05/11K-\n")
    assert story.body == "First.\n\nLast words."
    assert story.desk_code == "05/11K"


def test_desk_code_ends_the_story():
    story = parse_wire_copy("Headline\n\nBody.\n\n-05/11K-\n\nShare this story\n")
    assert story.body == "Body."
    assert story.desk_code == "05/11K"


def test_desk_code_inside_a_wrapped_paragraph_is_text():
    text = "Headline\n\nThe form is numbered -12/3A-\nin the register.\n"
    story = parse_wire_copy(text)
    assert story.body == "The form is numbered -12/3A- in the register."
    assert story.desk_code == ""


def test_hyphenated_word_is_not_a_desk_code():
    story = parse_wire_copy("Headline\n\nCases of covid-19/20A-\n")
    assert story.desk_code == ""
    assert story.body == "Cases of covid-19/20A-"


def test_page_furniture_is_case_insensitive_and_cuts_everything_after():
    text = "Headline\n\nBody.\n\nNEWS LINE\n\nAnother headline\n\nAnother body.\n"
    assert parse_wire_copy(text).body == "Body."


def test_page_furniture_right_after_a_paragraph_line():
    text = "Headline\n\nBody ends here.\nleave a review\nSocial\n"
    assert parse_wire_copy(text).body == "Body ends here."


def test_furniture_words_inside_a_line_are_text():
    text = "Headline\n\nSocial media users leave a review of the News Line app.\n"
    assert parse_wire_copy(text).body == ("Social media users leave a review of the News Line app.")


def test_several_footnote_paragraphs():
    text = "Headline\n\nBody.\n\n* First note.\n\n* Second note\nwrapped. -05/11K-\n"
    story = parse_wire_copy(text)
    assert story.footnote == "First note.\n\nSecond note wrapped."
    assert story.body == "Body."


def test_star_without_space_is_body_text():
    story = parse_wire_copy("Headline\n\n*Update*: talks resumed.\n")
    assert story.body == "*Update*: talks resumed."
    assert story.footnote == ""


def test_dateline_alone_in_its_paragraph():
    story = parse_wire_copy("Headline\n\nBaku/14.03.23/Turan:\n\nThe session opened.\n")
    assert story.dateline == Dateline("Baku", datetime.date(2023, 3, 14), "Turan")
    assert story.body == "The session opened."


def test_dateline_only_opens_the_first_paragraph():
    text = "Headline\n\nFirst paragraph.\n\nBaku/14.03.23/Turan: second.\n"
    story = parse_wire_copy(text)
    assert story.dateline is None
    assert story.body == "First paragraph.\n\nBaku/14.03.23/Turan: second."


def test_text_is_kept_verbatim():
    text = "Başlıq\n\n«Cümə» günü “ictimai” şura ğ ı ö ş ü ç Ə — toplaşdı 🎉\n"
    story = parse_wire_copy(text)
    assert story.headline == "Başlıq"
    assert story.body == "«Cümə» günü “ictimai” şura ğ ı ö ş ü ç Ə — toplaşdı 🎉"


def test_markdown_openings_are_escaped():
    text = (
        "Headline\n\n1. The first point.\n\n# hashtag campaign\n\n- 5 degrees at night\n\n"
        "> quoted\n\n+ plus\n\n---\n\n2023) was a year\n\nPlain text.\n"
    )
    assert parse_wire_copy(text).body.split("\n\n") == [
        "1\\. The first point.",
        "\\# hashtag campaign",
        "\\- 5 degrees at night",
        "\\> quoted",
        "\\+ plus",
        "\\---",
        "2023\\) was a year",
        "Plain text.",
    ]


def test_markdown_escape_after_dateline_and_in_footnote():
    text = "Headline\n\nBaku/14.03.23/Turan: 1. Point one.\n\n* # not a heading\n"
    story = parse_wire_copy(text)
    assert story.body == "1\\. Point one."
    assert story.footnote == "\\# not a heading"


@pytest.mark.parametrize(
    "paragraph",
    ["-5 degrees", "#hashtag", "12.5 million", "2023 was a year", "Ordinary text", "**bold**"],
)
def test_harmless_openings_are_left_alone(paragraph):
    assert escape_paragraph_start(paragraph) == paragraph


@pytest.mark.parametrize("text", ["", "\n\n  \n\t\n", "\ufeff", "\r\n\r\n"])
def test_empty_file_is_an_error_on_line_1(text):
    with pytest.raises(WireCopyError) as caught:
        parse_wire_copy(text)
    assert caught.value.line == 1
    assert "empty" in caught.value.reason


def test_headline_without_body_is_an_error_on_the_headline_line():
    with pytest.raises(WireCopyError) as caught:
        parse_wire_copy("\n\nLonely headline\n\nLonely headline\n\nLeave a review\n")
    assert caught.value.line == 3
    assert str(caught.value) == "line 3: no story body after the headline"


def test_only_footnote_and_desk_code_is_no_body():
    with pytest.raises(WireCopyError, match="no story body") as caught:
        parse_wire_copy("Headline\n\n* Background only. -05/11K-\n")
    assert caught.value.line == 1


def test_invalid_dateline_date_points_to_its_line():
    text = "Headline\n\nHeadline\n\n\nBaku/31.02.23/Turan: The session\nopened.\n"
    with pytest.raises(WireCopyError) as caught:
        parse_wire_copy(text)
    assert caught.value.line == 6
    assert "31.02.23" in caught.value.reason
    assert str(caught.value).startswith("line 6: ")
    assert isinstance(caught.value, ValueError)


def test_invalid_dateline_line_counts_crlf_once():
    text = "Headline\r\n\r\nGanja/30.02.2023/APA: text\r\n"
    with pytest.raises(WireCopyError) as caught:
        parse_wire_copy(text)
    assert caught.value.line == 3


def test_wire_copy_error_survives_pickling():
    error = pickle.loads(pickle.dumps(WireCopyError(7, "bad thing")))
    assert (error.line, error.reason, str(error)) == (7, "bad thing", "line 7: bad thing")
