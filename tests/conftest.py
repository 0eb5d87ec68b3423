"""Shared test fixtures.

``gazetteer_store`` / ``resolver``: the default gazetteer, built once into its default location
(``gazetteer/gazetteer.sqlite`` in a checkout) when absent — about 25 s on a clean clone.
"""

from __future__ import annotations

import pytest

from geo.gazetteer import GazetteerStore, Resolver, build_gazetteer, default_path


@pytest.fixture(scope="session")
def gazetteer_store() -> GazetteerStore:
    """The default gazetteer store (read-only use; copy it before writing)."""
    path = default_path()
    if not path.is_file():
        build_gazetteer(path)
    store = GazetteerStore(path)
    yield store
    store.close()


@pytest.fixture(scope="session")
def resolver(gazetteer_store: GazetteerStore) -> Resolver:
    """An offline resolver over the default store."""
    return Resolver(gazetteer_store)
