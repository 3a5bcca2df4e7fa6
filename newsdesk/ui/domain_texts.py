"""The domain's sentences (``newsdesk.texts``) in the window's language.

The domain declares each phrase with an id and its English template; this table gives
``pyside6-lupdate`` the same English to translate, one ``tr()`` per phrase, and the window
fills the translated template with the domain's values. ``test_domain_texts.py`` checks
that every declared phrase is here and that its English here matches the domain's.
A phrase counted by ``count`` uses Qt's plural forms (``%n``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from newsdesk.errors import UserError
from newsdesk.stories import workflow
from newsdesk.texts import Text, fill
from newsdesk.ui.i18n import lower, number_text, tr

Values = Mapping[str, Any]

TEMPLATES: dict[str, Callable[[Values], str]] = {
    # Story statuses and review queues: single words on buttons, lists and filters.
    "status.draft": lambda v: tr("Draft", "status"),
    "status.edited": lambda v: tr("Edited", "status"),
    "status.ready": lambda v: tr("Ready", "status"),
    "status.published": lambda v: tr("Published", "status"),
    "status.killed": lambda v: tr("Killed", "status"),
    "status.other": lambda v: tr("{status}", "a status newsdesk does not know, as stored"),
    "queue.pending": lambda v: tr("Pending", "review queue"),
    "queue.flagged": lambda v: tr("Flagged", "review queue"),
    "queue.approved": lambda v: tr("Approved", "review queue"),
    "queue.rejected": lambda v: tr("Rejected", "review queue"),
    "queue.spam": lambda v: tr("Spam", "review queue"),
    # Moving a story along the workflow.
    "workflow.unknown_status": lambda v: tr("unknown status {status} (choose from {choices})"),
    "workflow.no_direct_move": lambda v: tr(
        "a {current:lower} story cannot become {target:lower} directly"),
    "workflow.needs": lambda v: tr("{target:lower} needs {missing}",
                                   "e.g. ready needs a headline, a body"),
    "workflow.missing.headline": lambda v: tr("a headline", "what a story needs"),
    "workflow.missing.dateline_place": lambda v: tr("a dateline place", "what a story needs"),
    "workflow.missing.body": lambda v: tr("a body", "what a story needs"),
    # Saving a story.
    "story.no_such_story": lambda v: tr("no story {story} (give its slug, id or uuid)"),
    "story.this_story": lambda v: tr("this story"),
    "story.number": lambda v: tr("story {id}"),
    "story.deleted_for_good": lambda v: tr("story {id} was deleted for good"),
    "story.in_trash": lambda v: tr("{headline} is in the trash: restore it to edit it"),
    "story.saved_elsewhere": lambda v: tr(
        "{headline} was saved elsewhere meanwhile (version {version}, you edited version "
        "{edited})"),
    "story.saved_elsewhere_short": lambda v: tr("{headline} was saved elsewhere meanwhile"),
    "story.locked_elsewhere": lambda v: tr(
        "{headline} is {lock} in another window; take it over to save here"),
    "story.urgency_range": lambda v: tr("urgency must be between 1 and 9"),
    # Pictures.
    "pictures.needs_alt": lambda v: tr(
        "%n picture(s) without alt text: describe each for readers who cannot see it "
        "before the story is ready", "", int(v["count"])),
    "pictures.already_in": lambda v: tr("this picture is already in the story"),
    "pictures.no_such_picture": lambda v: tr("no picture {id}"),
    "pictures.not_in_story": lambda v: tr(
        "the body shows picture {ref}, which is not one of the story's pictures: add the "
        "picture or take the reference out"),
    "headline.too_long": lambda v: tr("{length} characters, more than the {limit} a headline "
                                      "may have; shorten it"),
    "story.refused": lambda v: tr("{headline}: {reason}", "a story and why it cannot move"),
    "body.too_deep": lambda v: tr(
        "line {line} nests lists or quotes more than {levels} levels deep"),
    "body.too_many_openers": lambda v: tr(
        "the body has too many unclosed '[', '(' or '<' (each makes rendering read on to "
        "the end of its paragraph); close or remove them"),
    "body.too_much_markup": lambda v: tr(
        "the body has {count} '{mark}' characters (at most {limit}): so many make rendering "
        "slow; remove them"),
    "lock.being_edited": lambda v: tr("being edited by {holder} since {time}"),
    # The fields of a story, as revisions and diffs name them.
    "field.headline": lambda v: tr("Headline"),
    "field.dateline_place": lambda v: tr("Place"),
    "field.dateline_date": lambda v: tr("Date"),
    "field.dateline_source": lambda v: tr("Agency"),
    "field.byline": lambda v: tr("Byline"),
    "field.body": lambda v: tr("Body"),
    "field.footnote": lambda v: tr("Footnote"),
    "field.desk_code": lambda v: tr("Desk code"),
    # People and organisations.
    "entity.uri_not_web": lambda v: tr("the external URI must start with http:// or https://"),
    "entity.name_required": lambda v: tr("a name is required"),
    "entity.merge_into_itself": lambda v: tr("cannot merge an entity into itself"),
    "entity.already_merged": lambda v: tr("that entity was already merged into another one"),
    "entity.kind.person": lambda v: tr("person"),
    "entity.kind.organisation": lambda v: tr("organisation"),
    "entity.kind.place": lambda v: tr("place", "a kind of registry entry"),
    "entity.relation.about": lambda v: tr("about", "the story is about this tag"),
    "entity.relation.mentioned": lambda v: tr("mentioned", "the story mentions this tag"),
    "entity.relation.located": lambda v: tr("located", "the story happens at this place"),
    "entity.bad_latitude": lambda v: tr("the latitude must be a number from -90 to 90"),
    "entity.bad_longitude": lambda v: tr("the longitude must be a number from -180 to 180"),
    # Why the rules flagged a review.
    "flag.banned_author": lambda v: tr("banned author: {author}"),
    "flag.banned_word": lambda v: tr("banned word: {word}"),
    "flag.suspect": lambda v: tr("suspect word: {word}"),
    "flag.links": lambda v: tr("%n link(s)", "", v["count"]),
    "flag.repeat": lambda v: tr("repeat of a review on {original}"),
    "flag.repeated_review": lambda v: tr("{date} under “{headline}”",
                                         "the date and story of an earlier review"),
    "flag.shouting": lambda v: tr("shouting (mostly capitals)"),
    "flag.hidden": lambda v: tr("hidden characters: {characters}"),
    "flag.long": lambda v: tr("very long (%Ln character(s))", "", v["count"]),
    # Kinds of flag where flags are counted (the dashboard, the queue's narrowing).
    "flag_name.links": lambda v: tr("Links", "a kind of flag"),
    "flag_name.suspect": lambda v: tr("Suspect words", "a kind of flag"),
    "flag_name.repeat": lambda v: tr("Repeats", "a kind of flag"),
    "flag_name.shouting": lambda v: tr("Shouting", "a kind of flag"),
    "flag_name.banned_word": lambda v: tr("Banned words", "a kind of flag"),
    "flag_name.banned_author": lambda v: tr("Banned authors", "a kind of flag"),
    "flag_name.hidden": lambda v: tr("Hidden characters", "a kind of flag"),
    "flag_name.long": lambda v: tr("Very long", "a kind of flag"),
    # Who decided a review, when it was not a moderator.
    "decider.rules": lambda v: tr("automatic rules", "who decided a review"),
    "decider.not_recorded": lambda v: tr("not recorded", "who decided a review"),
    # A wait, in short units (the dashboard).
    "duration.days_hours": lambda v: tr("{days} d {hours} h", "days and hours"),
    "duration.days": lambda v: tr("{days} d", "days"),
    "duration.hours_minutes": lambda v: tr("{hours} h {minutes} min", "hours and minutes"),
    "duration.hours": lambda v: tr("{hours} h", "hours"),
    "duration.minutes": lambda v: tr("{minutes} min", "minutes"),
    "duration.seconds": lambda v: tr("{seconds} s", "seconds"),
    # Reading a file of reviews (shown as file:line: field: reason).
    "review_file.no_such_file": lambda v: tr("no such file"),
    "review_file.is_a_folder": lambda v: tr("is a folder, not a review file"),
    "review_file.cannot_read": lambda v: tr("cannot read ({reason})"),
    "review_file.empty": lambda v: tr("empty file (no reviews, not even a header or '[]')"),
    "review_file.not_utf8": lambda v: tr("not valid UTF-8 (byte 0x{byte} at offset {offset})"),
    "review_file.nul": lambda v: tr("contains a NUL character (\\0): not a text file"),
    "review_file.not_json": lambda v: tr("expected a JSON array or JSON Lines"),
    "review_file.expected_object": lambda v: tr("expected an object, found {found}"),
    "review_file.expected_array": lambda v: tr("expected a JSON array"),
    "review_file.bad_json": lambda v: tr("bad JSON ({reason})"),
    "review_file.bad_csv": lambda v: tr("bad CSV ({reason})"),
    "review_file.no_header": lambda v: tr("empty file (expected a header row)"),
    "review_file.column_twice": lambda v: tr("the header names this column twice"),
    "review_file.missing_columns": lambda v: tr("missing column(s) {columns}", "", v["count"]),
    "review_file.cell_count": lambda v: tr("{cells} cells, the header has {columns}"),
    "review.not_a_time": lambda v: tr("not an ISO 8601 time: {value}"),
    "review.rating_range": lambda v: tr("must be 1 to 5, not {value}"),
    "review.expected_text": lambda v: tr("expected text, found {found}"),
    "review.missing": lambda v: tr("missing", "a required value is missing"),
    "review.no_such_story": lambda v: tr("no story {story} in this database"),
    "review.duplicate_id": lambda v: tr("duplicate id {id} (first on line {first})"),
    "review.no_author_to_ban": lambda v: tr("this review has no author to ban"),
    # The database.
    "database.locked": lambda v: tr(
        "the database is locked by another program; close it and try again"),
    "database.read_only": lambda v: tr("the database is read-only"),
    "database.disk_full": lambda v: tr("the disk is full; free some space and try again "
                                       "({detail})"),
    "database.damaged": lambda v: tr("the database file is damaged; restore it from a "
                                     "backup ({detail})"),
    "database.connection_lost": lambda v: tr(
        "lost the connection to the database server ({detail})"),
    "database.disk_failed": lambda v: tr("the disk failed ({detail})"),
    "database.gone": lambda v: tr("cannot open the database file; was it moved or deleted? "
                                  "({detail})"),
    "database.as_reported": lambda v: tr("{detail}", "a database driver's own message"),
}

# The fields an error may name before its reason ("urgency: ...").
FIELD_LABELS: dict[str, Callable[[], str]] = {
    "headline": lambda: tr("headline", "a story's field"),
    "body": lambda: tr("body", "a story's field"),
    "status": lambda: tr("status", "a story's field"),
    "urgency": lambda: tr("urgency", "a story's field"),
    "name": lambda: tr("name", "an entry's field"),
    "kind": lambda: tr("kind", "an entry's field"),
    "uri": lambda: tr("external URI", "an entry's field"),
    "author": lambda: tr("author", "a review's field"),
    "rating": lambda: tr("rating", "a review's field"),
    "submitted": lambda: tr("submitted", "a review's field"),
    "article": lambda: tr("article", "a review's field"),
    "text": lambda: tr("text", "a review's field"),
    "id": lambda: tr("id", "a review's field"),
}


def translated(text: Text) -> str:
    """A domain sentence in the window's language (English for one not in the table)."""
    template = TEMPLATES.get(text.phrase.id)
    if template is None:
        return str(text)
    return fill(template(text.values), text.values, shown, lower)


def shown(value: Any) -> str:
    """A value inside a sentence: phrases translated, numbers as the language writes them."""
    if isinstance(value, Text):
        return translated(value)
    if isinstance(value, list | tuple):
        return tr(", ", "between the items of a list").join(shown(item) for item in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_text(value)
    return str(value)


def status_label(status: str) -> str:
    """A story's status (Draft, Ready...) in the window's language."""
    return translated(workflow.status_name(status))


def kind_name(kind: str) -> str:
    """An entry's kind (person, organisation) in the window's language."""
    # The registry's module comes with the panels that show tags, after the first frame.
    from newsdesk.people import registry

    phrase = registry.KIND_NAMES.get(kind)
    return translated(phrase()) if phrase else kind


def relation_name(relation: str) -> str:
    """A tag's relation (about, mentioned) in the window's language."""
    from newsdesk.people import registry

    phrase = registry.RELATION_NAMES.get(relation)
    return translated(phrase()) if phrase else relation


def error_text(exc: UserError) -> str:
    """A ``UserError``'s one line in the window's language (where it is, then why)."""
    where = ""
    if exc.file:
        where = exc.file + (f":{exc.line}" if exc.line else "") + ": "
    elif exc.line:
        where = tr("line {line}: ").format(line=exc.line)
    if exc.field:
        label = FIELD_LABELS.get(exc.field)
        where += f"{label() if label else exc.field}: "
    return where + (translated(exc.text) if exc.text is not None else exc.reason)
