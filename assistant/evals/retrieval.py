"""Recall@k of the retrieval step: is the gold target among the candidates an LLM would be offered?

The LLM backend chooses, per column, among the top-k retrieved candidates on the object map's
target objects (plus "new custom field" and "skip", always offered). A gold reading that needs a
standard field or an existing custom field is reachable only if retrieval offers it, so the share
of such columns whose every needed target is in the top k is the ceiling of any model on top.
"""

from __future__ import annotations

from assistant.evals.gold_models import Gold, GoldTarget, Reading
from assistant.evals.metrics import Accuracy
from assistant.highlevel.state import DestinationState
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.candidates import Candidate, retrieve_candidates

KS = (1, 3, 5)


def _needed(reading: Reading) -> list[GoldTarget]:
    """Targets retrieval must offer: standard fields and existing custom fields (by key)."""
    return [t for t in reading if t.kind == "standard" or (t.kind == "custom" and t.key)]


def _offered(target: GoldTarget, candidates: list[Candidate]) -> bool:
    for cand in candidates:
        if target.kind == "standard" and cand.kind == FieldKind.STANDARD:
            if cand.object.value == target.object and cand.field == target.field:
                return True
        elif target.kind == "custom" and cand.kind == FieldKind.CUSTOM_EXISTING and cand.field == target.key:
            return True
    return False


def recall_at_k(
    gold: Gold, document: MappingDocument, profiles: list[TableProfile], destination: DestinationState
) -> dict[int, Accuracy]:
    """Per k: columns whose gold needs retrieval, and how many have a reading fully offered."""
    targets = {o.source_object: [t.object for t in o.targets] for o in document.objects}
    by_table = {p.table: {c.column: c for c in p.columns} for p in profiles}
    out = {k: Accuracy() for k in KS}
    for table, columns in gold.fields.items():
        for column, gold_column in columns.items():
            profile = by_table.get(table, {}).get(column)
            readings = [_needed(r) for r in gold_column.readings]
            if profile is None or any(not needed for needed in readings):
                continue  # a reading needs no retrieval (skip or a new custom field): always reachable
            candidates = retrieve_candidates(profile, targets.get(table, []), None, destination, max(KS))
            for k in KS:
                hit = any(all(_offered(t, candidates[:k]) for t in needed) for needed in readings)
                wanted = " + ".join(t.label() for t in readings[0])
                out[k].record(hit, f"{table}.{column}@{k}: needs {wanted}")
    return out
