"""frontline: turn conflict reporting into maps.

Stages (one module or subpackage each), in import order — a stage imports only those before it
(``tests/test_layering.py``): ``geo.core`` (record schema and builder, errors, io, theatre,
settings, pattern machinery) → ``geo.gazetteer`` (store, resolver) → ``geo.claims`` (claimant,
stance, dates) → ``geo.text`` (documents, sentences, mentions) → ``geo.extract`` (event records;
``geo.engine`` runs it on many processes; ``geo.merge`` merges one claim's reports) →
``geo.geometry`` (claim geometry) → ``geo.frontline`` (control layers) → ``geo.events`` (event
tables) → ``geo.render`` / ``geo.export`` (maps, files) → ``geo.pipeline`` → ``geo.cli``.
"""

__version__ = "0.1.0"


def compiled() -> bool:
    """Is the extraction path compiled (the mypyc wheel of ``./scripts/native``)? Read from
    where ``geo.extract`` would load, without importing it (``frontline --version``, the
    benchmarks)."""
    from importlib import machinery, util

    spec = util.find_spec("geo.extract")
    origin = (spec.origin if spec is not None else None) or ""
    return origin.endswith(tuple(machinery.EXTENSION_SUFFIXES))
