"""Event tables: import ACLED/VIINA/mapped tables, geocode and validate them,
join them to text claims.

Typical use::

    from geo.events import load_events, validate_events, join_claims
    events = validate_events(load_events("acled.csv"))  # every row kept, flagged where wrong
    joined = join_claims(events, claims)  # claims marked corroborated/contradicted
    joined.claims, joined.events, joined.links, joined.combined()
"""

from geo.events.aggregate import weekly_counts
from geo.events.join import JoinResult, join_claims, link_events
from geo.events.load import load_events
from geo.events.quality import FLAGS, flag_counts
from geo.events.validate import validate_events

__all__ = [
    "FLAGS",
    "JoinResult",
    "flag_counts",
    "join_claims",
    "link_events",
    "load_events",
    "validate_events",
    "weekly_counts",
]
