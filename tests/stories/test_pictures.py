"""Pictures in stories: what is accepted and refused, metadata pre-fill, one stored file
per content, alt text before ready, the CLI's ``pictures add`` and ``show --json``."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsdesk.errors import UserError
from newsdesk.publish.picture_markdown import exported
from newsdesk.store.models import ExportStamp, Picture, PictureBlob
from newsdesk.stories import articles, images, pictures
from tests.picture_helpers import bomb, jpeg, png, webp


@pytest.fixture
def story(db):
    return articles.create_article({"headline": "Port workers end strike", "body": "Text.",
                                    "status": "edited", "dateline_place": "Baku",
                                    "dateline_date": date(2023, 5, 9),
                                    "dateline_source": "Turan"})


def test_caption_and_credit_come_from_iptc(story):
    data = jpeg(iptc={"caption": "Dockers at  the port", "credit": "Turan",
                      "byline": "Elnur Hasanov"})
    added = pictures.add_picture(story.id, data, "port.jpg", alt="Dockers walking")
    assert (added.caption, added.credit, added.alt) == ("Dockers at the port", "Turan",
                                                        "Dockers walking")
    assert added.lead and added.content_type == "image/jpeg"
    assert (added.width, added.height) == (64, 48)


def test_xmp_wins_over_iptc_and_the_byline_stands_in_for_a_missing_credit(story):
    data = jpeg(iptc={"caption": "IPTC caption"},
                xmp={"caption": "XMP caption", "credit": "", "byline": "Leyla M."})
    added = pictures.add_picture(story.id, data, "x.jpg")
    assert (added.caption, added.credit) == ("XMP caption", "Leyla M.")


def test_given_texts_win_over_metadata(story):
    data = jpeg(iptc={"caption": "From file", "credit": "File credit"})
    added = pictures.add_picture(story.id, data, "x.jpg", caption="Mine", credit="")
    assert (added.caption, added.credit) == ("Mine", "")


def test_exif_orientation_turns_width_and_height(story):
    added = pictures.add_picture(story.id, jpeg((80, 20), orientation=6), "turned.jpg")
    assert (added.width, added.height) == (20, 80)
    made = images.rendition(images.inspect(jpeg((80, 20), orientation=6), "t").data, 480,
                            "image/jpeg")
    assert (made.width, made.height) == (20, 80)


def test_renditions_leave_gps_and_other_metadata_behind():
    data = jpeg((100, 80), gps=True, iptc={"caption": "secret place"})
    assert b"secret place" in data
    for kind in ("image/jpeg", "image/webp"):
        made = images.rendition(data, 50, kind)
        assert (made.width, made.height) == (50, 40)
        from io import BytesIO

        from PIL import Image

        opened = Image.open(BytesIO(made.data))
        assert 0x8825 not in opened.getexif() and b"secret place" not in made.data


def test_png_and_webp_are_accepted(story):
    assert pictures.add_picture(story.id, png(), "a.png").content_type == "image/png"
    assert pictures.add_picture(story.id, webp(), "b.webp").content_type == "image/webp"


@pytest.mark.parametrize(("data", "reason"), [
    (b"<html>not a picture</html>", "not an image"),
    (jpeg()[:200], "damaged"),
    (bomb(), "decompression bomb"),
])
def test_non_images_broken_files_and_bombs_are_refused_with_nothing_stored(story, data,
                                                                           reason):
    with pytest.raises(UserError, match=reason) as caught:
        pictures.add_picture(story.id, data, "bad.jpg")
    assert "bad.jpg" in str(caught.value)
    assert Picture.select().count() == 0 and PictureBlob.select().count() == 0


def test_a_gif_is_refused_by_kind(story):
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (4, 4)).save(out, "GIF")
    with pytest.raises(UserError, match="a GIF image; pictures must be JPEG, PNG or WebP"):
        pictures.add_picture(story.id, out.getvalue(), "anim.gif")


def test_size_limit(story, monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    with pytest.raises(UserError, match=r"at most 0 MB"):
        pictures.add_picture(story.id, jpeg((300, 300)), "big.jpg")


def test_one_stored_file_per_content_and_no_picture_twice_in_a_story(story):
    other = articles.create_article({"headline": "Another", "body": "Text."})
    data = jpeg()
    first = pictures.add_picture(story.id, data, "a.jpg")
    second = pictures.add_picture(other.id, data, "same.jpg")
    assert first.blob_id == second.blob_id and PictureBlob.select().count() == 1
    with pytest.raises(UserError, match="already in the story"):
        pictures.add_picture(story.id, data, "again.jpg")
    pictures.remove_picture(first.id)
    assert PictureBlob.select().count() == 1  # still used by the other story
    pictures.remove_picture(second.id)
    assert PictureBlob.select().count() == 0


def test_lead_picture_and_order(story):
    first = pictures.add_picture(story.id, jpeg(colour=(1, 2, 3)), "1.jpg")
    second = pictures.add_picture(story.id, jpeg(colour=(9, 9, 9)), "2.jpg")
    third = pictures.add_picture(story.id, jpeg(colour=(90, 9, 9)), "3.jpg", lead=True)
    assert [p.id for p in pictures.pictures_of(story.id)] == [third.id, first.id, second.id]
    pictures.update_picture(first.id, lead=True)
    assert [p.lead for p in pictures.pictures_of(story.id)] == [True, False, False]
    pictures.move_picture(third.id, 5)
    assert [p.id for p in pictures.pictures_of(story.id)][1:] == [second.id, third.id]


def test_alt_text_is_required_before_ready(story):
    added = pictures.add_picture(story.id, jpeg(), "a.jpg")
    with pytest.raises(UserError, match="1 picture.* without alt text"):
        articles.set_status(story.id, "ready")
    pictures.update_picture(added.id, alt="   ")
    with pytest.raises(UserError, match="alt text"):
        articles.set_status(story.id, "ready")
    pictures.update_picture(added.id, alt="Dockers walk back to work")
    assert articles.set_status(story.id, "ready").status == "ready"


MADE_UP = "![x](picture:abcdef123456)"  # a hash of no picture, as in a code sample


@pytest.mark.parametrize("body", [
    f"How to place a picture:\n\n```\n{MADE_UP}\n```\n\nThat is all.",
    f"How to place a picture:\n\n~~~markdown\n{MADE_UP}\n~~~\n",
    f"How to place a picture:\n\n    {MADE_UP}\n\nThat is all.",
    f"Type `{MADE_UP}` where the picture goes.",
    f"Type ``{MADE_UP}`` where the picture goes, or `this`.",
], ids=["fenced", "tilde-fence", "indented", "inline", "double-backticks"])
def test_a_reference_in_code_is_text_for_the_ready_check_as_for_the_exports(story, body):
    articles.save_article(story.id, {"body": body}, expected_version=story.version)
    assert exported(body, lambda _hash: None) == body  # the exports leave it as typed
    assert articles.set_status(story.id, "ready").status == "ready"


def test_a_reference_outside_code_still_keeps_the_story_from_ready(story):
    body = f"Sample: `{MADE_UP}`\n\n{MADE_UP}"
    articles.save_article(story.id, {"body": body}, expected_version=story.version)
    with pytest.raises(UserError, match="picture abcdef123456, which is not one of"):
        articles.set_status(story.id, "ready")


def test_a_picture_change_moves_the_export_stamp(story):
    def stamp() -> int:
        return ExportStamp.get_by_id(story.id).stamp

    before = stamp()
    added = pictures.add_picture(story.id, jpeg(), "a.jpg")
    after_add = stamp()
    pictures.update_picture(added.id, caption="New")
    after_edit = stamp()
    pictures.remove_picture(added.id)
    assert before < after_add < after_edit < stamp()


def test_cli_pictures_add_and_show_json(cli, tmp_path):
    database = str(tmp_path / "news.sqlite3")
    wire = tmp_path / "story.txt"
    wire.write_text("Port workers end strike\n\nBaku/09.05.23/Turan: Dockers went back.\n",
                    encoding="utf-8")
    assert cli("import", str(wire), "--db", database).returncode == 0
    image = tmp_path / "port.jpg"
    image.write_bytes(jpeg(iptc={"caption": "Dockers", "credit": "Turan"}))
    added = cli("pictures", "add", "port-workers-end-strike", str(image), "--db", database)
    assert added.returncode == 0, added.stderr
    assert "added picture 1 to story 'port-workers-end-strike' (64x48 image/jpeg" \
        in added.stdout
    assert "no alt text yet" in added.stdout
    shown = json.loads(cli("show", "port-workers-end-strike", "--json", "--db",
                           database).stdout)
    (picture,) = shown["pictures"]
    assert picture["caption"] == "Dockers" and picture["credit"] == "Turan"
    assert picture["alt"] == "" and picture["lead"] is True

    bad = tmp_path / "notes.jpg"
    bad.write_text("just text", encoding="utf-8")
    refused = cli("pictures", "add", "port-workers-end-strike", str(bad), "--db", database)
    assert refused.returncode == 1
    assert refused.stderr.strip() == f"newsdesk: error: {bad}: not an image (JPEG, PNG or WebP)"
    missing = cli("pictures", "add", "port-workers-end-strike", str(tmp_path / "none.jpg"),
                  "--db", database)
    assert missing.returncode == 1 and "cannot read the image" in missing.stderr
    second = tmp_path / "second.png"
    second.write_bytes(png())
    given = cli("pictures", "add", "1", str(second), "--caption", "A <b>caption</b>",
                "--credit", "Me", "--alt", "Green square", "--lead", "--db", database)
    assert given.returncode == 0 and "the lead picture" in given.stdout


def test_db_copy_carries_pictures_byte_for_byte(cli, tmp_path):
    source, target = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    from newsdesk.store.db import open_database

    opened = open_database(str(source), create=True)
    try:
        story = articles.create_article({"headline": "With pictures", "body": "Text."})
        data = [jpeg(colour=(n * 40, 10, 10)) for n in range(6)]
        for number, image in enumerate(data):
            pictures.add_picture(story.id, image, f"{number}.jpg", alt=f"Picture {number}")
    finally:
        opened.close()
    result = cli("db", "copy", "--from", str(source), "--to", str(target))
    assert result.returncode == 0, result.stderr
    opened = open_database(str(target))
    try:
        copied = pictures.pictures_of(story.id)
        assert [p.alt for p in copied] == [f"Picture {n}" for n in range(6)]
        assert [pictures.image_data(p.blob_id) for p in copied] == data
    finally:
        opened.close()


def _with_two_pictures(story_id: int) -> None:
    pictures.add_picture(story_id, jpeg(colour=(10, 200, 10)), "first.jpg",
                         caption="Dockers at the gate", credit="Turan", alt="Dockers")
    pictures.add_picture(story_id, png(), "second.png", caption="The port",
                         credit="APA", alt="Cranes", lead=True)


def _shape(article_id: int) -> list[tuple]:
    return [(p.blob_id, p.caption, p.credit, p.alt, p.lead, p.filename)
            for p in pictures.pictures_of(article_id)]


def test_a_translation_gets_the_source_pictures_on_the_same_files(story):
    from newsdesk.stories import translations

    _with_two_pictures(story.id)
    made = translations.make_translation(story.id, "az")
    assert _shape(made.id) == _shape(story.id)
    assert [p.caption for p in pictures.pictures_of(made.id)] == ["The port",
                                                                 "Dockers at the gate"]
    assert PictureBlob.select().count() == 2  # the files are shared, not copied
    # Removing the translation's picture keeps the source's file.
    pictures.remove_picture(pictures.pictures_of(made.id)[0].id)
    assert PictureBlob.select().count() == 2
    assert len(pictures.pictures_of(story.id)) == 2


def test_a_duplicate_gets_the_pictures_too(story):
    _with_two_pictures(story.id)
    copy = articles.duplicate_article(story.id)
    assert _shape(copy.id) == _shape(story.id)
    assert Picture.select().count() == 4 and PictureBlob.select().count() == 2


def test_copying_into_a_story_with_pictures_keeps_its_own_lead(story):
    other = articles.create_article({"headline": "Another"})
    pictures.add_picture(other.id, webp(), "own.webp", alt="Own")
    _with_two_pictures(story.id)
    assert pictures.copy_pictures(story.id, other.id) == 2
    found = pictures.pictures_of(other.id)
    assert [p.filename for p in found] == ["own.webp", "first.jpg", "second.png"]
    assert [p.lead for p in found] == [True, False, False]
    assert pictures.copy_pictures(story.id, other.id) == 0  # nothing twice
