"""Pictures placed in the body (``![alt](picture:HASH)``): the same <figure> as the lead
on the site and in the preview, nothing harmful for a dangling or hostile reference, and
Markdown and ninjs exports that import back with the pictures where they were."""

from __future__ import annotations

import json
import re

import pytest

from newsdesk.errors import UserError
from newsdesk.formats.importer import import_files, read_story_file
from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportOptions
from newsdesk.publish.render import markdown_to_html
from newsdesk.publish.story_page import render_preview_page
from newsdesk.publish.surroundings import surroundings_for
from newsdesk.store.db import open_database
from newsdesk.stories import articles, picture_refs, pictures
from tests.picture_helpers import jpeg, png

HOSTILE = '<script>alert(1)</script> & "quotes"'


@pytest.fixture
def story(db):
    story = articles.create_article({"headline": "Port workers end strike",
                                     "body": "Dockers went back.", "status": "draft",
                                     "dateline_place": "Baku"})
    lead = pictures.add_picture(story.id, jpeg((2000, 1000)), "port.jpg",
                                caption="Dockers at the port", credit="Turan", alt="Dockers")
    chart = pictures.add_picture(story.id, png((300, 200)), "chart.png", caption=HOSTILE,
                                 credit=HOSTILE, alt=HOSTILE)
    body = ("Dockers went back to work on Tuesday.\n\n"
            f"{picture_refs.reference(chart.sha256, '<script>x</script>')}\n\n"
            "The union called it a victory.")
    articles.save_article(story.id, {"body": body},
                          expected_version=articles.get_article(story.id).version)
    for status in ("edited", "ready", "published"):
        articles.set_status(story.id, status)
    return articles.get_article(story.id), lead, chart


def _body_of(page: str) -> str:
    start = page.index('<div class="body"')
    return page[start:page.index("</div>", start)]


def test_the_site_prints_a_placed_picture_where_the_body_puts_it(story, tmp_path):
    article, lead, chart = story
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    page = (out / "stories" / f"{article.slug}.html").read_text()
    body = _body_of(page)
    figure = body[body.index('<figure class="picture"'):body.index("</figure>")]
    assert body.index("Tuesday") < body.index("<figure") < body.index("victory")
    assert 'loading="lazy"' in figure and 'width="300" height="200"' in figure
    assert 'sizes="(max-width: 48rem) 100vw, 48rem"' in figure
    assert f"../pictures/{chart.sha256[:32]}-300.webp 300w" in figure
    assert (out / "pictures" / f"{chart.sha256[:32]}-300.jpg").is_file()
    # Placed in the body, it is not printed again after it; the lead stays on top.
    assert page.count(chart.sha256[:32] + "-300.jpg") == 2  # src and srcset, once
    assert page.index("lead-picture") < page.index('<div class="body"')
    # Its own texts, escaped; the brackets' text is not printed at all.
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in figure
    assert "x&lt;/script&gt;" not in page


def test_the_preview_shows_the_same_figure_with_its_line(story):
    article, _lead, chart = story
    surroundings = surroundings_for(article.id, pictures=True)
    page = render_preview_page({"headline": article.headline, "body": article.body},
                               surroundings)
    body = _body_of(page)
    assert re.search(r'<figure class="picture" data-line="2">', body)
    assert f"{chart.sha256[:32]}-300.jpg" in body and "file:" in body
    assert "<script>" not in page


def test_a_dangling_reference_is_left_out_of_the_site_and_named_in_the_preview(story):
    article, _lead, _chart = story
    text = "Before.\n\n![gone](picture:0123456789ab)\n\nAfter ![x](picture:abcdef99) end."
    site = markdown_to_html(text)
    assert "picture:" not in site and "<figure" not in site and "<img" not in site
    assert "<p>After  end.</p>" in site
    page = render_preview_page({"headline": "H", "body": text},
                               surroundings_for(article.id, pictures=True))
    assert 'class="missing-picture"' in _body_of(page)
    assert "0123456789ab" in _body_of(page)
    # And the story cannot be ready while it refers to a picture it does not have.
    draft = articles.create_article({"headline": "Another", "body": text,
                                     "dateline_place": "Baku", "status": "edited"})
    with pytest.raises(UserError, match="0123456789ab"):
        articles.set_status(draft.id, "ready")


def test_typed_slot_characters_make_no_picture(story):
    article, _lead, chart = story
    forged = f'<figure>\ue002{chart.sha256[:12]}\ue004</figure> \ue003{chart.sha256[:12]}\ue004'
    page = render_preview_page({"headline": "H", "body": forged},
                               surroundings_for(article.id, pictures=True))
    assert chart.sha256[:32] not in _body_of(page)


def test_a_reference_among_text_is_a_picture_in_the_paragraph(story):
    article, _lead, chart = story
    text = f"Chart {picture_refs.reference(chart.sha256)} here."
    page = render_preview_page({"headline": "H", "body": text},
                               surroundings_for(article.id, pictures=True))
    paragraph = re.search(r"<p[^>]*>Chart (.*?) here\.</p>", page, re.S)
    assert paragraph and "<picture>" in paragraph.group(1)
    assert 'loading="lazy"' in paragraph.group(1) and "<figure" not in paragraph.group(1)


def test_markdown_export_writes_the_file_and_imports_back(story, tmp_path):
    article, lead, chart = story
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    text = (out / f"{article.slug}.md").read_text()
    src = f"pictures/{chart.sha256[:32]}-300.jpg"
    # The generators get an image of the copied file, its alt text made safe.
    assert f"![&lt;script>alert(1)&lt;/script> & \"quotes\"]({src})" in text
    body = text.split("---\n", 2)[2]
    assert (out / src).is_file() and "picture:" not in body and "<script" not in body
    (read,) = read_story_file(out / f"{article.slug}.md", "markdown")
    assert len(read.pictures) == 2
    # Into another newsroom: the pictures come in, and the body shows the chart again.
    other = tmp_path / "other.sqlite3"
    opened = open_database(str(other), create=True)
    try:
        (new_id,) = import_files([out / f"{article.slug}.md"], "markdown")
        found = pictures.pictures_of(new_id)
        body = articles.get_article(new_id).body
        refs = picture_refs.references(body)
        assert len(refs) == 1 and not picture_refs.dangling(body, [p.sha256 for p in found])
        placed = next(p for p in found if p.sha256.startswith(refs[0].prefix))
        assert (placed.caption, placed.alt) == (HOSTILE, HOSTILE)
        assert [p.lead for p in found] == [True, False]
    finally:
        opened.close()


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_ninjs_carries_a_placed_picture_and_imports_back(story, tmp_path, cli, version):
    article, _lead, chart = story
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", ninjs_version=version))
    item = json.loads((out / f"{article.slug}.json").read_text())
    html_body, markdown_body = item["bodies"][0]["value"], item["bodies"][1]["value"]
    href = f"pictures/{chart.sha256[:32]}-300.jpg"
    assert f'<img src="{href}"' in html_body and "webp" not in html_body
    assert "<script>" not in html_body and f"({href})" in markdown_body
    hrefs = {r["href"] for a in item["associations"] for r in a["renditions"]}
    assert href in hrefs  # the placed picture is one of the associations
    # Read into another newsroom, the body shows the picture that came with it.
    database = str(tmp_path / "other.sqlite3")
    assert cli("import", str(out / f"{article.slug}.json"), "--db", database).returncode == 0
    shown = json.loads(cli("show", article.slug, "--json", "--db", database).stdout)
    refs = picture_refs.references(shown["body"])
    assert len(refs) == 1
    assert picture_refs.resolve(refs[0].prefix, [p["sha256"] for p in shown["pictures"]])
    # Read back into this one, it brings no picture twice and names the stored chart.
    (read,) = read_story_file(out / f"{article.slug}.json", "ninjs")
    from newsdesk.formats.placed_pictures import with_stored_pictures

    with_stored_pictures(read, [lead.sha256 for lead in pictures.pictures_of(article.id)])
    assert read.pictures == []
    assert picture_refs.references(read.fields["body"])[0].prefix == chart.sha256[:12]


def test_markdown_import_brings_the_images_beside_a_generators_file(db, tmp_path):
    import hashlib

    folder = tmp_path / "content"
    (folder / "img").mkdir(parents=True)
    gate = jpeg(colour=(5, 90, 5))
    (folder / "img" / "gate.jpg").write_bytes(gate)
    (tmp_path / "secret.jpg").write_bytes(jpeg())
    (folder / "story.md").write_text(
        "---\ntitle: Gate reopens\n---\n\nText.\n\n![The gate](img/gate.jpg)\n\n"
        "![far](../secret.jpg) ![web](https://example.com/y.jpg) ![gone](img/none.jpg)\n\n"
        "`![code](img/gate.jpg)`\n", encoding="utf-8")
    (story,) = read_story_file(folder / "story.md", "markdown")
    assert [(p.alt, p.data) for p in story.pictures] == [("The gate", gate)]
    body = story.fields["body"]
    assert f"![The gate](picture:{hashlib.sha256(gate).hexdigest()[:12]})" in body
    # Files outside its folder, web addresses, missing files and code stay as they were.
    assert "![far](../secret.jpg) ![web](https://example.com/y.jpg) ![gone](img/none.jpg)" \
        in body and "`![code](img/gate.jpg)`" in body


def test_a_listed_picture_that_is_missing_is_refused_with_its_line(db, tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: T\npictures: [{src: pictures/none.jpg, alt: A}]\n---\n\n"
                    "Text.\n", encoding="utf-8")
    with pytest.raises(UserError, match="none.jpg") as caught:
        read_story_file(path, "markdown")
    assert (caught.value.line, caught.value.field) == (3, "pictures")


def test_a_reference_in_code_is_left_as_typed_when_a_brought_picture_is_renamed():
    import hashlib

    from newsdesk.formats.imported import ImportedPicture, ImportedStory
    from newsdesk.formats.placed_pictures import with_stored_pictures

    rendition = ImportedPicture(data=jpeg(colour=(9, 9, 200)), name="pictures/x-960.jpg",
                                origin="ab" * 16)
    brought = hashlib.sha256(rendition.data).hexdigest()[:12]
    stored = "ab" * 16 + "cd" * 16  # the picture the rendition was made from
    body = (f"![Chart](picture:{brought})\n\n"
            f"Write `![Chart](picture:{brought})` to place it.\n\n"
            f"```\n![Chart](picture:{brought})\n```\n")
    story = ImportedStory(fields={"body": body}, source="x.json", pictures=[rendition])
    with_stored_pictures(story, [stored])
    assert story.pictures == []
    assert story.fields["body"] == body.replace(f"![Chart](picture:{brought})\n\nWrite",
                                                f"![Chart](picture:{stored[:12]})\n\nWrite")
