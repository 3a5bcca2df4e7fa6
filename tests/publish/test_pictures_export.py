"""Pictures in exports: the site's renditions (written once, reused on re-export) and
figures, ninjs associations valid in both versions, the Markdown export's files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsdesk.formats.outputs import export
from newsdesk.publish.export import MANIFEST_NAME, ExportOptions
from newsdesk.stories import articles, pictures
from tests.picture_helpers import jpeg, png
from tests.publish_helpers import schema_errors

HOSTILE = '<script>alert(1)</script> & "quotes"'


@pytest.fixture
def story(db):
    story = articles.create_article({
        "headline": "Port workers end strike", "body": "Dockers went back.",
        "status": "published", "dateline_place": "Baku", "dateline_date": date(2023, 5, 9),
        "dateline_source": "Turan"})
    pictures.add_picture(story.id, jpeg((2000, 1000), gps=True), "port.jpg",
                         caption="Dockers at the port", credit="Turan", alt="Dockers")
    pictures.add_picture(story.id, png((300, 200)), "chart.png", caption=HOSTILE,
                         credit=HOSTILE, alt=HOSTILE)
    return story


def _renditions(out):
    return sorted(p.relative_to(out).as_posix() for p in (out / "pictures").iterdir())


def test_site_writes_renditions_and_figures(story, tmp_path):
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    files = _renditions(out)
    # 2000 px wide: 480, 960 and 1600; 300 px wide: 300 only; each as WebP and JPEG.
    assert len(files) == 3 * 2 + 1 * 2
    assert any(name.endswith("-1600.webp") for name in files)
    assert any(name.endswith("-300.jpg") for name in files)
    page = (out / "stories" / f"{story.slug}.html").read_text()
    lead = page[page.index('<figure class="picture lead-picture">'):]
    lead = lead[:lead.index("</figure>")]
    assert 'width="960" height="480"' in lead and 'loading="lazy"' not in lead
    assert 'sizes="(max-width: 48rem) 100vw, 48rem"' in lead
    assert "-480.webp 480w, ../pictures/" in lead and 'alt="Dockers"' in lead
    assert page.index("lead-picture") < page.index('<div class="body"')
    other = page[page.index('<figure class="picture">'):]
    assert 'loading="lazy"' in other and 'width="300" height="200"' in other
    # Untrusted captions, credits and alt texts never reach the page as markup.
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in other
    # Renditions carry no GPS (or any EXIF) from the original.
    jpeg_bytes = next((out / "pictures").glob("*-480.jpg")).read_bytes()
    assert b"GPS" not in jpeg_bytes and b"Exif" not in jpeg_bytes


def test_re_export_reuses_the_renditions(story, tmp_path):
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    inodes = {p.name: p.stat().st_ino for p in (out / "pictures").iterdir()}
    keys = json.loads((out / MANIFEST_NAME).read_text())["files"]
    other = articles.create_article({"headline": "Another story", "body": "Text.",
                                     "status": "published"})
    result = export(ExportOptions(out=out))
    assert result.files_written < 10  # the new page, the listings; no picture
    assert {p.name: p.stat().st_ino for p in (out / "pictures").iterdir()} == inodes
    # The story itself edited: its page again, its pictures not.
    fresh = articles.save_article(story.id, {"body": "Dockers went back on Monday."},
                                  expected_version=story.version)
    result = export(ExportOptions(out=out))
    assert {p.name: p.stat().st_ino for p in (out / "pictures").iterdir()} == inodes
    now = json.loads((out / MANIFEST_NAME).read_text())["files"]
    assert {k: v for k, v in now.items() if k.startswith("pictures/")} == \
        {k: v for k, v in keys.items() if k.startswith("pictures/")}
    # A picture removed from the only story that showed it leaves the site.
    (second,) = [p for p in pictures.pictures_of(fresh.id) if not p.lead]
    pictures.remove_picture(second.id)
    export(ExportOptions(out=out))
    assert not any(name.startswith(second.sha256[:32]) for name in _renditions(out))
    assert other.id


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_ninjs_associations_with_renditions_are_valid(story, tmp_path, version):
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", ninjs_version=version))
    item = json.loads((out / f"{story.slug}.json").read_text())
    assert schema_errors(item, version) == []
    lead, other = item["associations"]
    assert lead["name"] == "featureimage" and lead["type"] == "picture"
    assert lead["copyrightholder" if version == "2.1" else "copyrightHolder"] == "Turan"
    content_type = "contenttype" if version == "2.1" else "contentType"
    renditions = {r["name"]: r for r in lead["renditions"]}
    assert sorted(renditions) == ["default", "w1600", "w480"]
    assert (renditions["default"]["width"], renditions["default"]["height"]) == (960, 480)
    assert renditions["default"][content_type] == "image/jpeg"
    assert (out / renditions["default"]["href"]).is_file()
    texts = {d["role"]: d["value"] for d in other["descriptions"]}
    assert texts == {"caption": HOSTILE, "alt": HOSTILE}


def test_markdown_export_copies_the_picture_files(story, tmp_path):
    import yaml

    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    text = (out / f"{story.slug}.md").read_text()
    front = yaml.safe_load(text.split("---\n")[1])
    assert len(front["images"]) == 2
    for path in front["images"]:
        assert (out / path).is_file() and path.endswith(".jpg")
    lead, other = front["pictures"]
    assert lead["src"].endswith("-1600.jpg") and lead["lead"] is True
    assert (other["caption"], other["alt"]) == (HOSTILE, HOSTILE)
    # What newsdesk reads back from its own export is unaffected by the pictures.
    from newsdesk.formats.importer import read_story_file

    (read,) = read_story_file(out / f"{story.slug}.md", "markdown")
    assert read.fields["body"] == "Dockers went back."


@pytest.mark.postgres
def test_pictures_on_postgresql(pg_db, tmp_path):
    from newsdesk.store.models import ExportStamp

    story = articles.create_article({"headline": "Team mode picture", "body": "Text.",
                                     "status": "published"})
    before = ExportStamp.get_by_id(story.id).stamp
    data = jpeg((1000, 500), iptc={"caption": "From IPTC"})
    added = pictures.add_picture(story.id, data, "a.jpg", alt="Alt")
    again = articles.create_article({"headline": "Same picture", "body": "Text.",
                                     "status": "published"})
    assert pictures.add_picture(again.id, data, "b.jpg", alt="Alt").blob_id == added.blob_id
    assert ExportStamp.get_by_id(story.id).stamp > before
    assert pictures.image_data(added.blob_id) == data
    assert articles.article_to_dict(story)["pictures"][0]["caption"] == "From IPTC"
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    assert len(_renditions(out)) == 3 * 2  # 480, 960 and 1000 (its width), WebP and JPEG


def test_ninjs_import_brings_in_pictures_from_local_files(story, tmp_path, cli):
    """Our own ninjs export, read into another newsroom, brings its pictures along."""
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs"))
    database = str(tmp_path / "other.sqlite3")
    result = cli("import", str(out / f"{story.slug}.json"), "--db", database)
    assert result.returncode == 0, result.stderr
    shown = json.loads(cli("show", story.slug, "--json", "--db", database).stdout)
    lead, other = shown["pictures"]
    assert (lead["caption"], lead["credit"], lead["alt"], lead["lead"]) == (
        "Dockers at the port", "Turan", "Dockers", True)
    assert (lead["width"], lead["height"]) == (1600, 800)  # the widest rendition
    assert other["caption"] == HOSTILE and other["alt"] == HOSTILE
    # Importing it again brings nothing twice.
    assert cli("import", str(out / f"{story.slug}.json"), "--db", database).returncode == 0
    shown = json.loads(cli("show", story.slug, "--json", "--db", database).stdout)
    assert len(shown["pictures"]) == 2


def test_ninjs_import_refuses_a_picture_outside_its_folder(db, tmp_path):
    from newsdesk.errors import UserError
    from newsdesk.formats.importer import read_story_file

    item = {"uri": "urn:agency:9", "headlines": [{"role": "main", "value": "Headline"}],
            "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Text."}],
            "associations": [{"name": "featureimage", "uri": "urn:x", "type": "picture",
                              "renditions": [{"name": "default",
                                              "href": "../../etc/passwd"}]}]}
    path = tmp_path / "item.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    with pytest.raises(UserError, match="outside the file's folder"):
        read_story_file(path, "ninjs")
