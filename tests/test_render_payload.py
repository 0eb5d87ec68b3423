"""The map payload protocol (geo.render.payload): the JS reads exactly the keys Python defines.

The templates are parsed as text: jinja tags are dropped, then every ``K.name`` (a payload key),
``D[K.name].part`` (a part of an object value), ``KIND.name`` (a kind code), ``d.column`` (a
popup detail), ``look.option`` (a stance look) and ``column.v``/``column.i`` (a lookup) is
collected. A key added on one side only fails here.
"""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from test_render_fixtures import sample_events

from geo.render import layers as ly
from geo.render import payload as pl
from geo.render.map import build_map

# Shipped in the detail lookup but not shown in the popup (yet): join and quality annotations.
DETAIL_NOT_SHOWN = {"join_status", "join_detail", "quality_flag", "quality_detail"}


def _js_templates() -> str:
    """Every JS template, with jinja tags and comments and JS block comments removed."""
    folder = resources.files("geo.render").joinpath("templates")
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".js.j2"))
    text = "\n".join(folder.joinpath(name).read_text(encoding="utf-8") for name in names)
    return re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|/\*.*?\*/", "", text, flags=re.S)


def _reads(pattern: str) -> set:
    return set(re.findall(pattern, _js_templates()))


def _map_payload() -> tuple[ly.EventData, str]:
    m = build_map(sample_events(), title="Payload")
    (data,) = [c for c in m._children.values() if isinstance(c, ly.EventData)]
    return data, m.get_root().render()


def test_js_reads_exactly_the_payload_keys():
    assert _reads(r"\bK\.(\w+)") == set(pl.WIRE)


def test_js_reads_the_payload_only_through_the_key_table():
    text = _js_templates()
    assert re.findall(r"\bD\s*(?:\.\s*\w+|\[\s*['\"])", text) == []  # no D.x, D["x"]
    assert re.findall(r"\bdata\s*(?:\.\s*\w+|\[\s*['\"])", text) == []  # events.data too
    assert "var KIND = {" not in text and "KIND = {point" not in text  # codes come from Python
    assert re.findall(r"(?:\bk|kindOf\[\w+\])\s*[!=]==?\s*\d", text) == []  # no literal kind code


def test_js_reads_exactly_the_declared_parts():
    read = _reads(r"\bD\[K\.(\w+)\]\.(\w+)")
    declared = {(name, part) for name, parts in pl.PARTS.items() for part in parts}
    assert read == declared


def test_js_reads_kinds_stance_looks_lookups_and_details_defined_in_python():
    assert _reads(r"\bKIND\.(\w+)") == set(pl.browser_kinds())
    assert _reads(r"\blook\.(\w+)") == set(pl.STANCE_LOOK)
    assert _reads(r"\bcolumn\.(\w+)") == set(pl.LOOKUP)
    assert _reads(r"\bd\.(\w+)") == set(pl.DETAIL_COLUMNS) - DETAIL_NOT_SHOWN


def test_map_emits_the_python_key_table_and_kind_codes():
    data, html = _map_payload()
    ((keys, kinds),) = re.findall(r"var K = (\{.*?\}), KIND = (\{.*?\});", html)
    assert json.loads(keys) == pl.browser_keys() == {k.name: k.wire for k in pl.PAYLOAD_KEYS}
    assert json.loads(kinds) == {"point": 0, "approx": 1, "region": 2, "sector": 3}
    assert json.loads(kinds) == {kind.name.lower(): int(kind) for kind in pl.Kind}
    # the payload is a JSON data block that the script parses
    block_id = f'"{data.get_name()}-data"'
    assert f'<script type="application/json" id={block_id}>{data.payload_json}</script>' in html
    assert f"var D = JSON.parse(document.getElementById({block_id}).textContent);" in html


def test_built_payload_has_exactly_the_defined_keys_and_parts():
    data, _ = _map_payload()
    payload = json.loads(data.payload_json)
    assert list(payload) == [key.wire for key in pl.PAYLOAD_KEYS]
    for name, parts in pl.PARTS.items():
        assert list(payload[pl.WIRE[name]]) == list(parts), name
    for column in payload[pl.WIRE["cols"]].values():
        assert list(column) == list(pl.LOOKUP)
    for look in payload[pl.WIRE["stances"]]["styles"]:
        assert list(look) == list(pl.STANCE_LOOK)
    present = sample_events().columns
    assert payload[pl.WIRE["detail"]]["keys"] == [c for c in pl.DETAIL_COLUMNS if c in present]
    assert sorted(set(data.column("kind"))) == sorted(int(kind) for kind in pl.Kind)  # all four
    n = len(data.column("kind"))
    for key in pl.PAYLOAD_KEYS:
        if key.per_event:
            assert len(payload[key.wire]) == n, key.name


def test_empty_payload_has_the_same_keys():
    data, _ = _map_payload()
    empty = ly.event_payload(sample_events().iloc[:0])
    assert list(empty) == list(data.payload)


def test_assemble_and_part_object_refuse_undeclared_keys():
    values = {name: None for name in pl.WIRE}
    with pytest.raises(ValueError, match="missing \\['lon'\\]"):
        pl.assemble(**{k: v for k, v in values.items() if k != "lon"})
    with pytest.raises(ValueError, match="not defined \\['extra'\\]"):
        pl.assemble(**values, extra=[])
    with pytest.raises(ValueError, match="claimants"):
        pl.part_object("claimants", names=[])
    assert len(set(pl.WIRE.values())) == len(pl.WIRE)  # wire keys are distinct
