"""Tag consolidation beats OpenRefine's fingerprint key collision on realistic variants."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.tags import cluster_tags, clusters_as_lists, tag_key
from assistant.propose.tags_baseline import fingerprint, fingerprint_clusters
from tests.propose_factory import destination, spanish_crm, spanish_values

GOLD = [
    ["VIP", "vip ", "V.I.P.", "cliente-vip", "Cliente VIP"],
    ["Mayorista", "mayoristas", "Wholesale"],
    ["Follow up", "follow-up", "followup", "Follow-Up"],
    ["Zona Norte", "zona norte", "ZONA-NORTE"],
    ["Zona Sur"],
    ["Newsletter", "newsletter"],
    ["Referido", "referral", "Recomendado"],
]


def _pairs(clusters: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for c in clusters for p in combinations(sorted(set(c)), 2)}


def _f1(found: list[list[str]]) -> float:
    gold, got = _pairs(GOLD), _pairs(found)
    if not got:
        return 0.0
    precision, recall = len(gold & got) / len(got), len(gold & got) / len(gold)
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def test_fingerprint_baseline_is_openrefine_key_collision() -> None:
    assert fingerprint("  Zona  NORTE ") == "norte zona"
    assert fingerprint("V.I.P.") == "vip"
    assert fingerprint("Ñandú-Rojo") == "nandurojo"
    assert fingerprint_clusters(["a b", "B A", "c"]) == [["a b", "B A"], ["c"]]


def test_our_clustering_beats_the_fingerprint_baseline() -> None:
    values = [v for cluster in GOLD for v in cluster]
    ours, baseline = _f1(clusters_as_lists(values)), _f1(fingerprint_clusters(values))
    assert ours > baseline
    assert ours >= 0.9
    assert baseline < 0.7


def test_distinct_meanings_stay_apart() -> None:
    clusters = cluster_tags(Counter({"Zona Norte": 3, "Zona Sur": 2, "Nivel 1": 1, "Nivel 2": 1}))
    assert len(clusters) == 4


def test_keys_drop_generic_words_and_translate() -> None:
    assert tag_key("cliente-vip") == tag_key("VIP") == tag_key("V.I.P.")
    assert tag_key("Mayoristas") == tag_key("wholesale")


def test_tag_clusters_in_the_document_use_the_most_frequent_clean_spelling() -> None:
    doc = propose_offline(ProposeInputs(spanish_crm(), destination(), MemoryValues(spanish_values())))
    vip = next(t for t in doc.tags if "V.I.P." in t.members)
    assert vip.canonical == "vip" and vip.id == "tag:vip"
    assert set(vip.members) == {"VIP", "vip ", "V.I.P.", "cliente-vip"}
    assert vip.counts["VIP"] == 2
    assert vip.sources == ["clients.segmento"]
    assert vip.evidence and vip.alternatives
