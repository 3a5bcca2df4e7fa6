"""The official IPTC ninjs schemas (2.1 and 3.1, shipped in ``resources/standards``):
checking what is read, and fitting what an agency sent into the version being written.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from typing import Any

from newsdesk.assets import resource_path

GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"
_SCHEMA_FILES = {2: "ninjs-schema_2.1.json", 3: "ninjs-schema_3.1.json"}
_UNEXPECTED = ("additionalProperties", "unevaluatedProperties")
# Removing what one version does not allow takes a round per level of nesting.
_MAX_ROUNDS = 8


@cache
def validator(major: int, *, formats: bool = False) -> tuple[Any, frozenset[str]]:
    """The schema's validator (GeoJSON registered under the address the schema uses, which
    is never fetched) and the top-level property names it allows. ``formats`` also checks
    the formats the schema names (what is written is held to that; what is read is not,
    as agencies' files are not)."""
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource

    schema = json.loads(resource_path("standards", "ninjs", _SCHEMA_FILES[major])
                        .read_text(encoding="utf-8"))
    geojson = json.loads(resource_path("standards", "geojson", "GeoJSON.json")
                         .read_text(encoding="utf-8"))
    registry = Registry().with_resource(GEOJSON_URI, Resource.from_contents(geojson))
    checker = FormatChecker() if formats else None
    return (Draft202012Validator(schema, registry=registry, format_checker=checker),
            frozenset(schema["$defs"]["ninjsType"]["properties"]))


def unexpected_names(error: Any) -> list[str]:
    """The property names an "additional/unevaluated properties" error is about."""
    if error.validator not in _UNEXPECTED or not isinstance(error.instance, dict):
        return []
    return [name for name in re.findall(r"'([^']+)'", error.message)
            if name in error.instance]


def fitted(item: dict[str, Any], major: int) -> dict[str, Any]:
    """``item`` with what the schema of ``major`` does not allow left out: a property one
    version lacks (2.1's ``ticker``, 3.1's ``eventDetails`` or an event's ``id``), or a
    whole top-level value that is not valid there. What newsdesk itself writes is valid
    in both versions; this only ever trims what an agency sent in the other one."""
    check, known = validator(major, formats=True)
    result = {key: value for key, value in item.items() if key in known}
    for key in list(result):
        if key == "uri":
            continue
        candidate = copy.deepcopy(result[key])
        for _ in range(_MAX_ROUNDS):
            errors = list(check.iter_errors({"uri": result["uri"], key: candidate}))
            if not errors:
                result[key] = candidate
                break
            if not _drop_unexpected(candidate, errors, key):
                del result[key]
                break
        else:
            del result[key]
    return result


def _drop_unexpected(value: Any, errors: list[Any], key: str) -> bool:
    """Remove the unexpected properties the errors name (inside the one top-level value
    ``key`` checked); False when an error is of another kind, so the value cannot be
    kept."""
    for error in errors:
        names = unexpected_names(error)
        if not error.absolute_path and set(names) <= {key}:
            continue  # the top level's echo of an error inside the value
        if not names:
            return False
        path = list(error.absolute_path)[1:]  # below the top-level key
        target = value
        for step in path:
            target = target[step]
        for name in names:
            target.pop(name, None)
    return True
