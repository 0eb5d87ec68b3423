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
