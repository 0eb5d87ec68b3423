"""frontline: turn conflict reporting into maps.

Stages (one module or subpackage each, data flows one way):
``geo.text`` (documents, sentences, mentions) → ``geo.gazetteer`` (store, resolver) →
``geo.claims`` (claimant, stance, dates) → ``geo.extract`` (event records) →
``geo.geometry`` (claim geometry) → ``geo.frontline`` (control layers) →
``geo.render`` / ``geo.export`` (maps, files), wired together by ``geo.pipeline`` and ``geo.cli``.
"""

__version__ = "0.1.0"
