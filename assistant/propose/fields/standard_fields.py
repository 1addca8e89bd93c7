"""A column's standard HighLevel field: which candidates it may take, and the map a chosen one makes."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.fields.act_statuses import tells_no_record_status
from assistant.propose.fields.build import (
    TableContext,
    alternatives_from,
    evidence_of,
    make_map,
    standard_target,
)
from assistant.propose.fields.custom import empty_penalty
from assistant.propose.minor_units import in_minor_units
from assistant.propose.normalize import normalise, object_words, tokens
from assistant.propose.other_names import names_a_tag
from assistant.propose.owner_values import names_users
from assistant.propose.signals import lead_concept
from assistant.propose.stage_match import appointment_status, outcome_of
from assistant.propose.stage_pipelines import pipeline_for
from assistant.propose.transforms import transform_for
from assistant.propose.vocabulary_records import PERMISSION_ROLES

S = SemanticType
T = TargetObject
_DONE_WORDS = {
    "completed",
    "complete",
    "completado",
    "completada",
    "done",
    "hecho",
    "finalizado",
    "finalizada",
    "cerrado",
    "cerrada",
    "closed",
    "terminado",
    "terminada",
    "resuelto",
    "resolved",
    "finished",
}
_PERSON_NAME_FIELDS = frozenset({"name", "firstName", "lastName"})
_STREET_FIELDS = frozenset({"address1", "address", "address2"})
_SURE_TYPE = 0.9
_RECORD_NAMES = frozenset({"name", "firstName", "lastName", "companyName", "title"})


def allowed(col: ColumnProfile, cand: Candidate, primary: TargetObject) -> bool:
    if cand.object == T.FILE and primary != T.FILE and lead_concept(col) != "file_path":
        return False
    if cand.value_kind == "lookup":
        return False
    if cand.field in ("pipelineStageId", "status") and tells_no_record_status(col):
        return False  # a constant, or how the record was e-mailed or printed: not where it stands
    if cand.value_kind == "stage":
        return col.semantic_type in (S.PICKLIST, S.FREE_TEXT, S.IDENTIFIER) and col.foreign_key is None
    if cand.value_kind == "owner":  # lists of people qualify when their values name users
        return col.semantic_type in (S.PERSON_NAME, S.EMAIL, S.PICKLIST, S.FREE_TEXT) or names_users(cand)
    if cand.field == "completed" and cand.value_kind == "boolean" and col.semantic_type != S.BOOLEAN:
        return bool(_done_values(col))
    if cand.value_kind == "outcome":
        values = [v.value for v in (col.picklist or col.top_values)]
        return len(values) >= 2 and all(outcome_of(v) for v in values)
    if cand.value_kind == "pipeline":
        return col.semantic_type in (S.PICKLIST, S.FREE_TEXT) and col.foreign_key is None
    if names_a_tag(col) and cand.field in _RECORD_NAMES:
        return False  # a nested tags list's 'name' is a tag: on a record without tags it names nothing
    if col.semantic_type == S.EMAIL and col.type_share >= _SURE_TYPE and cand.field in _STREET_FIELDS:
        return False  # 'address' of an e-mail list: e-mail addresses are never where a street goes
    if cand.object in (T.CONTACT, T.USER) and cand.field in _PERSON_NAME_FIELDS:
        # a header naming an organisation holds firms' names, however person-like ('Pinecrest Dental')
        return "company" not in object_words(col.column)
    if cand.object == T.USER and cand.field == "roles":
        # HighLevel roles grant permissions; job titles ('Technician') are not roles.
        roles = col.picklist or col.top_values
        return bool(roles) and all(normalise(v.value) in PERMISSION_ROLES for v in roles)
    return True


def _done_values(col: ColumnProfile) -> list[str]:
    values = col.picklist or col.top_values
    return [v.value for v in values if set(tokens(v.value)) & _DONE_WORDS]


def _standard_transform(ctx: TableContext, col: ColumnProfile, cand: Candidate) -> Transform:
    if cand.value_kind == "owner":
        return Transform(
            kind=K.OWNER,
            params={"match": "email" if col.semantic_type == S.EMAIL else "name", "via": "owner matches"},
        )
    if cand.value_kind == "stage":
        return Transform(kind=K.VALUE_MAP, params={"map": "stages"})
    if cand.value_kind == "outcome":
        values = [v.value for v in (col.picklist or col.top_values)]
        return Transform(kind=K.VALUE_MAP, params={"map": {v: outcome_of(v) for v in values}})
    if cand.value_kind == "pipeline":
        pipelines = ctx.destination.pipelines if ctx.destination else []
        found = {v.value: pipeline_for(v.value, pipelines) for v in (col.picklist or col.top_values)}
        return Transform(
            kind=K.VALUE_MAP,
            params={
                "map": "pipelines",
                "values": {v: p.id for v, p in found.items() if p},
                "unmatched": sorted(v for v, p in found.items() if p is None),
            },
        )
    if cand.field == "appointmentStatus":
        values = [v.value for v in (col.picklist or col.top_values)]
        mapped = {v: appointment_status(v) for v in values}
        return Transform(
            kind=K.VALUE_MAP,
            params={
                "map": {v: s for v, s in mapped.items() if s},
                "unmapped": sorted(v for v, s in mapped.items() if not s),
            },
        )
    if cand.field == "completed" and col.semantic_type != S.BOOLEAN:
        return Transform(kind=K.BOOLEAN, params={"true_values": _done_values(col)})
    transform = transform_for(col, cand.value_kind, ctx.default_country)
    if transform.kind == K.TAGS:
        transform.params["map"] = "tag clusters"
    return transform


def standard_maps(
    ctx: TableContext, col: ColumnProfile, cand: Candidate, cands: list[Candidate]
) -> list[FieldMap]:
    factor, sparse = empty_penalty(col)
    evidence = [*evidence_of(col), *sparse, *(Evidence(source="candidate", detail=e) for e in cand.evidence)]
    why = f"'{col.column}' is the {cand.concept or 'closest'} field of the {cand.object.value}"
    label = f"{cand.object.value}.{cand.field}"
    alts = alternatives_from(
        cands, label, [Alternative(target="custom field", score=0.3, value={"kind": "custom_new"})]
    )
    transform = _standard_transform(ctx, col, cand)
    why, confidence = in_minor_units(col, transform, evidence, why, min(cand.score, 0.97) * factor)
    target = standard_target(cand.object, cand.field)
    maps = [make_map(ctx, [col.column], target, transform, confidence, why, evidence, alts)]
    company = any(
        t.object == T.COMPANY and t.role == "company_of_record" for t in ctx.decision.object_map.targets
    )
    if cand.field == "companyName" and company:
        maps.append(
            make_map(
                ctx,
                [col.column],
                standard_target(T.COMPANY, "name"),
                Transform(),
                0.85 * factor,
                f"'{col.column}' names the company record created beside the contact",
                evidence,
                alts,
                suffix="@company",
            )
        )
    return maps
