"""The report page in Chromium at a desktop (1400×900) and a phone (390×844) window, from
element boxes: nothing is wider than the window (with few claimants as a grid, with many as a
list), each conflicting pair shows its small map, and a self-contained report makes no request
at all."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from test_browser_maps import (  # noqa: F401 - the fixtures are used by name
    Watched,
    _wait_ready,
    asset_cache,
    browser,
)
from test_render_fixtures import _row, sample_events

from geo.render.report import GRID_CLAIMANTS_MAX, write_report

pytestmark = pytest.mark.browser

WINDOWS = [(1400, 900), (390, 844)]
CLAIMANTS = [f"Regional Military Administration of district number {k}" for k in range(20)]

BOXES = """() => {
  const right = s => [...document.querySelectorAll(s)].map(e => e.getBoundingClientRect().right);
  return { window: window.innerWidth, page: document.documentElement.scrollWidth,
           table: right('.claims-table'), cards: right('.conflict'),
           maps: [...document.querySelectorAll('.conflict img.place-map')].map(
             i => [i.naturalWidth, i.getBoundingClientRect().width]) };
}"""


def many_claimants() -> gpd.GeoDataFrame:
    """The sample events and one claim by each of 20 long-named claimants (the report lists
    rather than tabulates them)."""
    extra = [
        _row(
            f"many-{k:02d}",
            name,
            "struck",
            "Kostiantynivka",
            shapely.Point(37.706, 48.527),
            event_type="Explosions/Remote violence",
        )  # fmt: skip
        for k, name in enumerate(CLAIMANTS)
    ]
    return pd.concat([sample_events(), gpd.GeoDataFrame(extra, crs=4326)], ignore_index=True)


@pytest.fixture(scope="module")
def reports(tmp_path_factory, asset_cache) -> dict[str, object]:  # noqa: F811
    folder = tmp_path_factory.mktemp("reports")
    return {
        "grid": write_report(sample_events(), folder / "grid.html", self_contained=True),
        "list": write_report(many_claimants(), folder / "list.html", self_contained=True),
    }


@pytest.mark.parametrize("size", WINDOWS, ids=["1400", "390"])
@pytest.mark.parametrize("kind", ["grid", "list"])
def test_report_fits_its_window_and_shows_each_pair_map(browser, reports, size, kind):  # noqa: F811
    w = Watched(browser, {}, block_everything=True)
    w.page.set_viewport_size({"width": size[0], "height": size[1]})
    w.page.goto(reports[kind].as_uri())
    _wait_ready(w.page)
    boxes = w.page.evaluate(BOXES)
    listed = w.page.locator(".claims-list").count() == 1  # > GRID_CLAIMANTS_MAX claimants
    assert listed == (kind == "list") and len(CLAIMANTS) > GRID_CLAIMANTS_MAX
    w.shot(f"report_{kind}_{size[0]}")
    assert boxes["window"] == size[0]
    assert boxes["page"] <= size[0], f"the page is {boxes['page']} px wide"
    assert boxes["table"] and max(boxes["table"]) <= size[0]
    assert boxes["cards"] and max(boxes["cards"]) <= size[0]
    assert len(boxes["maps"]) == len(boxes["cards"])
    assert all(natural > 0 and shown >= min(250, size[0] - 80) for natural, shown in boxes["maps"])
    assert w.aborted == [], "a self-contained report asked the network"
    assert w.real_errors() == []
    w.page.close()


def test_long_quote_opens_in_full(browser, reports):  # noqa: F811
    events = sample_events()
    quote = "The General Staff said " + "fighting continued near Toretsk; " * 20
    events.loc[events["event_id"] == "tor-002", "quote"] = quote
    path = write_report(events, reports["grid"].parent / "quote.html", self_contained=True)
    w = Watched(browser, {}, block_everything=True)
    w.page.set_viewport_size({"width": 390, "height": 844})
    w.page.goto(path.as_uri())
    _wait_ready(w.page)
    details = w.page.locator(".conflict details").first
    assert quote.strip() not in details.inner_text()
    details.locator("summary").click()
    assert quote.strip() in " ".join(details.inner_text().split())
    w.page.close()
