"""The gazetteer shipped in ``resources/gazetteer/places.tsv``: Azerbaijan's cities,
districts and regions and the world's countries and capitals, named in en, az and ru, with
coordinates and a GeoNames or ISO 3166-2 URI (``packaging/build_gazetteer.py`` builds it).

Read on first use (a few milliseconds), so a session that never suggests never pays for
it. The suggestion index adds its places under negative ids (``index.add_gazetteer``),
except those the newsroom's registry already has.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsdesk.assets import read_text
from newsdesk.search.folding import fold

FILE = ("gazetteer", "places.tsv")


@dataclass(frozen=True)
class Place:
    uri: str
    latitude: float | None
    longitude: float | None
    type: str  # city | district | region | capital | country
    country: str  # ISO 3166-1 alpha-2
    en: str
    az: str
    ru: str
    aliases: tuple[str, ...]

    def name_in(self, language: str) -> str:
        return {"az": self.az, "ru": self.ru}.get(language, self.en) or self.en

    @property
    def spellings(self) -> tuple[str, ...]:
        """The English name first (the canonical one), then az, ru and the aliases."""
        return tuple(dict.fromkeys(s for s in (self.en, self.az, self.ru, *self.aliases) if s))


def _parse(line: str) -> Place:
    uri, lat, lon, kind, country, en, az, ru, aliases = line.split("\t")
    return Place(uri, float(lat) if lat else None, float(lon) if lon else None, kind, country,
                 en, az, ru, tuple(a for a in aliases.split("|") if a))


@cache
def places() -> tuple[Place, ...]:
    lines = read_text(*FILE).splitlines()
    return tuple(_parse(line) for line in lines if line and not line.startswith("#"))


def _normalized(name: str) -> str:
    return " ".join(fold(name).split())


@cache
def _by_name() -> dict[str, Place]:
    found: dict[str, Place] = {}
    # Azerbaijan's own places first: "Şəki" is the city before any namesake abroad.
    ordered = sorted(places(), key=lambda p: (p.country != "AZ", p.type == "district"))
    for place in ordered:
        for spelling in place.spellings:
            found.setdefault(_normalized(spelling), place)
    return found


def lookup(name: str) -> Place | None:
    """The place called ``name`` in any of its spellings (folded), or None."""
    return _by_name().get(_normalized(name))
