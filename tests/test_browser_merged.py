"""The popup of a claim merged across reports (``--merge-reports``) shows how many reports state it
and every other report's sentence, as text (issue 12, item 5), in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_browser_maps import (  # noqa: F401 - the fixtures are used by name
    Watched,
    _click_place,
    _wait_ready,
    asset_cache,
    browser,
)

from geo.extract import extract_frame
from geo.merge import merge_reports
from geo.render.map import build_map, write_map

pytestmark = pytest.mark.browser

STORIES = Path(__file__).parent / "data" / "channels" / "three_reports.jsonl"
CHASIV_YAR = (48.5877, 37.8353)
HOSTILE = ["<script>alert(1)</script> repelled", '"><img src=x onerror=alert(1)>']


def _merged_claim(extractor):
    """The merged Chasiv Yar claim of the three stories, with two hostile reports added."""
    merged = merge_reports(extract_frame([STORIES], extractor=extractor))
    claim = merged[(merged.location == "Chasiv Yar") & (merged.stance == "repelled")].copy()
    quotes = json.loads(claim["quotes"].iloc[0])
    claim["quotes"] = json.dumps(quotes + HOSTILE)
    return claim, quotes


def test_merged_popup_shows_the_count_and_every_quote_as_text(
    browser,  # noqa: F811
    asset_cache,  # noqa: F811
    extractor,
    tmp_path,
):
    claim, quotes = _merged_claim(extractor)
    assert claim["n_reports"].iloc[0] == 3 and len(quotes) == 2
    path = write_map(build_map(claim, tiles=None), tmp_path / "merged.html")
    w = Watched(browser, asset_cache)
    w.page.goto(path.as_uri())
    _wait_ready(w.page)
    map_id = w.page.evaluate("() => Object.keys(window.FRONTLINE)[0]")
    _click_place(w.page, map_id, CHASIV_YAR)
    popup = w.page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5_000)
    rows = dict(
        zip(
            popup.locator("th").all_inner_texts(),
            popup.locator("td").all_inner_texts(),
            strict=True,
        )
    )
    assert rows["Reports"] == "3"
    shown = popup.locator("blockquote").all_inner_texts()
    assert shown == [*quotes, *HOSTILE]  # the first report's quote, then each other one once
    assert popup.locator("img, script").count() == 0 and w.dialogs == []
    assert w.real_errors() == []
    w.page.close()
