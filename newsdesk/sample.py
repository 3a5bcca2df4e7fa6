"""Filling a database with the sample content shipped in ``resources/sample/`` (``--demo``)."""

from __future__ import annotations

import json
from typing import Any

from newsdesk.assets import resource_path
from newsdesk.moderation import reviews
from newsdesk.moderation import rule_store as moderation_rules
from newsdesk.people import registry as entities
from newsdesk.store.models import Article, ArticleTag, database_proxy
from newsdesk.store.timestamps import as_date, parse_time
from newsdesk.stories import articles, translations


def _load(name: str) -> Any:
    return json.loads(resource_path("sample", name).read_text(encoding="utf-8"))


def _store_entities() -> dict[str, int]:
    ids = {}
    for item in _load("entities.json"):
        entity = entities.create_entity(item["kind"], item["name"], aliases=item["aliases"],
                                        description=item.get("description") or "",
                                        uri=item.get("uri"), latitude=item.get("latitude"),
                                        longitude=item.get("longitude"))
        ids[item["name"]] = entity.id
    return ids


def _store_article(item: dict[str, Any], entity_ids: dict[str, int]) -> None:
    dateline = item.get("dateline") or {}
    fields = {
        "headline": item["headline"], "body": item["body"], "footnote": item["footnote"],
        "desk_code": item["desk_code"], "byline": item["byline"], "section": item["section"],
        "language": item["language"], "urgency": item["urgency"], "status": item["status"],
        "dateline_place": dateline.get("place", ""),
        "dateline_date": as_date(dateline.get("date")),
        "dateline_source": dateline.get("source", ""),
    }
    # The shipped sample gives every story its created and updated times.
    article = articles.create_article(fields, slug=item["slug"],
                                      created_at=parse_time(item["created"]), reason="import")
    published = item.get("published")
    Article.update(updated_at=parse_time(item["updated"]),
                   published_at=parse_time(published) if published else None).where(
        Article.id == article.id).execute()
    for tag in item.get("people", []) + item.get("organisations", []) + item.get("places", []):
        ArticleTag.create(article=article, entity=entity_ids[tag["name"]],
                          relation=tag["relation"])
    # As an import does: the dateline's place (the shipped gazetteer knows the sample's).
    entities.tag_dateline_place(article.id)


def load_sample_content() -> None:
    """Entities, stories (their translations linked), moderation rules, then reviews (so
    the rules apply to them)."""
    with database_proxy.atomic():
        entity_ids = _store_entities()
        groups: dict[str, list[str]] = {}  # the sample's stories told in several languages
        for item in _load("articles.json"):
            _store_article(item, entity_ids)
            if item.get("translation_group"):
                groups.setdefault(item["translation_group"], []).append(item["slug"])
        for slugs in groups.values():
            translations.link(slugs)
        moderation_rules.replace_rules(_load("rules.json"))
        records = [reviews.ReviewRecord(data, index + 1)
                   for index, data in enumerate(_load("reviews.json"))]
        reviews.import_records(records, source="sample/reviews.json")
