"""The cached gazetteer: store, default build, curated overlays, imports and resolution.

Typical use::

    from geo.gazetteer import Resolver
    r = Resolver()                       # opens the default store (see store.default_path)
    r.resolve("Lyman", admin1="Donetsk Oblast").place.lat

Extend it with :func:`import_file` (GeoNames dumps, alternate names, CSV, boundaries) and, opt-in,
``Resolver(online=geo.gazetteer.online.OnlineGeocoder())``; see docs/geocoding.md.
"""

from geo.gazetteer.batch import geocode_csv
from geo.gazetteer.build import build_gazetteer
from geo.gazetteer.importers import import_file
from geo.gazetteer.names import name_key, variants
from geo.gazetteer.resolve import Candidate, Resolution, Resolver
from geo.gazetteer.store import GazetteerStore, Place, default_path

__all__ = [
    "Candidate",
    "GazetteerStore",
    "Place",
    "Resolution",
    "Resolver",
    "build_gazetteer",
    "default_path",
    "geocode_csv",
    "import_file",
    "name_key",
    "variants",
]
