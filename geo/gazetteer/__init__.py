"""The cached gazetteer: store, default build, curated overlays, imports and resolution.

Typical use::

    from geo.gazetteer import Resolver
    r = Resolver()                       # opens the default store (see store.default_path)
    r.resolve("Lyman", admin1="Donetsk Oblast").place.lat
"""

from geo.gazetteer.build import build_gazetteer
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
    "name_key",
    "variants",
]
