"""Pages made from hostile input, loaded in Chromium: no script from the data may run.

Every string an input can carry (event table columns, control-layer ``source``/``status``, the
``--title``) is set to markup that would run a script if it were parsed as HTML: an ``<img>``
with ``onerror``, ``</script><script>``, ``"><svg onload>``, a ``javascript:`` URL. The pages
``frontline map`` writes (page, self-contained page, fragment in a host page, ``--report``) and
its static SVG are opened at file://, then used as a person would: the layer control is read,
"Bakh" is typed into the place search and its suggestions hovered, every popup is opened, the
unresolved table unfolded, the date slider moved and every stance box toggled. Each payload
pushes its tag into ``window.__pwned`` (and some call ``alert``): the test fails if any did,
if a dialog opened, or if any element of the page carries an inline ``on…`` handler. The
strings must still be there, as text.
"""

from __future__ import annotations

from pathlib import Path

import defusedxml.ElementTree as SafeET
import geopandas as gpd
import pytest
import shapely
from jinja2 import Template
from markupsafe import Markup
from test_browser_maps import (  # noqa: F401 - the fixtures are used by name
    Watched,
    _wait_ready,
    asset_cache,
    browser,
)
from test_render_fixtures import DONETSK_OBLAST, _row

from geo.cli import main
from geo.export import write_events
from geo.render.report import write_report

pytestmark = pytest.mark.browser


def hook(tag: str) -> str:
    """JavaScript that records that the payload tagged ``tag`` ran."""
    return f"(window.__pwned=window.__pwned||[]).push('{tag}')"


def hostile(tag: str, prefix: str = "") -> str:
    """A string that runs :func:`hook` wherever it is parsed as HTML (or closes a script)."""
    return (
        f'{prefix}<img src=x onerror="{hook(tag)};alert(1)">'
        f'"><svg onload="{hook(tag)}"></svg>'
        f"</script><script>{hook(tag)}</script>"
        f"'-{hook(tag)}-'"
    )


TITLE = hostile("title", "Report ")
CONTROL_SOURCE = hostile("control-source", "DS")
CONTROL_STATUS = hostile("control-status")


def hostile_events() -> gpd.GeoDataFrame:
    """A claim and its counter-claim at a hostile place (so the report lists the conflict), a
    region claim, a claim with a hostile stance, and an unresolved row: every text column
    hostile."""
    text = {
        col: hostile(col)
        for col in (
            "claimant_kind", "event_type", "sub_event_type", "quantity_unit", "direction",
            "anchor_place", "resolution_reason", "source_title", "location", "quote",
            "admin1", "doc_id", "join_detail", "quality_detail", "join_status", "quality_flag",
        )
    }  # fmt: skip
    place = hostile("place", "Bakhmut")
    point = shapely.Point(38.0, 48.59)
    rows = [
        _row("e1", hostile("claimant-a"), "captured", place, point, **text),
        _row("e2", hostile("claimant-b"), "held", place, point, **text),
        _row("e3", "Russian MoD", hostile("stance"), hostile("place-2", "Bakhmutske"), point),
        _row("e4", "ISW", "reported", hostile("region", "Bakh"), DONETSK_OBLAST, geo_precision=3),
        _row("e5", hostile("claimant-u"), hostile("stance-u"), None, None, **text),
    ]
    for row in rows:
        row["source_url"] = "javascript:" + hook("url")
        row["place_id"] = "p-1"
    rows[4]["event_date"] = hostile("date")
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def hostile_control() -> gpd.GeoDataFrame:
    box = shapely.box(37.6, 48.3, 38.2, 48.9)
    return gpd.GeoDataFrame(
        {
            "source": [CONTROL_SOURCE, CONTROL_SOURCE],
            "status": [CONTROL_STATUS, "occupied"],
            "claimant": [hostile("control-claimant")] * 2,
            "date": ["2025-01-04", "2025-01-06"],
        },
        geometry=[box, box.buffer(0.05)],
        crs=4326,
    )


HOST_PAGE = Template(
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body><div class="map-box" style="position:relative;height:700px">{{ fragment }}</div></body></html>
""",
    autoescape=True,
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory, asset_cache) -> dict[str, Path]:  # noqa: F811 - fixture by name
    """The pages ``frontline map`` writes from the hostile inputs, by kind."""
    folder = tmp_path_factory.mktemp("hostile")
    events = write_events(hostile_events(), folder / "events.geojson")
    control = folder / "control.geojson"
    hostile_control().to_file(control, driver="GeoJSON")
    common = [str(events), "--control", str(control), "--title", TITLE]
    out = {k: folder / f"{k}.html" for k in ("map", "report", "self_contained")}
    svg = folder / "map.svg"
    cli = ["map", *common, "-o", str(out["map"]), "--svg", str(svg), "--report", str(out["report"])]
    assert main(cli) == 0
    assert main(["map", *common, "-o", str(out["self_contained"]), "--self-contained"]) == 0
    fragment = folder / "fragment.html"
    assert main(["map", *common, "-o", str(fragment), "--fragment"]) == 0
    host = folder / "host.html"
    host.write_text(HOST_PAGE.render(fragment=Markup(fragment.read_text())), encoding="utf-8")
    return {**out, "fragment": host, "svg": svg}


INLINE_HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(el =>
  [...el.attributes].filter(a => a.name.toLowerCase().startsWith('on'))
  .map(a => el.tagName + '[' + a.name + ']'))"""

OPEN_EVERY_POPUP = """() => { let opened = 0;
  for (const reg of Object.values(window.FRONTLINE)) {
    for (const group of Object.values(reg.layers)) {
      if (!group.eachLayer) { continue; }
      group.eachLayer(l => {
        if (l.i === undefined) { return; }
        const at = l.getLatLng ? l.getLatLng() : l.getBounds().getCenter();
        l.fire('click', {latlng: at}, true);
        const box = document.querySelector('.leaflet-popup-content');
        if (box && box.textContent) { opened++; }
      });
    }
  }
  return opened; }"""

MOVE_SLIDER = """() => { let moved = 0;
  document.querySelectorAll('input[data-role=slider]').forEach(s => {
    for (let v = +s.min; v <= +s.max; v++) { s.value = v; s.dispatchEvent(new Event('input')); moved++; }
  });
  return moved; }"""  # noqa: E501 - JavaScript, kept as written


def use_page(page) -> dict[str, object]:
    """Do what a reader does with the map; return what the page showed as text."""
    _wait_ready(page)
    seen: dict[str, object] = {}
    seen["layers"] = " ".join(
        page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    )
    page.locator(".leaflet-control-layers").first.hover()
    page.locator(".leaflet-control-search .search-button").first.click()
    page.locator(".leaflet-control-search input").first.type("Bakh", delay=30)
    tips = page.locator(".search-tip")
    tips.first.wait_for(timeout=5_000)
    seen["tips"] = tips.all_inner_texts()
    for k in range(tips.count()):
        tips.nth(k).hover()
    tips.first.click()
    page.wait_for_timeout(300)
    seen["popups"] = page.evaluate(OPEN_EVERY_POPUP)
    for summary in page.locator(".fl-unresolved summary").all():
        summary.click()
    seen["unresolved"] = " ".join(page.locator(".fl-unresolved").all_inner_texts())
    seen["slider"] = page.evaluate(MOVE_SLIDER)
    for box in page.locator("input[data-stance]").all():
        box.click()
        box.click()
    page.wait_for_timeout(300)
    return seen


def assert_nothing_ran(w: Watched) -> None:
    page = w.page
    assert page.evaluate("() => window.__pwned || []") == []
    assert w.dialogs == []
    assert page.evaluate(INLINE_HANDLERS) == []
    assert page.locator("img[src='x'], svg[onload]").count() == 0


@pytest.mark.parametrize("kind", ["map", "self_contained", "fragment", "report"])
def test_no_script_from_the_data_runs(browser, asset_cache, pages, kind):  # noqa: F811
    w = Watched(browser, asset_cache)
    w.page.goto(pages[kind].as_uri())
    seen = use_page(w.page)
    w.shot(f"hostile_{kind}")
    assert_nothing_ran(w)
    # The strings reached the page, as text.
    assert "<img src=x onerror=" in str(seen["layers"])
    assert "Control: DS<img src=x" in str(seen["layers"])
    assert any(t.startswith("Bakhmut<img src=x") for t in seen["tips"]), seen["tips"]
    assert seen["popups"] >= 4 and seen["slider"] >= 2
    assert "<svg onload=" in str(seen["unresolved"])
    assert "Report <img src=x" in w.page.locator(".fl-title").first.inner_text()
    if kind == "report":
        body = w.page.locator("body").inner_text()
        assert body.count("Report <img src=x") >= 2  # the heading and the map's title box
        assert "</script><script>" in w.page.locator(".conflict").first.inner_text()
    w.page.close()


def test_popup_shows_hostile_fields_as_text_and_links_only_http(browser, asset_cache, pages):  # noqa: F811
    w = Watched(browser, asset_cache)
    w.page.goto(pages["map"].as_uri())
    _wait_ready(w.page)
    texts = w.page.evaluate(
        """() => { const ev = Object.values(window.FRONTLINE)[0].events; const out = [];
        for (let i = 0; i < ev.data[ev.keys.kind].length; i++) {
          const box = ev.popupOf(i); out.push([box.textContent, box.querySelectorAll('a').length,
            box.querySelectorAll('*').length]); }
        return out; }"""
    )
    first_text, links, _ = texts[0]
    for col in ("quote", "claimant_kind", "event_type", "direction", "resolution_reason"):
        assert f"{hook(col)};alert(1)" in first_text, col
    assert links == 0  # a javascript: URL is never a link
    assert_nothing_ran(w)
    w.page.close()


def test_static_svg_keeps_hostile_text_inert(browser, asset_cache, pages):  # noqa: F811
    svg = pages["svg"]
    root = SafeET.parse(svg).getroot()
    names = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert "script" not in names and "foreignObject" not in names
    handlers = [a for el in root.iter() for a in el.attrib if a.lower().startswith("on")]
    assert handlers == []
    w = Watched(browser, asset_cache)
    w.page.goto(svg.as_uri())
    w.page.wait_for_timeout(300)
    assert_nothing_ran(w)
    w.page.close()


def test_report_from_python_escapes_title_and_table(browser, asset_cache, tmp_path):  # noqa: F811
    path = write_report(hostile_events(), tmp_path / "r.html", title=TITLE)
    w = Watched(browser, asset_cache)
    w.page.goto(path.as_uri())
    _wait_ready(w.page)
    assert w.page.title().startswith("Report <img src=x")
    assert "<img src=x" in w.page.locator("#claims + table").inner_text()
    assert_nothing_ran(w)
    w.page.close()
