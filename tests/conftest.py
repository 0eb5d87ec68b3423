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


@pytest.fixture(scope="session")
def extractor(resolver: Resolver):
    """The text → claims extractor over the default store (scanner cached on disk)."""
    from geo.extract import Extractor

    return Extractor(resolver)


@pytest.fixture(scope="session")
def records(extractor):
    """One text's records as :meth:`Extractor.document_records` gives them (document "t")."""
    from geo.text.sources import Document

    def _records(text: str) -> list[dict]:
        return extractor.document_records(Document(doc_id="t", text=text))

    return _records


@pytest.fixture(scope="session")
def places(records):
    """One text's records that name a place."""

    def _places(text: str) -> list[dict]:
        return [r for r in records(text) if r["place_name"]]

    return _places


@pytest.fixture(scope="session")
def shared_dir():
    """``../shared`` beside the repository (test data; absent in a user's fresh clone)."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "shared"
    if not path.is_dir():
        pytest.skip("../shared is not present (a fresh clone): shared test data unavailable")
    return path
