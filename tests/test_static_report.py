"""Static images and the report page, checked from matplotlib's boxes and the written HTML: the
image is framed on the fighting with every such claim inside, the legend sits beside the map,
place names never overlap, stored oblast borders are drawn; the report shows each conflicting
pair with a small inline map and every long quote in full on demand; the control summary's
quarterly changes are bars a quarter wide."""

from __future__ import annotations

import base64
import html
import re

import geopandas as gpd
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import shapely
from test_render_fixtures import DONETSK_OBLAST, _row, sample_events

from geo.frontline.series import summary_figure
from geo.gazetteer.store import SCHEMA_VERSION, GazetteerStore
from geo.render import static
from geo.render.report import QUOTE_CHARS_IN_REPORT, conflicting_claims, render_report

LONDON = (-0.1276, 51.5072)


@pytest.fixture()
def figure():
    """The static map of the sample events plus a summit in London (not fighting)."""
    summit = _row("lon-001", "Unattributed report", "met", "London", shapely.Point(*LONDON),
                  event_type="Strategic developments", sub_event_type="Agreement")  # fmt: skip
    events = pd.concat([sample_events(), gpd.GeoDataFrame([summit], crs=4326)], ignore_index=True)
    fig = static.draw_static(events)
    fig.draw_without_rendering()
    yield fig, events
    plt.close(fig)


def test_frame_holds_every_fighting_claim_and_not_london(figure):
    fig, events = figure
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    fighting = events[events["event_type"].isin(static.FIGHTING_EVENT_TYPES)]
    bx0, by0, bx1, by1 = fighting.dropna(subset=["geometry"]).total_bounds
    assert x0 < bx0 and bx1 < x1 and y0 < by0 and by1 < y1  # the eastern front is not cropped
    assert not x0 <= LONDON[0] <= x1  # not framed on London (or Moscow)
    assert x1 - x0 < (bx1 - bx0) * 1.6 + 1.0  # a margin, not the whole theatre


def test_legend_is_beside_the_map_not_over_it(figure):
    fig, _ = figure
    ax = fig.axes[0]
    (legend,) = fig.legends
    frame, box = ax.get_window_extent(), legend.get_window_extent()
    assert not frame.overlaps(box)
    assert box.x0 >= frame.x1  # to the right
    assert box.x1 <= fig.bbox.x1 + 1  # and inside the image


def test_place_names_are_drawn_without_overlap(figure):
    fig, events = figure
    ax = fig.axes[0]
    names = {t.get_text(): t.get_window_extent() for t in ax.texts}
    assert {"Toretsk", "Pokrovsk", "Huliaipole", "Robotyne"} <= set(names)
    boxes = list(names.values())
    assert all(not a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    frame = ax.get_window_extent()
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 for b in boxes)


def test_stored_oblast_borders_are_drawn(tmp_path, monkeypatch):
    path = tmp_path / "tiny.sqlite"
    store = GazetteerStore(path, create=True)
    with store.write() as conn:
        conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        conn.execute(
            "INSERT INTO admin_units (code, iso, level, name, country, boundary, source) "
            "VALUES ('UA.05', 'UA-14', 1, 'Donetsk Oblast', 'UA', ?, 'test')",
            (shapely.to_wkb(DONETSK_OBLAST),),
        )
        conn.execute(
            "INSERT INTO admin_units (code, level, name, country, footprint, source) "
            "VALUES ('UA.23', 1, 'Zaporizhzhia Oblast', 'UA', ?, 'test')",
            (shapely.to_wkb(shapely.box(34, 46.5, 37, 48)),),  # a footprint is no border
        )
    store.close()
    borders = static.stored_borders(str(path))
    assert list(borders["name"]) == ["Donetsk Oblast"]
    assert borders.geometry.iloc[0].equals(DONETSK_OBLAST)
    assert static.stored_borders(str(tmp_path / "missing.sqlite")).empty
    monkeypatch.setattr(static, "stored_borders", lambda path=None: borders)
    fig = static.draw_static(sample_events())
    dotted = [c for c in fig.axes[0].collections if c.get_linestyle()[0][1] is not None]
    plt.close(fig)
    assert dotted, "the oblast border is drawn as a dotted line"


def test_report_shows_each_conflicting_pair_with_its_map():
    events = sample_events()
    pairs = conflicting_claims(events)
    assert len(pairs) >= 1
    page = render_report(events)
    cards = re.findall(r'<section class="conflict">.*?</section>', page, flags=re.S)
    assert len(cards) == len(pairs)
    for card in cards:
        (uri,) = re.findall(r'class="place-map" src="data:image/svg\+xml;base64,([^"]+)"', card)
        svg = base64.b64decode(uri).decode()
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert "Toretsk" in svg  # the pair's place is named on its map
    assert "http" not in "".join(re.findall(r'src="([^"]*)"', "".join(cards)))


def test_long_quote_is_cut_with_the_whole_text_on_demand():
    long_quote = "The General Staff said " + "fighting continued near Toretsk; " * 20
    events = sample_events()
    events.loc[events["event_id"] == "tor-002", "quote"] = long_quote
    page = render_report(events)
    cards = "".join(re.findall(r'<section class="conflict">.*?</section>', page, flags=re.S))
    (details,) = re.findall(r"<details>.*?</details>", cards, flags=re.S)
    summary = re.search(r"<summary>(.*?)</summary>", details, flags=re.S).group(1)
    assert len(html.unescape(re.sub(r"<[^>]+>", "", summary))) < QUOTE_CHARS_IN_REPORT + 20
    assert long_quote in html.unescape(details)


def test_place_map_names_are_text_not_markup():
    events = sample_events()
    events.loc[events["place_name"] == "Toretsk", "place_name"] = "<script>x</script>"
    mapped = events[events["event_id"].isin(["tor-001", "tor-002"])].reset_index(drop=True)
    svg = base64.b64decode(static.place_map_uri(mapped, [0, 1]).split(",", 1)[1]).decode()
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_quarterly_changes_are_bars_a_quarter_wide():
    table = pd.DataFrame(
        {
            "date": ["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"],
            "area_km2": [100.0, 120.0, 130.0, 125.0],
            "gained_km2": [float("nan"), 30.0, 15.0, 5.0],
            "lost_km2": [float("nan"), 10.0, 5.0, 10.0],
            "net_km2": [float("nan"), 20.0, 10.0, -5.0],
        }
    )
    fig = summary_figure(table)
    fig.draw_without_rendering()
    bottom = fig.axes[1]
    bars = [p for p in bottom.patches if np.isfinite(p.get_height())]  # the first has none
    widths_px = [p.get_window_extent().width for p in bars]
    axis_px = bottom.get_window_extent().width
    plt.close(fig)
    assert len(bars) == 6  # gained and lost for each of the three changes
    # Three quarters fill most of the axis: each bar is ~90 % of a quarter, not a day's hairline.
    assert all(w > axis_px / 3 * 0.6 for w in widths_px)
    assert all(abs(p.get_width()) == pytest.approx(0.9 * 91, abs=0.9 * 1.5) for p in bars)


STORY = (
    "Fighting near Krasnohorivka\n"
    "KYIV, March 21 - Ukraine's General Staff said on Tuesday that its forces repelled Russian "
    "assaults near Krasnohorivka in the Donetsk region.\n"
    "Russia's defence ministry said on Tuesday that its forces had taken control of "
    "Krasnohorivka, west of Donetsk, a claim Kyiv did not confirm.\n"
)


def _report_of_copies(folder, copies: int) -> str:
    """``report.html`` of ``frontline run`` over ``copies`` copies of :data:`STORY` (a wire
    story syndicated, a message reposted)."""
    from geo.cli import main

    texts = folder / f"texts{copies}"
    texts.mkdir()
    for k in range(copies):
        (texts / f"copy{k:02d}.txt").write_text(STORY)
    out = folder / f"run{copies}"
    assert main(["run", str(texts), "--published", "2023-03-21", "-o", str(out)]) == 0
    return (out / "report.html").read_text()


def _conflicts_section(page: str) -> str:
    return page[page.index('<h2 id="conflicts">') : page.index('<h2 id="claims">')]


def test_copies_of_a_story_are_one_conflict_with_their_count(tmp_path):
    """30 copies of one two-claimant story: one card (not 30 × 30 pairs of copies), both sides
    counted, one small map; the conflicts section is the size of one copy's."""
    one, thirty = _report_of_copies(tmp_path, 1), _report_of_copies(tmp_path, 30)
    cards = re.findall(r'<section class="conflict">.*?</section>', thirty, flags=re.S)
    assert len(cards) == 1
    (card,) = cards
    assert "Krasnohorivka" in card and "900 pairs of reports" in card
    assert re.findall(r"<b>(\w+)</b> \(2023-03-21\)", card) == ["repelled", "captured"]
    assert card.count("in 30 reports") == 2
    (svg,) = re.findall(r'class="place-map" src="data:image/svg\+xml;base64,([^"]+)"', card)
    (svg_one,) = re.findall(r'class="place-map" src="data:image/svg\+xml;base64,([^"]+)"', one)
    assert len(svg) < len(svg_one) + 2000  # the copies nearby are one grey dot, not 58
    assert "1 conflicting pair of claims (in 900 pairs of reports)" in thirty
    assert "Conflicting claims (1)" in thirty and "not shown" not in thirty
    single = re.findall(r'<section class="conflict">.*?</section>', one, flags=re.S)
    assert len(single) == 1 and "reports" not in single[0]
    assert len(_conflicts_section(thirty)) < len(_conflicts_section(one)) + 200
    assert len(thirty) < 2 * len(one)  # the map's records only: ~30 kB, not 900 cards of ~10 kB


def test_conflicts_beyond_the_cap_are_counted_by_place(monkeypatch):
    """Distinct conflicts past CONFLICT_CARDS_MAX: every place keeps a card (its most-reported
    conflict), and the page says how many more there are at which places."""
    from geo.render import report

    monkeypatch.setattr(report, "CONFLICT_CARDS_MAX", 3)
    monkeypatch.setattr(report, "PLACE_MAPS_MAX", 0)  # cards only: no small maps drawn
    rows = []
    places = {"Bakhmut": (38.0, 48.59), "Marinka": (37.50, 47.94), "Toretsk": (37.84, 48.4)}
    for place, (lon, lat) in places.items():
        for day in range(1, 5):  # four days of "repelled" against "captured": four conflicts
            date = f"2025-01-0{day}"
            point = shapely.Point(lon, lat)
            rows += [
                _row(f"u{place}{day}", "Ukrainian military", "repelled", place, point,
                     event_date=date),
                _row(f"r{place}{day}", "Russian MoD", "captured", place, point, event_date=date),
            ]  # fmt: skip
    copies = [_row("rBakhmut3b", "Russian MoD", "captured", "Bakhmut",
                   shapely.Point(*places["Bakhmut"]), event_date="2025-01-03")]  # fmt: skip
    events = gpd.GeoDataFrame(rows + copies, crs=4326)
    assert len(conflicting_claims(events)) == 12
    page = render_report(events)
    cards = re.findall(r'<section class="conflict">.*?</section>', page, flags=re.S)
    assert [re.search(r"<h3>(\w+)", c).group(1) for c in cards] == list(places)
    assert "2025-01-03 · 2 pairs of reports" in cards[0]  # Bakhmut's most-reported
    assert "Conflicting claims (12)" in page
    assert "9 more conflicting pairs not shown (3 of 12 shown" in page
    assert "Bakhmut (3), Marinka (3), Toretsk (3)." in page


def test_merged_records_count_their_reports():
    """A record of --merge-reports stands for its n_reports: the pair counts them, as copies
    do, and a claim is one row however its reports were counted."""
    point = shapely.Point(37.50692, 48.00462)
    rows = [
        _row("kr-1", "Ukrainian military", "repelled", "Krasnohorivka", point, n_reports=4),
        _row("kr-2", "Russian MoD", "captured", "Krasnohorivka", point, n_reports=3),
        _row("kr-3", "Russian MoD", "Captured", "Krasnohorivka", point),  # a copy, unmerged
    ]
    (pair,) = conflicting_claims(gpd.GeoDataFrame(rows, crs=4326)).itertuples()
    assert (pair.row_a, pair.row_b) == (0, 1)
    assert (pair.reports_a, pair.reports_b, pair.reports) == (4, 4, 16)
