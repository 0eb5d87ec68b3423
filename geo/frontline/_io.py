"""Old import path of the frontline stage's GeoJSON writer,
now :func:`geo.core.io.write_geojson`."""

from geo.core.io.geojson import write_geojson

__all__ = ["write_geojson"]
