"""The online fallback end to end against a fake Nominatim on 127.0.0.1 (no real network):
answers are stored with provenance and reused offline; 500s and timeouts are reported, not fatal."""

from __future__ import annotations

import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geo.cli import main
from geo.core.errors import InputError
from geo.gazetteer import GazetteerStore, Resolver
from geo.gazetteer.online import OnlineGeocoder

BOHDANIVKA = {
    "place_id": 90210,
    "osm_type": "node",
    "osm_id": 337123456,
    "lat": "48.6353",
    "lon": "37.8717",
    "class": "place",
    "type": "village",
    "addresstype": "village",
    "name": "Bohdanivka",
    "display_name": "Bohdanivka, Chasiv Yar urban hromada, Bakhmut Raion, Donetsk Oblast, Ukraine",
    "address": {
        "village": "Bohdanivka",
        "district": "Bakhmut Raion",
        "state": "Donetsk Oblast",
        "country": "Ukraine",
        "country_code": "ua",
    },
}


class FakeNominatim(BaseHTTPRequestHandler):
    mode = "ok"
    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 (http.server API)
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        type(self).requests.append(
            {"path": url.path, "agent": self.headers.get("User-Agent"), **params}
        )
        if self.mode == "500":
            self.send_error(500, "Internal Server Error")
            return
        if self.mode == "slow":
            time.sleep(1.5)
        body = (
            [BOHDANIVKA]
            if self.mode == "ok" and params.get("q", "").startswith("Bohdanivka")
            else []
        )
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except BrokenPipeError:  # the client timed out first, as the timeout test wants
            pass

    def log_message(self, *_args):
        pass


@pytest.fixture()
def server():
    FakeNominatim.requests = []
    FakeNominatim.mode = "ok"
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def store(gazetteer_store, tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer_store.path, path)
    s = GazetteerStore(path)
    yield s
    s.close()


def geocoder(server, **kwargs) -> OnlineGeocoder:
    options = {
        "domain": f"127.0.0.1:{server.server_port}",
        "scheme": "http",
        "min_delay_seconds": 0.0,
        "timeout": 0.5,
        "retries": 1,
        "backoff_seconds": 0.01,
    }
    return OnlineGeocoder("nominatim", **{**options, **kwargs})


BAKHMUT_BOHDANIVKA = "ua:UA14020130020016018"


def test_online_answer_is_stored_and_reused_offline(server, store):
    resolver = Resolver(store, online=geocoder(server))
    # Donetsk oblast has four Bohdanivkas: offline, none is picked; the online answer (48.6353,
    # 37.8717) lies 2.6 km from the one near Bakhmut (48.6179, 37.8972), which it therefore names
    res = resolver.resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert str(res.resolution) == "online" and int(res.precision) == 1
    assert res.place.place_id == BAKHMUT_BOHDANIVKA and res.admin1_name == "Donetska oblast"
    assert abs(res.place.lat - 48.6179) < 0.001 and abs(res.place.lon - 37.8972) < 0.001
    assert "stored for offline use" in res.reason
    (request,) = FakeNominatim.requests
    assert request["path"] == "/search" and request["q"] == "Bohdanivka, Donetsk Oblast"
    assert request["countrycodes"] == "ua,ru,by,md" and request["agent"].startswith("frontline/")
    # provenance in the store: the answer is a name of that village, no new place
    assert store.place("online:nominatim:node/337123456") is None
    names = store.names_of(BAKHMUT_BOHDANIVKA)
    assert any(
        src == "online:nominatim" and "answer to 'Bohdanivka, Donetsk Oblast' at 20" in why
        for *_, src, why in names
    )
    # the next run is offline: no online geocoder, no request, same place
    again = Resolver(GazetteerStore(store.path)).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert again.place.place_id == BAKHMUT_BOHDANIVKA and int(again.precision) == 1
    assert "online answer (nominatim)" in again.reason
    assert len(FakeNominatim.requests) == 1


def test_names_in_the_gazetteer_never_go_online(server, store):
    Resolver(store, online=geocoder(server)).resolve("Bakhmut")
    assert FakeNominatim.requests == []


@pytest.mark.parametrize(
    ("mode", "error"), [("500", "GeocoderServiceError"), ("slow", "GeocoderTimedOut")]
)
def test_failing_server_is_reported_not_fatal(server, store, mode, error):
    FakeNominatim.mode = mode
    online = geocoder(server, retries=1)
    res = Resolver(store, online=online).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert str(res.resolution) == "region_fallback" and res.place.place_id == "adm:UA.05"
    assert "online: nominatim failed" in res.reason and error in res.reason
    assert len(FakeNominatim.requests) == 2  # one retry with backoff
    assert online.notes and error in online.notes[0]
    assert (
        store.conn.execute("SELECT COUNT(*) FROM places WHERE source LIKE 'online:%'").fetchone()[0]
        == 0
    )


def test_nothing_found_is_noted(server, store):
    res = Resolver(store, online=geocoder(server)).resolve("Qwertyuiopgrad")
    assert str(res.resolution) == "unresolved" and "nominatim found nothing" in res.reason


def test_rate_limiter_spaces_calls(server, store):
    online = geocoder(server, min_delay_seconds=0.4)
    started = time.perf_counter()
    online.lookup("Nowhere one")
    online.lookup("Nowhere two")
    assert time.perf_counter() - started >= 0.4


def test_public_nominatim_needs_one_second_between_calls():
    with pytest.raises(InputError, match="one request per second"):
        OnlineGeocoder("nominatim", min_delay_seconds=0.1)
    assert OnlineGeocoder("nominatim")._geocode.min_delay_seconds >= 1.0
    with pytest.raises(InputError, match="unknown online geocoder"):
        OnlineGeocoder("bing")


def test_cli_online_flag(server, store, monkeypatch, capsys):
    monkeypatch.setenv("FRONTLINE_GEOCODER_DOMAIN", f"127.0.0.1:{server.server_port}")
    monkeypatch.setenv("FRONTLINE_GEOCODER_SCHEME", "http")
    monkeypatch.setenv("FRONTLINE_GEOCODER_MIN_DELAY", "0")
    args = ["geocode", "Bohdanivka", "--admin1", "Donetsk Oblast", "--gazetteer", str(store.path)]
    assert main([*args, "--online"]) == 0
    out = capsys.readouterr().out
    assert "online" in out and "48.61789, 37.89723" in out
    assert main(args) == 0  # offline now
    assert f"Bohdanivka ({BAKHMUT_BOHDANIVKA})" in capsys.readouterr().out
    assert len(FakeNominatim.requests) == 1


def test_extract_online_decides_a_namesake_and_keeps_region_fallback_otherwise(
    server, store, monkeypatch, tmp_path
):
    """Nothing in this report tells Donetsk oblast's Bohdanivkas (or Hryhorivkas) apart: offline,
    both stay at region level; the online answer names one Bohdanivka (the fake server knows no
    Hryhorivka, which stays honest at region level with the reason)."""
    monkeypatch.setenv("FRONTLINE_GEOCODER_DOMAIN", f"127.0.0.1:{server.server_port}")
    monkeypatch.setenv("FRONTLINE_GEOCODER_SCHEME", "http")
    monkeypatch.setenv("FRONTLINE_GEOCODER_MIN_DELAY", "0")
    out = tmp_path / "report.geojson"
    seed = tmp_path / "report.txt"
    seed.write_text(
        "Ukraine's military said it repelled attacks near Bohdanivka and Hryhorivka, both in the "
        "Donetsk region.",
        encoding="utf-8",
    )
    args = ["extract", str(seed), "--published", "2023-03-21", "--gazetteer", str(store.path)]
    assert main([*args, "--online", "-o", str(out), "-q"]) == 0
    rows = {
        f["properties"]["location"]: f["properties"]
        for f in json.loads(out.read_text())["features"]
    }
    bohdanivka, hryhorivka = rows["Bohdanivka"], rows["Hryhorivka"]
    assert bohdanivka["resolution"] == "online" and bohdanivka["geo_precision"] == 2  # "near"
    assert (
        abs(bohdanivka["latitude"] - 48.6179) < 0.01
        and abs(bohdanivka["longitude"] - 37.8972) < 0.01
    )
    assert (
        hryhorivka["resolution"] == "region_fallback"
        and "found nothing" in hryhorivka["resolution_reason"]
        and hryhorivka["ambiguous"]
    )
    assert main([*args, "--online", "--workers", "2"]) == 2
