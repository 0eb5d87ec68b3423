"""The online fallback end to end against a fake Nominatim on 127.0.0.1 (no real network):
answers are stored with provenance and reused offline; 500s and timeouts are reported, not fatal."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geo.cli import main
from geo.core.errors import InputError
from geo.gazetteer import GazetteerStore, Resolver
from geo.gazetteer.online import OnlineGeocoder
from geo.gazetteer.resolve import Resolution
from geo.gazetteer.store import remember_checked

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

    answer: object = None  # a canned (hostile) answer body, sent as JSON
    statuses: list[tuple[int, dict[str, str]]] = []  # answered first, one a request
    stop = threading.Event()

    def do_GET(self):  # noqa: N802 (http.server API)
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        type(self).requests.append(
            {"path": url.path, "agent": self.headers.get("User-Agent"), **params}
        )
        if self.mode == "500":
            self.send_error(500, "Internal Server Error")
            return
        if self.statuses:
            status, headers = type(self).statuses.pop(0)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.mode in ("hang", "drip"):
            self._stall()
            return
        if self.mode == "slow":
            time.sleep(1.5)
        body = (
            [BOHDANIVKA]
            if self.mode == "ok" and params.get("q", "").startswith("Bohdanivka")
            else []
        )
        if self.answer is not None:
            body = self.answer
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except BrokenPipeError:  # the client timed out first, as the timeout test wants
            pass

    def _stall(self) -> None:
        """Headers, then nothing ("hang") or one byte every 0.2 s ("drip"), until the test ends."""
        data = json.dumps([BOHDANIVKA]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.flush()
        try:
            for byte in data:
                if self.stop.wait(0.2 if self.mode == "drip" else 60):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
        except OSError:
            pass

    def log_message(self, *_args):
        pass


@pytest.fixture()
def server():
    FakeNominatim.requests = []
    FakeNominatim.mode = "ok"
    FakeNominatim.answer = None
    FakeNominatim.statuses = []
    FakeNominatim.stop = threading.Event()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    FakeNominatim.stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def store(gazetteer_store, tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer_store.path, path)
    remember_checked(path)  # a byte copy of the checked default store: no second quick_check
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
    ("mode", "error", "asked"),
    [("500", "GeocoderServiceError", 2), ("slow", "no complete answer within 0.5 s", 1)],
)
def test_failing_server_is_reported_not_fatal(server, store, mode, error, asked):
    FakeNominatim.mode = mode
    online = geocoder(server, retries=1)
    res = Resolver(store, online=online).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert str(res.resolution) == "region_fallback" and res.place.place_id == "adm:UA.05"
    assert "online: nominatim failed" in res.reason and error in res.reason
    # a 500 is retried once with backoff; a server too slow to answer is not asked again
    assert len(FakeNominatim.requests) == asked
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


# -- issue 15: the online fallback fails soft --------------------------------------------------


def _online_rows(store) -> tuple[int, int]:
    conn = store.conn
    places = conn.execute("SELECT COUNT(*) FROM places WHERE source LIKE 'online:%'").fetchone()
    names = conn.execute("SELECT COUNT(*) FROM names WHERE source LIKE 'online:%'").fetchone()
    return places[0], names[0]


@pytest.mark.parametrize("mode", ["hang", "drip"])
def test_a_stalled_server_costs_one_name_budget_then_the_run_is_offline(server, store, mode):
    """Headers then silence, or one byte every 0.2 s: geopy's timeout is per socket read, so the
    drip never timed out (a byte a second: minutes per name). Now the whole response has a
    deadline (the name's budget) and the rest of the run goes on offline with one note."""
    FakeNominatim.mode = mode
    online = geocoder(server, timeout=30.0, name_budget=1.0, retries=2)
    resolver = Resolver(store, online=online)
    started = time.perf_counter()
    first = resolver.resolve("Bohdanivka", admin1="Donetsk Oblast")
    second = resolver.resolve("Qwertyuiopgrad")
    third = resolver.resolve("Asdfghjklivka")
    elapsed = time.perf_counter() - started
    # one 1 s budget, then offline: ~1 s here; without the deadline the drip takes minutes and
    # the hang 30 s per try. The bound leaves room for a loaded 2-core machine (4.7 s seen).
    assert elapsed < 10.0, elapsed
    assert str(first.resolution) == "region_fallback" and "no complete answer" in first.reason
    for res in (second, third):
        assert str(res.resolution) == "unresolved" and "offline for the rest of this run" in (
            res.reason
        )
    assert len(FakeNominatim.requests) == 1  # no retry against a stalled server, nothing after
    assert len([n for n in online.notes if "offline for the rest of this run" in n]) == 1
    assert _online_rows(store) == (0, 0)


def test_a_read_timing_out_inside_geopys_wrapper_is_a_stall(monkeypatch):
    """geopy turns a timed-out body read into "Unable to read the response" raised inside the
    read's ``except``: the timeout is only the error's context. Under load the read can time
    out a moment before the deadline's own wait does; it is the same stall either way, not a
    service error to retry (which read "… no time left to retry" on a busy machine)."""
    from geopy.adapters import URLLibAdapter
    from geopy.exc import GeocoderServiceError

    from geo.gazetteer import online

    def timed_out_read(self, url, *, timeout, headers):
        try:
            raise TimeoutError("timed out")
        except Exception:
            raise GeocoderServiceError("Unable to read the response")  # noqa: B904 (as geopy)

    monkeypatch.setattr(URLLibAdapter, "get_text", timed_out_read)
    adapter = online.DeadlineAdapter(proxies=None, ssl_context=None)
    adapter.deadline = time.monotonic() + 5.0
    with pytest.raises(online._GiveUp, match="no complete answer"):
        adapter.get_text("http://127.0.0.1:9/", timeout=1.0, headers={})

    def refused(self, url, *, timeout, headers):
        raise GeocoderServiceError("Non-successful status code 500")

    monkeypatch.setattr(URLLibAdapter, "get_text", refused)
    with pytest.raises(GeocoderServiceError, match="500"):
        adapter.get_text("http://127.0.0.1:9/", timeout=1.0, headers={})


def test_run_budget_turns_the_rest_of_the_run_offline(server, store):
    FakeNominatim.mode = "slow"  # 1.5 s per answer
    online = geocoder(server, timeout=5.0, name_budget=5.0, run_budget=2.0)
    resolver = Resolver(store, online=online)
    started = time.perf_counter()
    results = [resolver.resolve(n) for n in ("Qwertyuiopgrad", "Asdfghjklivka", "Zxcvbnmivka")]
    assert time.perf_counter() - started < 3.5
    assert "found nothing" in results[0].reason
    assert all("online time budget" in r.reason for r in results[1:])
    assert len(FakeNominatim.requests) == 2  # the second was cut at the run's budget


def test_429_waits_as_retry_after_says_within_the_budget(server, store):
    FakeNominatim.statuses = [(429, {"Retry-After": "1"})]
    online = geocoder(server, name_budget=3.0, retries=2)
    started = time.perf_counter()
    res = Resolver(store, online=online).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert time.perf_counter() - started >= 1.0
    assert str(res.resolution) == "online" and len(FakeNominatim.requests) == 2


def test_retry_after_beyond_the_budget_is_flagged_not_waited(server, store):
    FakeNominatim.statuses = [(429, {"Retry-After": "3600"})]
    online = geocoder(server, name_budget=2.0, retries=2)
    started = time.perf_counter()
    res = Resolver(store, online=online).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert time.perf_counter() - started < 1.0
    assert str(res.resolution) == "region_fallback"
    assert "Retry-After 3600 s" in res.reason and len(FakeNominatim.requests) == 1


@pytest.mark.parametrize("status", [502, 503, 504])
def test_5xx_retried_with_backoff_then_answered(server, store, status):
    FakeNominatim.statuses = [(status, {}), (status, {})]
    online = geocoder(server, retries=2, backoff_seconds=0.05)
    res = Resolver(store, online=online).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert str(res.resolution) == "online" and len(FakeNominatim.requests) == 3


def test_5xx_past_the_name_budget_flags_that_name_only(server, store):
    FakeNominatim.mode = "500"
    online = geocoder(server, retries=5, backoff_seconds=0.4, name_budget=1.0)
    resolver = Resolver(store, online=online)
    started = time.perf_counter()
    first = resolver.resolve("Qwertyuiopgrad")
    assert time.perf_counter() - started < 1.5
    assert "no time left to retry within the time budget" in first.reason
    asked = len(FakeNominatim.requests)
    assert asked == 2  # at 0 s and 0.4 s; the next wait (0.8 s) would pass the budget
    FakeNominatim.mode = "ok"
    second = resolver.resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert str(second.resolution) == "online" and len(FakeNominatim.requests) == asked + 1


def _hostile(**changes) -> dict:
    answer = json.loads(json.dumps(BOHDANIVKA))
    for key, value in changes.items():
        if key.startswith("address_"):
            answer["address"][key.removeprefix("address_")] = value
        else:
            answer[key] = value
    answer["lat"], answer["lon"] = changes.get("lat", "47.1"), changes.get("lon", "36.9")
    return answer  # 47.1, 36.9: far from every Bohdanivka, so a new place would be stored


XSS = "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ([_hostile(name=XSS)], "markup"),
        ([_hostile(name=f"Bohdanivka{XSS}")], "markup"),
        ([_hostile(name={"x": 1})], "name"),
        ([_hostile(name=["Bohdanivka"])], "name"),
        ([_hostile(name="x" * 500)], "name"),
        ([_hostile(lat="nan")], "coordinates"),
        ([_hostile(lat="Infinity")], "coordinates"),
        ([_hostile(lat="500")], "coordinates"),
        ([_hostile(lon="-181")], "coordinates"),
        ([_hostile(lat=[1, 2])], "coordinates"),
        ([_hostile(lat=None)], "coordinates"),
        ([_hostile(address_country_code="us")], "country"),
        ([_hostile(address_country_code=None)], "country"),
        ([_hostile(address_country_code=["ua"])], "country"),
        ([_hostile(osm_id="1/../../x")], "id"),
        ([_hostile(osm_type="<b>")], "id"),
        ([_hostile(addresstype=["village"])], "type"),
        ({"error": "x"}, "malformed"),
        ([1, 2, 3], "malformed"),
        ("just text", "malformed"),
    ],
)
def test_hostile_answers_are_refused_before_they_are_used_or_stored(server, store, answer, why):
    FakeNominatim.answer = answer
    online = geocoder(server)
    res = Resolver(store, online=online).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert str(res.resolution) == "region_fallback", res
    assert "online:" in res.reason and why in res.reason
    assert "<" not in res.reason
    assert _online_rows(store) == (0, 0)


def test_markup_and_control_characters_never_reach_the_store(server, store):
    """An answer whose name is clean after control/format characters are dropped is kept (clean);
    a display name with markup is not copied into the stored reason."""
    FakeNominatim.answer = [
        _hostile(name="Bohdan\u200bivka\x00\x07", display_name=f"{XSS}, Donetsk Oblast, Ukraine")
    ]
    res = Resolver(store, online=geocoder(server)).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert str(res.resolution) == "online" and res.place.name == "Bohdanivka"
    rows = store.conn.execute(
        "SELECT name || ' ' || COALESCE(reason, '') FROM names WHERE source LIKE 'online:%' "
        "UNION ALL SELECT name || ' ' || COALESCE(admin1_code, '') FROM places "
        "WHERE source LIKE 'online:%'"
    ).fetchall()
    assert rows and all("<" not in r and "\x00" not in r and "\u200b" not in r for (r,) in rows)
    assert "<" not in res.reason


def test_read_only_store_is_reported_once_and_answers_still_used(server, store, caplog):
    store.conn.close()
    store.conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, check_same_thread=False)
    online = geocoder(server)
    resolver = Resolver(store, online=online)
    with caplog.at_level("WARNING", logger="geo.gazetteer.online"):
        first = resolver.resolve("Bohdanivka", admin1="Donetsk Oblast")
        again = resolver.resolve("Bohdanivka", admin1="Donetsk Oblast")
    for res in (first, again):
        assert str(res.resolution) == "online" and "not stored: the gazetteer is read-only" in (
            res.reason
        )
    assert len(FakeNominatim.requests) == 1  # remembered for this run
    notes = [r.getMessage() for r in caplog.records if "read-only" in r.getMessage()]
    assert len(notes) == 1 and str(store.path) in notes[0]


def test_geocode_csv_on_a_hung_server_goes_on_offline(server, store, monkeypatch, tmp_path):
    """Was 10-14 s per name on a hung server; now one name budget, then the rows go on offline."""
    FakeNominatim.mode = "hang"
    monkeypatch.setenv("FRONTLINE_GEOCODER_DOMAIN", f"127.0.0.1:{server.server_port}")
    monkeypatch.setenv("FRONTLINE_GEOCODER_SCHEME", "http")
    monkeypatch.setenv("FRONTLINE_GEOCODER_MIN_DELAY", "0")
    monkeypatch.setenv("FRONTLINE_GEOCODER_NAME_BUDGET", "1")
    table = tmp_path / "names.csv"
    table.write_text("location\nQwertyuiopgrad\nAsdfghjklivka\nZxcvbnmivka\nBakhmut\n")
    out = tmp_path / "placed.csv"
    args = ["geocode", "--csv", str(table), "--name-col", "location", "-o", str(out)]
    started = time.perf_counter()
    assert main([*args, "--online", "--gazetteer", str(store.path)]) == 0
    assert time.perf_counter() - started < 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and "Bakhmut" in lines[4] and "offline for the rest" in lines[2]
    assert len(FakeNominatim.requests) == 1


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FRONTLINE_GEOCODER_MIN_DELAY", "-1"),
        ("FRONTLINE_GEOCODER_MIN_DELAY", "nan"),
        ("FRONTLINE_GEOCODER_NAME_BUDGET", "abc"),
        ("FRONTLINE_GEOCODER_NAME_BUDGET", "0"),
        ("FRONTLINE_GEOCODER_RUN_BUDGET", "inf"),
    ],
)
def test_bad_geocoder_settings_are_one_line(store, monkeypatch, capsys, name, value):
    monkeypatch.setenv("FRONTLINE_GEOCODER_DOMAIN", "127.0.0.1:9")  # never the real network
    monkeypatch.setenv(name, value)
    code = main(["geocode", "Qwertyuiopgrad", "--online", "--gazetteer", str(store.path)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.startswith(f"frontline: error: {name}=") and "\n" not in err


PHOTON = {
    "features": [
        {
            "geometry": {"type": "Point", "coordinates": [36.9, 47.1]},
            "properties": {
                "osm_type": "N",
                "osm_id": 42,
                "name": "Bohdanivka",
                "type": "village",
                "countrycode": "UA",
                "state": "Donetsk Oblast",
            },
        }
    ]
}
GEONAMES = {
    "geonames": [
        {
            "geonameId": 703000,
            "name": "Bohdanivka",
            "lat": "47.1",
            "lng": "36.9",
            "fcode": "PPL",
            "countryCode": "UA",
            "adminName1": "Donetsk Oblast",
        }
    ]
}


def _with_name(page: dict, name: str) -> dict:
    page = json.loads(json.dumps(page))
    (key,) = [k for k in page if k in ("features", "geonames")]
    item = page[key][0]
    (item.get("properties") or item)["name"] = name
    return page


@pytest.mark.parametrize(("provider", "page"), [("photon", PHOTON), ("geonames", GEONAMES)])
def test_other_providers_answers_are_checked_too(server, store, provider, page):
    options = {"username": "tester"} if provider == "geonames" else {}

    def ask() -> Resolution:
        online = OnlineGeocoder(
            provider,
            domain=f"127.0.0.1:{server.server_port}",
            scheme="http",
            min_delay_seconds=0.0,
            timeout=0.5,
            **options,
        )
        return Resolver(store, online=online).resolve("Bohdanivka", admin1="Donetsk Oblast")

    FakeNominatim.answer = _with_name(page, XSS)
    refused = ask()
    assert "answer refused (markup in the name)" in refused.reason
    assert _online_rows(store) == (0, 0)
    FakeNominatim.answer = page
    kept = ask()
    assert str(kept.resolution) == "online" and kept.place.name == "Bohdanivka"
    assert (kept.place.lat, kept.place.lon) == (47.1, 36.9)


def test_geonames_account_errors_stay_errors(server, store):
    FakeNominatim.answer = {"status": {"message": "user does not exist.", "value": 10}}
    online = OnlineGeocoder(
        "geonames",
        domain=f"127.0.0.1:{server.server_port}",
        scheme="http",
        min_delay_seconds=0.0,
        username="nobody",
    )
    res = Resolver(store, online=online).resolve("Bohdanivka", admin1="Donetsk Oblast")
    assert "GeocoderAuthenticationFailure" in res.reason and len(FakeNominatim.requests) == 1
