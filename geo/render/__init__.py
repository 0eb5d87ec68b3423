"""Render event records and control-of-terrain layers as maps, reports and static images.

``build_map`` (layered folium map), ``write_map`` (HTML file, optionally self-contained or a
fragment), ``write_report`` (report page with conflicting claims), ``write_static`` (PNG/SVG).
"""

from geo.render.map import build_map, fragment_assets, map_fragment, write_map

__all__ = ["build_map", "fragment_assets", "map_fragment", "write_map"]
