"""A deal or task whose link names a company or a deal gets that record's contact, never the contact
of another table that happens to use the same key."""

from __future__ import annotations

from assistant.execute.calls import Ids, build_call, op_id
from assistant.execute.specs import RecordSpec, Ref
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject


def _spec(target: TargetObject, source: str, ref_table: str) -> RecordSpec:
    object_target = ObjectTarget(object=target)
    object_map = ObjectMap(
        id=f"object:{source}", source_object=source, targets=[object_target], status=Status.ACCEPTED
    )
    spec = RecordSpec(target.value, source, object_map, object_target)
    spec.refs.append(Ref("contactId", "contact", ref_table))
    return spec


def _ids() -> Ids:
    ids = Ids(
        {
            op_id("company", "companies", "12"): "co-12",
            op_id("contact", "contacts", "12"): "ct-other",  # another person whose own id is also 12
            op_id("contact", "contacts", "30"): "ct-first",
            op_id("opportunity", "deals", "7"): "op-7",
            op_id("contact", "contacts", "7"): "ct-seven",
        }
    )
    ids.company_contact = {"co-12": "ct-first"}
    ids.contact_of = {"op-7": "ct-deal"}
    return ids


def test_a_deal_naming_a_company_gets_the_companys_first_contact() -> None:
    call = build_call(
        _spec(TargetObject.OPPORTUNITY, "deals", "companies"), {"ref:contactId": "12"}, _ids(), "L"
    )
    assert call.body["contactId"] == "ct-first" and not call.missing


def test_a_task_naming_a_deal_gets_the_deals_contact() -> None:
    call = build_call(_spec(TargetObject.TASK, "activities", "deals"), {"ref:contactId": "7"}, _ids(), "L")
    assert call.path_params.get("contactId", call.body.get("contactId")) == "ct-deal"


def test_a_contact_of_the_named_table_itself_still_wins() -> None:
    call = build_call(
        _spec(TargetObject.OPPORTUNITY, "deals", "contacts"), {"ref:contactId": "12"}, _ids(), "L"
    )
    assert call.body["contactId"] == "ct-other"
