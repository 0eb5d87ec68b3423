"""Report page (conflicting claims, claims table, embedded map) and static PNG/SVG images."""

from __future__ import annotations

from test_render_fixtures import sample_events

from geo.render.report import conflicting_claims, render_report
from geo.render.static import write_static


def test_conflicting_claims_same_place_same_days_different_stances():
    pairs = conflicting_claims(sample_events())
    assert len(pairs) == 1
    row = pairs.iloc[0]
    assert row.place_name_a == "Toretsk"
    assert {row.claimant_a, row.claimant_b} == {"Russian MoD", "Ukrainian military"}
    assert {row.stance_a, row.stance_b} == {"captured", "repelled"}


def test_report_has_map_tables_and_escapes():
    events = sample_events()
    events.loc[1, "quote"] = "<script>alert(2)</script> Toretsk captured"
    html = render_report(events, title="Report <test>")
    assert "Conflicting claims (1)" in html and "Claims by place and claimant" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html and "<script>alert(2)" not in html
    assert "Report &lt;test&gt;" in html
    assert "L.control.layers" in html and "folium-map" in html


def test_static_png_and_svg(tmp_path):
    png = write_static(sample_events(), tmp_path / "a" / "map.png")
    svg = write_static(sample_events(), tmp_path / "map.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "Russian MoD (4)" in text


def test_compatible_stances_are_not_conflicts():
    """'repelled' against 'under attack' at the same place is two views of one fight,
    not a conflict."""
    events = sample_events()
    toretsk = events["place_name"] == "Toretsk"
    events.loc[toretsk & (events["stance"] == "captured"), "stance"] = "under attack"
    assert len(conflicting_claims(events)) == 0
