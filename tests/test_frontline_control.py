"""Reading control-of-terrain layers: real DeepState files and the bad inputs users send."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shared_data import DEEPSTATE, SHARED, deepstate  # noqa: F401

from geo.core.errors import InputError
from geo.frontline import CONTROL_COLUMNS, area_km2, date_from_name, read_control


def feature_collection(path: Path, geometries: list, properties: list[dict] | None = None) -> Path:
    properties = properties or [{} for _ in geometries]
    features = [
        {"type": "Feature", "properties": p, "geometry": shapely.geometry.mapping(g)}
        for g, p in zip(geometries, properties, strict=True)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def test_deepstate_day_is_normalised():
    layer = read_control(deepstate("20250102"))
    frame = layer.frame
    assert list(frame.columns) == list(CONTROL_COLUMNS)
    assert frame.crs.to_epsg() == 4326
    assert frame.loc[0, "date"] == "2025-01-02"
    assert frame.loc[0, "source"] == "DeepStateMap"
    assert frame.loc[0, "status"] == "occupied"
    assert layer.notes == []
    # Occupied Ukraine incl. Crimea on 2 Jan 2025: 111,885.56 km²
    # (direct Geod figure, see diff tests).
    assert area_km2(frame.geometry.iloc[0]) == pytest.approx(111_885.56, rel=1e-4)


def test_date_from_name():
    assert date_from_name("deepstatemap_data_20250102.geojson") == "2025-01-02"
    assert date_from_name("isw_2024-08-01.gpkg") == "2024-08-01"
    assert date_from_name("layer_20251399.geojson") is None
    assert date_from_name("drawn.kml") is None


def test_empty_feature_collection_is_a_clear_error(tmp_path):
    path = tmp_path / "empty_20250101.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(InputError, match="no features") as err:
        read_control(path)
    assert err.value.source == str(path)


def test_no_date_anywhere_asks_for_date_option(tmp_path):
    path = feature_collection(tmp_path / "drawn.geojson", [box(37, 48, 37.1, 48.1)])
    with pytest.raises(InputError, match="--date"):
        read_control(path)
    assert read_control(path, date="2025-01-05").frame.loc[0, "date"] == "2025-01-05"


def test_bad_date_option_is_a_clear_error(tmp_path):
    path = feature_collection(tmp_path / "drawn.geojson", [box(37, 48, 37.1, 48.1)])
    with pytest.raises(InputError, match="as a date"):
        read_control(path, date="fifth of January")


@pytest.mark.parametrize(("written", "read"), [(20250101, "2025-01-01"), (1735689600, None)])
def test_a_date_property_written_as_a_number_is_yyyymmdd_or_refused(tmp_path, written, read):
    """Not a day of January 1970, which pandas makes of any number (nanoseconds since 1970)."""
    path = feature_collection(
        tmp_path / "drawn.geojson", [box(37, 48, 37.1, 48.1)], [{"date": written}]
    )
    if read is None:
        with pytest.raises(InputError, match=f"cannot read the number {written} as a date"):
            read_control(path)
    else:
        assert read_control(path).frame.loc[0, "date"] == read


def test_bowtie_is_repaired_and_reported(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="geo")
    bowtie = Polygon([(37.0, 48.0), (37.2, 48.2), (37.2, 48.0), (37.0, 48.2), (37.0, 48.0)])
    assert not bowtie.is_valid
    path = feature_collection(tmp_path / "bowtie_20250105.geojson", [bowtie])
    layer = read_control(path)
    assert len(layer.notes) == 1 and "repaired 1 invalid" in layer.notes[0]
    assert "Self-intersection" in layer.notes[0]
    assert "repaired" in caplog.text
    geom = layer.frame.geometry.iloc[0]
    assert geom.is_valid and geom.geom_type == "MultiPolygon" and len(geom.geoms) == 2
    # The two triangles are half the 0.2° square (~14.9 km x 22.2 km at 48° N).
    assert area_km2(geom) == pytest.approx(area_km2(box(37.0, 48.0, 37.2, 48.2)) / 2, rel=1e-3)


def test_projected_crs_is_reprojected_and_said(tmp_path):
    square = gpd.GeoDataFrame(
        {"date": ["2025-01-05"], "status": ["Assessed Russian Control"]},
        geometry=[box(37, 48, 37.1, 48.1)],
        crs=4326,
    )
    path = tmp_path / "isw.gpkg"
    square.to_crs(3857).to_file(path, driver="GPKG")
    layer = read_control(path)
    assert any("reprojected from EPSG:3857" in n for n in layer.notes)
    frame = layer.frame
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].bounds == pytest.approx((37, 48, 37.1, 48.1), abs=1e-6)
    assert frame.loc[0, "status"] == "assessed russian control"
    assert frame.loc[0, "date"] == "2025-01-05"
    assert frame.loc[0, "source"] == "isw"


def test_mixed_geometry_types_keep_polygons_and_report(tmp_path):
    path = feature_collection(
        tmp_path / "mixed_20250105.geojson",
        [box(37, 48, 37.1, 48.1), Point(37, 48), LineString([(37, 48), (38, 49)])],
    )
    layer = read_control(path)
    assert len(layer.frame) == 1
    assert layer.notes == [
        "dropped 2 non-polygon features (1 Point, 1 LineString): a control layer holds areas "
        "(features 2, 3)"
    ]


def test_only_points_is_a_clear_error(tmp_path):
    path = feature_collection(tmp_path / "points_20250105.geojson", [Point(37, 48), Point(38, 48)])
    with pytest.raises(InputError, match="no polygons"):
        read_control(path)


def test_a_layer_left_without_polygons_says_what_became_of_them(tmp_path):
    """Projected metres in a file that declares no CRS: the one polygon is dropped for its
    coordinates, and the error says so (it had said only "no polygons")."""
    metres = Polygon([(4_100_000, 6_100_000), (4_200_000, 6_100_000), (4_200_000, 6_200_000)])
    path = feature_collection(tmp_path / "projected_20250105.geojson", [metres])
    with pytest.raises(InputError) as err:
        read_control(path)
    assert "no polygons" in str(err.value)
    assert "coordinates outside longitude ±180, latitude ±90" in str(err.value)
    assert "declares no CRS" in str(err.value)


def test_a_folder_given_as_a_layer_is_named_as_one(tmp_path):
    with pytest.raises(InputError, match="is a folder; give a control layer file"):
        read_control(tmp_path)


def test_kmz_that_is_not_a_zip(tmp_path):
    path = tmp_path / "layer_20250105.kmz"
    path.write_text("<kml>not zipped</kml>")
    with pytest.raises(InputError, match="zip archive"):
        read_control(path)


def test_real_kmz_and_shapefile_read(tmp_path):
    square = gpd.GeoDataFrame({"status": ["claimed"]}, geometry=[box(37, 48, 37.1, 48.1)], crs=4326)
    kml = tmp_path / "doc.kml"
    square.to_file(kml, driver="KML")
    kmz = tmp_path / "drawn_20250106.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.write(kml, "doc.kml")
    from_kmz = read_control(kmz, claimant="analyst")
    assert from_kmz.frame.loc[0, "date"] == "2025-01-06"
    assert from_kmz.frame.loc[0, "claimant"] == "analyst"
    shp = tmp_path / "drawn.shp"
    square.to_file(shp)
    from_shp = read_control(shp, date="2025-01-06")
    assert from_shp.frame.loc[0, "status"] == "claimed"
    assert area_km2(from_kmz.frame.geometry.iloc[0]) == pytest.approx(
        area_km2(from_shp.frame.geometry.iloc[0]), rel=1e-6
    )


def test_not_a_vector_file(tmp_path):
    path = tmp_path / "notes_20250105.geojson"
    path.write_text("this is not json")
    with pytest.raises(InputError, match="cannot read"):
        read_control(path)


def raw_collection(path: Path, coordinates: list[str], date: str = "2025-01-05") -> Path:
    """A FeatureCollection of Polygons written from raw coordinate text (NaN, unclosed rings)."""
    head = '{"type": "Feature", "properties": {"date": "' + date + '"}, "geometry": '
    head += '{"type": "Polygon", "coordinates": '
    features = ",".join(head + c + "}}" for c in coordinates)
    path.write_text('{"type": "FeatureCollection", "features": [' + features + "]}")
    return path


GOOD_RING = "[[[36, 47], [37, 47], [37, 48], [36, 47]]]"


def test_unclosed_ring_is_closed_and_named(tmp_path):
    path = raw_collection(tmp_path / "c.geojson", ["[[[37, 48], [38, 48], [38, 49]]]", GOOD_RING])
    layer = read_control(path)
    assert len(layer.frame) == 2
    assert layer.frame.geometry.iloc[0].equals(Polygon([(37, 48), (38, 48), (38, 49)]))
    assert layer.notes == ["closed the unclosed rings of feature 1"]


@pytest.mark.parametrize(
    ("ring", "note"),
    [
        ("[[[37, 48], [38, NaN], [38, 49], [37, 48]]]", "feature 2: NaN or infinite coordinates"),
        ("[[[37, 48], [38, Infinity], [38, 49], [37, 48]]]", "feature 2: NaN or infinite"),
        ("[[[37, 48], [38, -Infinity], [38, 49]]]", "feature 2: NaN or infinite"),
        ("[[[37, 48], [500, 48], [38, 49], [37, 48]]]", "feature 2: coordinates outside"),
        ("[[[37, 48]]]", "features without geometry (feature 2)"),
        ('[[[37, "a"], [38, 48], [38, 49], [37, 48]]]', "features without geometry (feature 2)"),
        ("[[[37, 48], [38, 48]]]", "feature 2: no area left after the repair"),
    ],
    ids=["nan", "inf", "-inf-unclosed", "lon-500", "one-point", "string", "two-points"],
)
def test_broken_feature_is_dropped_by_number_and_the_rest_read(tmp_path, ring, note):
    path = raw_collection(tmp_path / "c.geojson", [GOOD_RING, ring, GOOD_RING])
    layer = read_control(path)
    assert len(layer.frame) == 2
    assert any(note in n for n in layer.notes), layer.notes
    assert all(shapely.is_valid(layer.frame.geometry.values))


@pytest.mark.parametrize("command", ["line", "diff"])
def test_control_commands_over_broken_rings_are_not_tracebacks(tmp_path, capsys, command):
    from geo.cli import main

    path = raw_collection(
        tmp_path / "c.geojson",
        ["[[[37, 48], [38, 48], [38, 49]]]", "[[[36, 47], [37, NaN], [37, 48], [36, 47]]]"],
    )
    out = tmp_path / "out.geojson"
    # the next day's layer: a diff of one file with itself is warned of (one date twice)
    later = raw_collection(
        tmp_path / "d.geojson", ["[[[37, 48], [38, 48], [38, 49]]]"], "2025-01-06"
    )
    args = ["control", "line", path] if command == "line" else ["diff", path, later]
    assert main([str(a) for a in [*args, "-o", out]]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Warning" not in err
    assert f"{path}: closed the unclosed rings of feature 1" in err
    assert f"{path}: dropped feature 2: NaN or infinite coordinates" in err
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


def kmz(path: Path, documents: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in documents.items():
            archive.writestr(name, data)
    return path


def test_kmz_with_two_kml_documents_reads_both(tmp_path):
    docs = {}
    for k, square in enumerate([box(37, 48, 37.1, 48.1), box(38, 48, 38.1, 48.1)]):
        frame = gpd.GeoDataFrame({"status": ["claimed"]}, geometry=[square], crs=4326)
        frame.to_file(tmp_path / f"d{k}.kml", driver="KML")
        docs[f"d{k}.kml"] = (tmp_path / f"d{k}.kml").read_bytes()
    layer = read_control(kmz(tmp_path / "two_20250106.kmz", docs))
    assert len(layer.frame) == 2
    assert layer.frame.total_bounds.tolist() == pytest.approx([37, 48, 38.1, 48.1])


def test_kmz_zip_bomb_is_refused_before_inflating(tmp_path):
    path = kmz(tmp_path / "bomb_20250106.kmz", {"doc.kml": b"<kml>" + b" " * 50_000_000})
    with pytest.raises(InputError, match="zip bomb"):
        read_control(path)


def test_layer_with_nothing_left_after_the_repairs_is_one_line(tmp_path):
    path = raw_collection(tmp_path / "c.geojson", ["[[[36, 36], [36, 36], [36, 36]]]"])
    with pytest.raises(InputError, match="no polygons left after the repairs") as err:
        read_control(path)
    assert err.value.source == str(path) and "\n" not in str(err.value)


def test_unreadable_geometry_is_counted_once(tmp_path):
    path = raw_collection(tmp_path / "c.geojson", [GOOD_RING, "[[[36, 36]]]", "[[]]"])
    layer = read_control(path)
    assert len(layer.frame) == 1
    assert layer.notes == [
        "cannot read the geometry of feature 2",
        "dropped 2 features without geometry (features 2, 3)",
    ]


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_a_binary_file_as_a_control_layer_is_one_line(tmp_path, capsys, suffix):
    from geo.cli import main

    blob = tmp_path / f"blob{suffix}"
    # a header GDAL cannot decode (cp1251 text): a UnicodeDecodeError traceback before
    blob.write_bytes("назва,статус\nБахмут,окупований\n".encode("cp1251") + bytes(range(256)) * 4)
    for args in (["control", "line", str(blob)], ["diff", str(blob), str(blob)]):
        assert main([*args, "-o", str(tmp_path / "out.geojson")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and str(blob) in err[0] and "Traceback" not in err[0], err


POKROVSK_UTM37 = [  # Pokrovsk's box (37.10-37.22 E, 48.26-48.31 N) in WGS 84 / UTM zone 37N
    [358985.07, 5346943.75], [367890.94, 5346730.26], [368019.86, 5352287.53],
    [359122.68, 5352500.97], [358985.07, 5346943.75],
]  # fmt: skip


def legacy_crs_layer(path: Path, crs: object, ring: list) -> Path:
    """A control layer written by a pre-RFC 7946 tool: a top-level ``crs`` member."""
    feature = {
        "type": "Feature",
        "properties": {"date": "2025-01-02"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": [feature]}))
    return path


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("EPSG:3857x", "the GeoJSON crs member names 'EPSG:3857x', which is no CRS pyproj knows"),
        ("garbage", "the GeoJSON crs member names 'garbage', which is no CRS pyproj knows"),
        (None, "cannot read the GeoJSON crs member of type 'link'"),
    ],
)
def test_a_crs_member_naming_no_known_crs_is_refused(tmp_path, name, message):
    """GDAL took such a file for lon/lat WGS84 without a word (RFC 7946 has no crs member)."""
    crs = (
        {"type": "name", "properties": {"name": name}}
        if name
        else {"type": "link", "properties": {"href": "http://example.org/crs.wkt"}}
    )
    ring = [[37.10, 48.26], [37.22, 48.26], [37.22, 48.31], [37.10, 48.31], [37.10, 48.26]]
    path = legacy_crs_layer(tmp_path / "legacy.geojson", crs, ring)
    with pytest.raises(InputError) as err:
        read_control(path)
    assert err.value.source == str(path) and message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_crs_member_gdal_does_not_know_but_pyproj_does_is_reprojected(tmp_path):
    """GDAL reads 'WGS 84 / UTM zone 37N' as WGS84; the metres had been dropped as out of range."""
    crs = {"type": "name", "properties": {"name": "WGS 84 / UTM zone 37N"}}
    layer = read_control(legacy_crs_layer(tmp_path / "utm.geojson", crs, POKROVSK_UTM37))
    assert layer.notes == ["reprojected from EPSG:32637 to EPSG:4326"]
    assert layer.frame.total_bounds == pytest.approx([37.10, 48.26, 37.22, 48.31], abs=1e-6)


def test_boundaries_read_for_a_map_honour_the_crs_member_too(tmp_path):
    from geo.core.io import read_boundaries

    crs = {"type": "name", "properties": {"name": "WGS 84 / UTM zone 37N"}}
    frame = read_boundaries(legacy_crs_layer(tmp_path / "utm.geojson", crs, POKROVSK_UTM37))
    assert frame.total_bounds == pytest.approx([37.10, 48.26, 37.22, 48.31], abs=1e-6)
    garbage = {"type": "name", "properties": {"name": "garbage"}}
    with pytest.raises(InputError, match="no CRS pyproj knows"):
        read_boundaries(legacy_crs_layer(tmp_path / "bad.geojson", garbage, POKROVSK_UTM37))
