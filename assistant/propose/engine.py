"""The offline proposer: profiles + destination state -> a complete mapping document.

Deterministic and local. It is also the LLM backend's starting point: that backend receives
the same :class:`ProposeInputs`, the offline document (its fallback) and ``retrieve_candidates``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap, MappingDocument, ObjectTarget
from assistant.mapping.models import TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.beside_settings import left_to_document
from assistant.propose.billings import propose_billings
from assistant.propose.calibration import calibrate_document
from assistant.propose.company_lists import move_company_lists
from assistant.propose.document_beside import beside_maps
from assistant.propose.fields import TableContext, propose_table_fields
from assistant.propose.holdings import propose_holdings
from assistant.propose.objects import ObjectDecision, classify_tables
from assistant.propose.owners import propose_owners
from assistant.propose.references import infer_references
from assistant.propose.sourcedata import MemoryValues, SourceValues
from assistant.propose.stage_without_column import propose_table_stages
from assistant.propose.stages import propose_stages
from assistant.propose.tag_maps import propose_tags
from assistant.propose.targets import TargetField, standard_fields


@dataclass
class ProposeInputs:
    """Everything a backend needs, already loaded."""

    profiles: list[TableProfile]
    destination: DestinationState | None
    values: SourceValues = field(default_factory=lambda: MemoryValues({}))
    objects: list[str] | None = None  # restrict proposals to these source objects
    confidence_threshold: float = 0.7
    fallback_owner_email: str | None = None
    default_country: str | None = None
    top_k: int = 5
    project: str = "migration"
    catalog: list[TargetField] | None = None  # standard fields; None reads the target catalog
    calibrate: bool = True  # raw rule scores -> fitted probabilities of being right


def _country(inputs: ProposeInputs) -> str | None:
    if inputs.default_country:
        return inputs.default_country
    if inputs.destination is not None and inputs.destination.location.country:
        return inputs.destination.location.country
    return None


def propose_offline(inputs: ProposeInputs) -> MappingDocument:
    profiles = infer_references(inputs.profiles, inputs.values)
    decisions = classify_tables(profiles, inputs.destination)
    move_company_lists(profiles, decisions, inputs.values)  # a company's own lists fill the company
    wanted = set(inputs.objects) if inputs.objects else None
    selected = [t for t in profiles if wanted is None or t.table in wanted]
    catalog = inputs.catalog if inputs.catalog is not None else standard_fields()
    by_name = {t.table: t for t in profiles}
    fields: list[FieldMap] = []
    for table in selected:
        ctx = TableContext(
            table,
            decisions[table.table],
            decisions,
            catalog,
            inputs.destination,
            _country(inputs),
            inputs.top_k,
            values=inputs.values,
        )
        beside = beside_maps(ctx, by_name)  # a native estimate beside a quote's opportunity
        fields += left_to_document(ctx, propose_table_fields(ctx, by_name), beside) + beside
        _add_targets(decisions[table.table], ctx.extra_targets)
    doc = MappingDocument(project=inputs.project)
    doc.objects = [decisions[t.table].object_map for t in selected]
    doc.fields = fields
    doc.tags = propose_tags(selected, decisions, fields, inputs.values, inputs.destination)
    doc.stages = propose_stages(fields, inputs.values, inputs.destination, profiles)
    doc.owners = propose_owners(
        selected, decisions, fields, inputs.values, inputs.destination, inputs.fallback_owner_email
    )
    doc.holdings = propose_holdings(fields, inputs.values)  # read from the rows: its own confidence
    doc.billings = propose_billings(doc.objects, fields, inputs.values)  # a policy: its own confidence
    doc.notes = _notes(decisions, selected)
    if inputs.calibrate:
        calibrate_document(doc, inputs.confidence_threshold)
    # a policy for tables no column places, never lifted by calibration: always a human's decision
    doc.stages += propose_table_stages(doc.objects, fields, inputs.destination)
    return doc


def _add_targets(decision: ObjectDecision, extra: set[TargetObject]) -> None:
    present = {t.object for t in decision.object_map.targets}
    for obj in sorted(extra - present):
        decision.object_map.targets.append(ObjectTarget(object=obj, role="from_columns"))


def _notes(decisions: dict[str, ObjectDecision], selected: list[TableProfile]) -> list[str]:
    rebuild = [t.table for t in selected if decisions[t.table].kind == "no_equivalent"]
    if not rebuild:
        return []
    return [f"Rebuild in HighLevel's Workflow Builder from the exported definitions: {', '.join(rebuild)}"]
