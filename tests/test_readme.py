"""The README's Python API example runs as written (docs stay true)."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_python_api_example_runs(tmp_path, gazetteer_store):
    import pytest

    from geo.render.assets import fetch_assets

    try:  # the example writes a self-contained map: the asset cache must be filled (npm registry)
        fetch_assets()
    except Exception as exc:  # noqa: BLE001 - any failure to reach the registry
        pytest.skip(f"cannot fill the map asset cache from the npm registry: {exc}")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        code = code.replace('"maps/', f'"{tmp_path}/')
        namespace: dict = {}
        exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    finally:
        os.chdir(cwd)
    assert len(namespace["events"]) == 19
    assert (tmp_path / "sitrep.html").stat().st_size > 100_000  # self-contained: assets inlined
    assert (tmp_path / "sitrep.gpkg").is_file()
