"""--geocoder: opt-in online geocoding from the CLI, against a local Nominatim-like server only."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from typer.testing import CliRunner

from extract.cli import _geocoder_config, app

TEXT = "A bomb exploded in Berlin on Monday, killing two people.\n"


class FakeNominatim(BaseHTTPRequestHandler):
    """/search?q=...&format=json answered like Nominatim; status set per test."""

    status = 200
    queries: list[str] = []
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        q = parse_qs(url.query).get("q", [""])[0]
        type(self).queries.append(q)
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if self.status != 200:
            body = b'{"error": "internal"}'
        else:
            body = json.dumps(
                [
                    {
                        "place_id": 4242,
                        "lat": "12.5",
                        "lon": "-7.25",
                        "display_name": f"{q}, Testland",
                        "addresstype": "city",
                        "type": "city",
                        "address": {"city": q, "country_code": "de"},
                    }
                ]
            ).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    FakeNominatim.status = 200
    FakeNominatim.queries = []
    FakeNominatim.agents = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _args(report: Path, server, *extra: str) -> list[str]:
    host, port = server.server_address[:2]
    return [
        str(report), "--format", "json", "--reference-date", "2020-01-06",
        "--geocoder", "nominatim", "--user-agent", "extract-tests/1.0",
        "--geocoder-option", f"domain={host}:{port}", "--geocoder-option", "scheme=http",
        "--geocoder-option", "min_delay_seconds=0", "--geocoder-option", "timeout=5",
        *extra,
    ]


def _berlin(doc: dict) -> dict:
    return next(e for e in doc["entities"] if e["type"] == "PLACE" and e["text"] == "Berlin")


def test_online_geocoder_gives_the_servers_coordinates(report, server, tmp_path) -> None:
    cache = tmp_path / "geocache.json"
    result = CliRunner().invoke(app, _args(report, server, "--geocoder-cache", str(cache)))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    berlin = _berlin(doc)
    assert (berlin["latitude"], berlin["longitude"]) == (12.5, -7.25)
    assert berlin["country_code"] == "DE"
    assert doc["errors"] == []
    assert "Berlin" in FakeNominatim.queries
    assert set(FakeNominatim.agents) == {"extract-tests/1.0"}
    # the cache answers the second run without the server
    assert "Berlin" in cache.read_text(encoding="utf-8")
    n = len(FakeNominatim.queries)
    FakeNominatim.status = 500
    again = CliRunner().invoke(app, _args(report, server, "--geocoder-cache", str(cache)))
    assert again.exit_code == 0, again.stderr
    assert len(FakeNominatim.queries) == n
    assert json.loads(again.stdout) == doc


def test_server_error_falls_back_to_offline_and_is_recorded(report, server) -> None:
    FakeNominatim.status = 500
    result = CliRunner().invoke(app, _args(report, server))
    assert result.exit_code == 0, result.stderr  # a failed geocode is not a failed document
    doc = json.loads(result.stdout)
    berlin = _berlin(doc)
    assert berlin["latitude"] == pytest.approx(52.52, abs=0.1)  # the offline gazetteer's Berlin
    assert berlin["country_code"] == "DE"
    codes = [e["code"] for e in doc["errors"]]
    assert codes and set(codes) == {"geocode_failed"}
    assert any("Berlin" in e["message"] and "offline" in e["message"] for e in doc["errors"])
    assert FakeNominatim.queries  # the server was asked


@pytest.mark.parametrize(
    "args, message",
    [
        (["--geocoder", "no-such-service"], "unknown --geocoder 'no-such-service'"),
        (["--geocoder", "nominatim"], "needs --user-agent"),
        (["--user-agent", "x"], "--user-agent needs an online --geocoder"),
        (["--geocoder-option", "domain=127.0.0.1:1"], "needs an online --geocoder"),
        (["--geocoder", "nominatim", "--user-agent", "x", "--geocoder-option", "novalue"], "is not KEY=VALUE"),
        (["--geocoder", "nominatim", "--user-agent", "x", "--geocoder-option", "bogus=1"], "bad --geocoder-option"),
    ],
)
def test_usage_errors_are_one_line_exit_2(report, args, message) -> None:
    result = CliRunner().invoke(app, [str(report), *args])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("extract: error: ") and message in lines[0], result.stderr


def test_geocoder_config_mapping(tmp_path) -> None:
    assert _geocoder_config("offline", None, None, []) is None
    cfg = _geocoder_config(
        "Nominatim", "me/1.0", tmp_path / "c.json", ["domain=127.0.0.1:8080", "scheme=http", "timeout=10", "min_delay_seconds=0.5"]
    )
    assert cfg == {
        "extract_places": {
            "geocoder": "nominatim",
            "geocoder_options": {
                "domain": "127.0.0.1:8080", "scheme": "http", "timeout": 10, "min_delay_seconds": 0.5,
                "user_agent": "me/1.0", "cache_path": str(tmp_path / "c.json"),
            },
        }
    }
