"""Claims stage: for one sentence, who claims it, what stance, about whom, how much and when.

Pattern tables live in ``geo/data/claims.toml`` and ``geo/data/dates.toml`` (data, not nested
ifs), gated by one trigger scan per sentence (``geo.claims.tables``). :func:`analyse_sentence`
returns a :class:`ClaimFrame` shared by every place mentioned in the sentence.
"""

from geo.claims.analyse import Claimant, ClaimFrame, MentionClaim, analyse_sentence
from geo.claims.dates import resolve_date

__all__ = ["ClaimFrame", "Claimant", "MentionClaim", "analyse_sentence", "resolve_date"]
