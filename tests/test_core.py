"""geo.core, the floor under every stage: errors, settings, theatre, old import paths."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from geo.core import settings
from geo.core.errors import FrontlineError, GazetteerError, GeocodingError, InputError
from geo.core.theatre import BOX, THEATRE, theatre

GEO = Path(__file__).resolve().parents[1] / "geo"


def test_errors_subclass_the_builtin_they_refine():
    error = InputError("latitude is not a number", source="events.csv", row=7)
    assert isinstance(error, ValueError) and isinstance(error, FrontlineError)
    assert str(error) == "events.csv, row 7: latitude is not a number"
    assert isinstance(GazetteerError("corrupt"), RuntimeError)
    assert isinstance(GeocodingError("timed out", source="nominatim"), ConnectionError)
    with pytest.raises(ValueError, match="row 7"):  # caught by code that knows only builtins
        raise error


@pytest.mark.parametrize(
    "old, new",
    [
        ("geo.errors", "geo.core.errors"),
        ("geo.schema", "geo.core.schema"),
        ("geo.distance", "geo.core.distance"),
        ("geo.export", "geo.core.io.events"),
        ("geo.render.records", "geo.core.records"),
        ("geo.render.style", "geo.core.style"),
        ("geo.frontline.control", "geo.core.io.control"),
    ],
)
def test_old_import_paths_are_the_same_modules(old, new):
    assert importlib.import_module(old) is importlib.import_module(new)


def test_old_names_still_import():
    from geo.claims.tables import Gate, Twin, lower_case_only  # noqa: F401
    from geo.export import read_events, write_events  # noqa: F401
    from geo.frontline import read_control  # noqa: F401
    from geo.frontline._io import write_geojson  # noqa: F401
    from geo.pipeline import load_boundaries, load_control  # noqa: F401


def test_only_settings_reads_the_environment():
    readers = [
        str(p.relative_to(GEO))
        for p in GEO.rglob("*.py")
        if p != GEO / "core" / "settings.py"
        and re.search(r"os\.environ|os\.getenv", p.read_text(encoding="utf-8"))
    ]
    assert not readers, f"read FRONTLINE_* through geo.core.settings: {readers}"


def test_every_setting_named_in_code_is_in_the_table():
    named = set()
    for path in GEO.rglob("*.py"):
        named |= set(re.findall(r"\bFRONTLINE_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    named -= {"FRONTLINE_STYLE"}  # a style constant, not an environment variable
    assert named <= {s.name for s in settings.SETTINGS}


def test_settings_defaults_and_bad_numbers(monkeypatch):
    monkeypatch.delenv("FRONTLINE_GEOCODER", raising=False)
    assert settings.get("FRONTLINE_GEOCODER") == "nominatim"
    monkeypatch.setenv("FRONTLINE_GEOCODER_MIN_DELAY", "  ")
    assert settings.get_float("FRONTLINE_GEOCODER_MIN_DELAY") is None
    for bad in ("soon", "nan", "-1", "inf"):
        monkeypatch.setenv("FRONTLINE_GEOCODER_MIN_DELAY", bad)
        with pytest.raises(InputError, match="FRONTLINE_GEOCODER_MIN_DELAY"):
            settings.get_float("FRONTLINE_GEOCODER_MIN_DELAY")
    monkeypatch.setenv("FRONTLINE_GEOCODER_MIN_DELAY", "1.5")
    assert settings.get_float("FRONTLINE_GEOCODER_MIN_DELAY") == 1.5


def test_the_theatre_is_written_once():
    assert THEATRE == ("UA", "RU", "BY", "MD") and theatre().focus == ("UA",)
    west, south, east, north = BOX
    assert west < 22.2 and east > 40.2 and south < 44.4 and north > 52.4  # Ukraine fits inside
    copies = [
        str(p.relative_to(GEO))
        for p in GEO.rglob("*.py")
        if re.search(
            r"\(\s*\"UA\",\s*\"RU\"|20\.0, 43\.0, 42\.0, 54\.0|\"Moldova\", \"Romania\"",
            p.read_text(encoding="utf-8"),
        )
    ]
    assert not copies, f"the theatre belongs in geo/data/theatre.toml: {copies}"


def test_docs_list_every_setting_with_its_default():
    index = (GEO.parent / "docs" / "index.md").read_text(encoding="utf-8")
    for setting in settings.SETTINGS:
        default = f"`{setting.default}`" if setting.default else "unset"
        assert f"| `{setting.name}` | {default} |" in index, setting.name


def test_value_classes_compare_and_hash_by_their_fields():
    """A value class (geo.core.values.value) behaves as a frozen dataclass would at run time:
    equal by its compared fields, hashed by them (a dict key), slotted."""
    from geo.gazetteer.resolve import Candidate
    from geo.gazetteer.store import Place

    place = Place(
        "gn:1", "Bakhmut", "settlement", "PPLA3", 73000, "UA", "UA14", None, 48.59, 38.0, "t"
    )
    a = Candidate(place, 1.5, "Bakhmut", "official")
    b = Candidate(place, 1.5, "Bakhmut", "official")
    assert a == b and hash(a) == hash(b) and {a: 1}[b] == 1
    assert a != Candidate(place, 2.0, "Bakhmut", "official")
    assert not hasattr(a, "__dict__")


def test_the_type_checker_refuses_to_assign_a_value_classs_field(tmp_path):
    """What ``frozen=True`` did at run time, mypy does before the tests run (scripts/test):
    assigning a field of a value class is a type error."""
    from mypy import api

    module = tmp_path / "assigns.py"
    module.write_text(
        "from geo.core.values import value\n\n\n"
        "@value\nclass Point:\n    x: float\n\n\n"
        "def move(p: Point) -> None:\n    p.x = 1.0\n"
    )
    out, _, status = api.run(["--no-incremental", "--follow-imports=silent", str(module)])
    assert status == 1 and 'Property "x" defined in "Point" is read-only' in out, out
