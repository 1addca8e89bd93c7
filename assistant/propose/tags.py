"""Tag consolidation: source tag spellings that mean one thing -> one canonical HighLevel tag.

Beyond the fingerprint baseline it splits on every separator ('cliente-vip'), reads dotted
acronyms ('V.I.P.'), drops generic qualifier words ('cliente', 'customer'), translates
Spanish/English synonyms, and merges near-identical keys with rapidfuzz.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from assistant.propose.normalize import singular, strip_accents
from assistant.propose.vocabulary import NOISE_TOKENS
from assistant.propose.vocabulary_records import GENERIC_TAG_WORDS, TAG_SYNONYMS

_ACRONYM = re.compile(r"^\s*(?:[A-Za-z]\.){2,}[A-Za-z]?\.?\s*$")
_WORDS = re.compile(r"[^a-z0-9]+")
FUZZY_MIN = 90


def tag_key(value: str) -> str:
    """The meaning key of one tag spelling ('Cliente VIP', 'V.I.P.', 'vip ' -> 'vip')."""
    text = strip_accents(value).lower().strip()
    if _ACRONYM.match(text):
        text = text.replace(".", "")
    words = [w for w in _WORDS.split(text) if w and w not in NOISE_TOKENS]
    meaningful = [w for w in words if w not in GENERIC_TAG_WORDS] or words
    canon = {TAG_SYNONYMS.get(w, TAG_SYNONYMS.get(singular(w), singular(w))) for w in meaningful}
    return " ".join(sorted(canon))


def _translated(value: str) -> bool:
    """Whether the key needed the synonym table or dropped a generic word (not just case and spacing)."""
    words = [w for w in _WORDS.split(strip_accents(value).lower()) if w and w not in NOISE_TOKENS]
    return any(
        w in GENERIC_TAG_WORDS or TAG_SYNONYMS.get(singular(w), singular(w)) != singular(w) for w in words
    )


def kebab(value: str) -> str:
    text = strip_accents(value).lower().strip()
    if _ACRONYM.match(text):
        text = text.replace(".", "")
    return "-".join(w for w in _WORDS.split(text) if w) or "tag"


@dataclass
class Cluster:
    key: str
    members: Counter[str] = field(default_factory=Counter)
    how: set[str] = field(default_factory=set)  # which steps merged spellings: exact, synonym, fuzzy

    @property
    def canonical(self) -> str:
        """Most used clean spelling, kebab-case lower ('VIP' and 'vip ' count as one spelling)."""
        uses: Counter[str] = Counter()
        abbreviated: set[str] = set()
        for spelling, count in self.members.items():
            uses[kebab(spelling)] += count
            if "." in spelling and not _ACRONYM.match(spelling):
                abbreviated.add(kebab(spelling))
        ranked = sorted(uses.items(), key=lambda kv: (kv[0] in abbreviated, -kv[1], len(kv[0]), kv[0]))
        return ranked[0][0]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def cluster_tags(counts: Counter[str]) -> list[Cluster]:
    """Clusters of raw tag spellings (with their counts), biggest first."""
    by_key: dict[str, Cluster] = {}
    for value, count in counts.items():
        if not value.strip():
            continue
        key = tag_key(value)
        cluster = by_key.setdefault(key, Cluster(key))
        cluster.members[value] += count
        if _translated(value):
            cluster.how.add("synonym")
    merged: list[Cluster] = []
    for cluster in sorted(by_key.values(), key=lambda c: -sum(c.members.values())):
        squashed = cluster.key.replace(" ", "")
        home = next(
            (
                m
                for m in merged
                if _close(m.key.replace(" ", ""), squashed) or _same_words(m.key, cluster.key)
            ),
            None,
        )
        if home is None:
            merged.append(cluster)
            continue
        home.members.update(cluster.members)
        home.how |= cluster.how | {"fuzzy"}
    for cluster in merged:
        if len(cluster.members) > 1:
            cluster.how.add("normalisation")
    return merged


def _abbreviates(short: str, full: str) -> bool:
    """'cdad' abbreviates 'comunidad': same first letter, its letters appear in order."""
    if len(short) < 2 or len(short) >= len(full) or short[0] != full[0]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _same_words(a: str, b: str) -> bool:
    left, right = a.split(), b.split()
    if len(left) != len(right) or left == right:
        return False
    pairs = list(zip(sorted(left), sorted(right), strict=True))
    return all(x == y or _abbreviates(x, y) or _abbreviates(y, x) for x, y in pairs)


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if _digits(a) != _digits(b) or min(len(a), len(b)) < 5:
        return False
    return fuzz.ratio(a, b) >= FUZZY_MIN


def split_cell(cell: str, separator: str | None) -> list[str]:
    """Tags inside one cell: a JSON array, else the profiled separator, else the usual list separators."""
    text = cell.strip()
    if text.startswith("[") and text.endswith("]"):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            parsed = None
        if isinstance(parsed, list):
            return [str(p) for p in parsed if str(p).strip()]
    parts = cell.split(separator) if separator else re.split(r"[;,|]", cell)
    # The space after a separator belongs to the separator; a trailing space is the source's own spelling.
    return [p.lstrip() for p in parts if p.strip()]


def clusters_as_lists(values: list[str]) -> list[list[str]]:
    """Comparable with ``tags_baseline.fingerprint_clusters``: raw spellings grouped, input order kept."""
    clusters = cluster_tags(Counter(values))
    index = {v: i for i, c in enumerate(clusters) for v in c.members}
    groups: dict[int, list[str]] = {}
    for value in values:
        if value in index:
            groups.setdefault(index[value], []).append(value)
    return list(groups.values())
