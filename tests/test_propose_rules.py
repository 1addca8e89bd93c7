"""Rules found on loosely typed exports: inferred references, polymorphic links, outcomes, merges."""

from __future__ import annotations

from assistant.highlevel.state import CustomObjectSchema, DestinationState, Pipeline, Stage
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, FieldModel, TargetObject, TransformKind
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import destination, table

S = SemanticType
T = TargetObject
K = TransformKind


def _fields(doc: MappingDocument) -> dict[str, FieldMap]:
    return {f.id: f for f in doc.fields}


def _export() -> list[TableProfile]:
    return [
        table(
            "contacts",
            [
                ("id", S.IDENTIFIER, {"unique_share": 1.0}),
                ("first_name", S.PERSON_NAME, {}),
                ("last_name", S.PERSON_NAME, {}),
                ("email", S.EMAIL, {}),
                ("company_id", S.IDENTIFIER, {}),
                ("owner_email", S.EMAIL, {}),
            ],
            key="id",
        ),
        table(
            "companies",
            [("id", S.IDENTIFIER, {}), ("name", S.COMPANY_NAME, {}), ("owner_email", S.EMAIL, {})],
            key="id",
        ),
        table(
            "deals",
            [
                ("id", S.IDENTIFIER, {}),
                ("name", S.FREE_TEXT, {}),
                ("contact_id", S.IDENTIFIER, {}),
                ("pipeline", S.PICKLIST, {"values": {"Sales": 5, "Renewals": 2}}),
                ("stage", S.PICKLIST, {"values": {"Proposal Sent": 3, "Won": 2}}),
                ("status", S.PICKLIST, {"values": {"open": 4, "won": 2, "lost": 1}}),
                ("amount", S.MONEY, {}),
            ],
            key="id",
        ),
        table(
            "notes",
            [
                ("id", S.IDENTIFIER, {}),
                ("body", S.FREE_TEXT, {}),
                ("related_type", S.PICKLIST, {"values": {"contact": 4, "company": 2, "deal": 1}}),
                ("related_id", S.IDENTIFIER, {}),
            ],
            key="id",
        ),
    ]


def _values() -> MemoryValues:
    return MemoryValues(
        {
            "contacts": [{"id": str(i), "company_id": str(i % 2)} for i in range(4)],
            "companies": [{"id": "0"}, {"id": "1"}],
            "deals": [{"id": "9", "contact_id": "1"}, {"id": "8", "contact_id": "3"}],
            "notes": [
                {"id": "n1", "related_type": "contact", "related_id": "2"},
                {"id": "n2", "related_type": "company", "related_id": "1"},
                {"id": "n3", "related_type": "deal", "related_id": "9"},
            ],
        }
    )


def _dest() -> DestinationState:
    dest = destination()
    dest.pipelines = [
        Pipeline(id="p1", name="Sales", stages=[Stage(id="a", name="Proposal", position=0)]),
        Pipeline(id="p2", name="Renewals", stages=[Stage(id="b", name="Renewed", position=0)]),
    ]
    return dest


def test_references_are_inferred_from_names_when_values_agree() -> None:
    fields = _fields(propose_offline(ProposeInputs(_export(), _dest(), _values())))
    company = fields["field:contacts.company_id"]
    assert (company.target.field, company.transform.params["table"]) == ("companyId", "companies")
    assert fields["field:deals.contact_id"].target.field == "contactId"
    assert any("inferred" in e.detail or "->" in e.detail for e in company.evidence)


def test_a_shared_name_without_shared_values_links_nothing() -> None:
    values = MemoryValues({"contacts": [{"company_id": "x1"}], "companies": [{"id": "0"}]})
    fields = _fields(propose_offline(ProposeInputs(_export(), _dest(), values)))
    assert fields["field:contacts.company_id"].target.field != "companyId"


def test_owner_email_is_an_owner_not_the_record_email() -> None:
    fields = _fields(propose_offline(ProposeInputs(_export(), _dest(), _values())))
    assert fields["field:contacts.owner_email"].transform.kind == K.OWNER
    on_company = fields["field:companies.owner_email"]
    assert on_company.target.field != "email"
    assert on_company.target.custom_field is not None
    assert on_company.target.custom_field.model == FieldModel.COMPANY


def test_outcome_status_and_pipeline_columns() -> None:
    fields = _fields(propose_offline(ProposeInputs(_export(), _dest(), _values())))
    status = fields["field:deals.status"]
    assert status.target.field == "status"
    assert status.transform.params["map"] == {"open": "open", "won": "won", "lost": "lost"}
    pipeline = fields["field:deals.pipeline"]
    assert pipeline.target.field == "pipelineId"
    assert pipeline.transform.params["values"] == {"Sales": "p1", "Renewals": "p2"}
    assert fields["field:deals.stage"].target.field == "pipelineStageId"


def test_polymorphic_reference_links_notes_to_their_record() -> None:
    link = _fields(propose_offline(ProposeInputs(_export(), _dest(), _values())))[
        "field:notes.related_type+related_id"
    ]
    assert link.target.field == "contactId" and link.transform.kind == K.LOOKUP
    assert link.transform.params["objects"] == {
        "contact": "contact",
        "company": "company",
        "deal": "opportunity",
    }
    assert link.transform.params["tables"] == {"contact": "contacts", "company": "companies", "deal": "deals"}


def test_destination_custom_object_and_line_tables_and_document_merges() -> None:
    dest = _dest()
    dest.customObjects = [
        CustomObjectSchema(
            id="co1",
            key="custom_objects.work_order",
            labels={"singular": "Work Order", "plural": "Work Orders"},
        )
    ]
    profiles = [
        table(
            "jobs",
            [
                ("Job #", S.IDENTIFIER, {"unique_share": 1.0}),
                ("Job Name", S.FREE_TEXT, {}),
                ("Job Status", S.PICKLIST, {}),
                ("Job Total", S.MONEY, {}),
            ],
            key="Job #",
        ),
        table(
            "estimates",
            [
                ("Estimate #", S.IDENTIFIER, {"unique_share": 1.0}),
                ("Job #", S.IDENTIFIER, {}),
                ("Status", S.PICKLIST, {}),
                ("Total", S.MONEY, {}),
            ],
            key="Estimate #",
        ),
        table(
            "estimate_line_items",
            [
                ("Estimate #", S.IDENTIFIER, {}),
                ("Item Name", S.FREE_TEXT, {}),
                ("Quantity", S.INTEGER, {}),
                ("Unit Price", S.MONEY, {}),
            ],
        ),
        table(
            "work_orders",
            [
                ("Work Order #", S.IDENTIFIER, {"unique_share": 1.0}),
                ("Job #", S.IDENTIFIER, {}),
                ("Scheduled Date", S.DATE, {}),
                ("Assigned Technician", S.PERSON_NAME, {}),
            ],
            key="Work Order #",
        ),
    ]
    doc = propose_offline(ProposeInputs(profiles, dest))
    objects = {o.source_object: o for o in doc.objects}
    assert objects["work_orders"].targets[0].custom_object_key == "custom_objects.work_order"
    lines = objects["estimate_line_items"]
    assert (lines.targets[0].role, lines.parent_object) == ("line_items", "estimates")
    estimates = objects["estimates"]
    assert (estimates.targets[0].role, estimates.parent_object) == ("merge_into_parent", "jobs")
    merged = [f for f in doc.fields if f.source_object == "estimates" and f.target.kind != FieldKind.SKIP]
    assert merged and all(
        f.target.custom_field is not None for f in merged
    )  # never the job's own stage/amount
    assert _fields(doc)["field:estimates.Total"].target.custom_field.name == "Estimate Total"  # type: ignore[union-attr]
