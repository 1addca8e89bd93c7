"""Stage value maps (flagged, never forced) and owner matching (e-mail, name, fallback)."""

from __future__ import annotations

from assistant.highlevel.state import DestinationState, Location
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import OpportunityStatus
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.owners import SourceUser, match_owner
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import destination, spanish_crm, spanish_values


def _doc(fallback: str | None = "admin@demo.es", dest: DestinationState | None = None) -> MappingDocument:
    return propose_offline(
        ProposeInputs(
            spanish_crm(),
            dest or destination(),
            MemoryValues(spanish_values()),
            fallback_owner_email=fallback,
        )
    )


def test_status_ids_resolve_to_names_and_land_on_existing_stages() -> None:
    stages = {s.source_value: s for s in _doc().stages}
    assert set(stages) == {"Pendiente", "Enviado", "Aceptado", "Rechazado", "Facturación parcial x"}
    assert stages["Enviado"].stage_name == "Presupuesto enviado"
    assert stages["Enviado"].count == 2
    assert stages["Aceptado"].opportunity_status == OpportunityStatus.WON
    assert stages["Rechazado"].opportunity_status == OpportunityStatus.LOST
    # A pending quote awaits the customer's answer: the sent stage, still open.
    assert (
        stages["Pendiente"].stage_name == "Presupuesto enviado"
        and stages["Pendiente"].opportunity_status == OpportunityStatus.OPEN
    )
    valid = {(s.id) for p in destination().pipelines for s in p.stages}
    assert all(s.stage_id in valid for s in stages.values() if not s.flagged)
    odd = stages["Facturación parcial x"]
    assert odd.flagged and odd.stage_id is None and odd.confidence < 0.7
    assert stages["Enviado"].id == "stage:salesEstimates.document-state-id=Enviado"


def test_without_pipelines_every_value_is_flagged() -> None:
    bare = DestinationState(location=Location(id="l"))
    stages = _doc(dest=bare).stages
    assert stages and all(s.flagged and s.stage_id is None for s in stages)


def test_owners_match_by_email_then_name_then_fallback() -> None:
    owners = {o.source_key: o for o in _doc().owners}
    assert (owners["1"].method, owners["1"].user_id) == ("email", "u1")  # LAURA@demo.es, case-insensitive
    assert (owners["2"].method, owners["2"].user_id) == ("name", "u2")  # Pedro Ruíz, other e-mail
    assert (owners["3"].method, owners["3"].fallback_user_id, owners["3"].user_id) == ("fallback", "u3", None)
    assert owners["3"].confidence < 0.7 and "fallback" in owners["3"].rationale
    assert owners["1"].id == "owner:employees.1"


def test_unmatched_owner_without_fallback_is_flagged_with_no_user() -> None:
    owners = {o.source_key: o for o in _doc(fallback=None).owners}
    assert owners["3"].method == "none" and owners["3"].fallback_user_id is None
    assert "no fallback owner" in owners["3"].rationale


def test_name_match_needs_a_close_name() -> None:
    users = destination().users
    near = match_owner(SourceUser("t", "k", "laura gomez", None), users, None, None)
    far = match_owner(SourceUser("t", "k", "Laura Martínez Soto", None), users, None, None)
    assert near.method == "name" and near.user_id == "u1"
    assert far.method == "none" and far.user_id is None
