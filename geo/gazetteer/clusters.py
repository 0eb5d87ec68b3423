"""Namesakes chosen together: the places of a list lie near each other.

"Сили оборони відбили атаки в районах Зорі, Петропавлівки та Шевченка" names three villages
that each have a dozen namesakes; only one Зоря, Петропавлівка and Шевченко lie within a few km
of each other. :func:`choose_together` picks, for the members of such a list (each a handful of
candidate points; a place already resolved is a member with one), the combination with the least
spread, and says for which members that choice is decisive.

The work is bounded: every candidate of every member is tried as the seed of a combination,
each other member taking its candidate nearest the seed, so a list of ``n`` members with ``k``
candidates each costs ``n² k²`` distances (numpy), not ``kⁿ`` combinations.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from geo.core.distance import haversine_km_array
from geo.core.values import value

CLUSTER_KM = 40.0
"""The most a chosen combination's members may lie apart on average: a list spread
wider names places on several fronts, and does not tell namesakes apart."""
CLUSTER_MARGIN_KM = 8.0
"""How much more spread (at least, and at least twice as much) the best combination in which a
member takes a namesake farther than ``far_km`` from its choice must have for the choice to be
decisive."""
MAX_MEMBERS = 10
MAX_CANDIDATES = 48


@value
class Together:
    """The combination chosen: each member's candidate index, its spread (the mean km between
    its members), and the members for which it is decisive."""

    chosen: tuple[int, ...]
    spread: float
    decisive: frozenset[int]


def _km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distances in km between the (lat, lon) rows of ``a`` and of ``b`` (len(a) × len(b))."""
    return haversine_km_array(a[:, None, 0], a[:, None, 1], b[None, :, 0], b[None, :, 1])


def choose_together(
    points: Sequence[np.ndarray], questions: Sequence[int], far_km: float = 25.0
) -> Together | None:
    """The least-spread combination of one candidate per member (``points[m]``: an array of
    (lat, lon) rows, at most :data:`MAX_CANDIDATES` of them used), decisive for the members of
    ``questions`` whose every alternative lying more than ``far_km`` from the choice makes a
    combination clearly more spread (:data:`CLUSTER_MARGIN_KM`); None for fewer than two
    members, or when no combination is tight enough (:data:`CLUSTER_KM`)."""
    members = [np.asarray(p, dtype=float)[:MAX_CANDIDATES] for p in points[:MAX_MEMBERS]]
    count = len(members)
    if count < 2 or any(len(p) == 0 for p in members):
        return None
    every = np.vstack(members)
    cuts = np.cumsum([0, *(len(p) for p in members)])
    grid = _km(every, every)  # one numpy call: lists are short, their calls' overhead is not
    between = [
        [grid[cuts[a] : cuts[a + 1], cuts[b] : cuts[b + 1]] for b in range(count)]
        for a in range(count)
    ]
    combos = []
    for a in range(count):
        size = len(members[a])
        seeded = np.empty((size, count), dtype=int)
        seeded[:, a] = np.arange(size)
        for b in range(count):
            if b != a:
                seeded[:, b] = between[a][b].argmin(axis=1)
        combos.append(seeded)
    combo = np.vstack(combos)
    # a combination's spread: the mean distance between its members, every pair
    cost = np.zeros(len(combo))
    for a in range(count):
        for b in range(a + 1, count):
            cost += between[a][b][combo[:, a], combo[:, b]]
    cost /= count * (count - 1) / 2
    best = int(cost.argmin())
    spread = float(cost[best])
    if spread > CLUSTER_KM:
        return None
    chosen = combo[best]
    decisive = set()
    for b in questions:
        if b >= count:
            continue
        elsewhere = between[b][b][chosen[b], combo[:, b]] > far_km
        alternative = float(cost[elsewhere].min()) if elsewhere.any() else np.inf
        if alternative >= max(2 * spread, spread + CLUSTER_MARGIN_KM):
            decisive.add(b)
    return Together(tuple(int(c) for c in chosen), spread, frozenset(decisive))
