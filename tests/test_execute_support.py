"""A tiny confirmed migration for executor tests: raw tables, a confirmed mapping document, a workspace.

Source: six Spanish clients (two are companies too), quotes, jobs (a task and a note each) and one
automation with no HighLevel equivalent. Destination: the stand-in's default seed (pipeline Sales
with stages New/Won, users Ana and Bob, the contact custom field ``contact.customer_since``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.mapping import store
from assistant.mapping.items import (
    CustomFieldSpec,
    FieldMap,
    FieldTarget,
    MappingDocument,
    ObjectMap,
    ObjectTarget,
    OwnerMatch,
    StageValueMap,
    TagCluster,
    Transform,
)
from assistant.mapping.models import (
    Cardinality,
    DataType,
    FieldKind,
    FieldModel,
    OpportunityStatus,
    Status,
    TargetObject,
    TransformKind,
)
from assistant.workspace import Workspace

CLIENTS = [
    # id, name, email, phone, company, tags, owner, since, vat
    (
        "C1",
        "María José García López",
        "MJ.Garcia@Example.com ",
        "612 345 678",
        "",
        "VIP;Prioritario",
        "ana@example.com",
        "05/03/2021",
        "B1",
    ),
    (
        "C2",
        "José Luis Rodríguez",
        "jl@example.com",
        "+34 91 123 45 67",
        "Reformas Rodríguez SL",
        "vip ",
        "Bob",
        "17/11/2020",
        "B2",
    ),
    (
        "C3",
        "Ana de la Fuente Gómez",
        "ana.fuente@example",
        "612 000 111",
        "",
        "",
        "ana@example.com",
        "31/12/2019",
        "",
    ),
    (
        "C4",
        "Pedro Sánchez Ruiz",
        "pedro@example.com",
        "12",
        "Construcciones Sánchez",
        "Prioritario",
        "Bob",
        "not a date",
        "B4",
    ),
    ("C5", "Lucía Martín", "lucia@example.com", "", "", "", "ana@example.com", "", ""),
    ("C6", "Carlos Pérez Díaz", "carlos@example.com", "699 888 777", "", "VIP", "Bob", "01/01/2022", "B6"),
]
QUOTES = [
    # id, client_id, number, title, status, total
    ("Q1", "C1", "P-001", "Reforma baño", "sent", "1.234,56"),
    ("Q2", "C2", "P-002", "Cocina", "accepted", "5.000,00"),
    ("Q3", "C4", "P-003", "Tejado", "rejected", "780,50"),
    ("Q4", "C6", "P-004", "Ventanas", "sent", "2.100,00"),
]
JOBS = [
    # id, client_id, title, date, notes
    ("J1", "C1", "Visita técnica", "10/04/2024", "Llevar medidor"),
    ("J2", "C2", "Instalación", "12/04/2024", "Cliente prefiere mañanas"),
    ("J3", "C6", "Revisión", "15/04/2024", "Acceso por garaje"),
]
WORKFLOWS = [("W1", "Recordatorio de presupuesto", "quote sent + 3 days", "send email")]


def load_raw(ws: Workspace, clients: Sequence[tuple[str, ...]] | None = None) -> None:
    con = ws.connect()
    tables: dict[str, tuple[list[str], Sequence[tuple[str, ...]]]] = {
        "clients": (
            ["id", "name", "email", "phone", "company", "tags", "owner", "since", "vat"],
            clients or CLIENTS,
        ),
        "quotes": (["id", "client_id", "number", "title", "status", "total"], QUOTES),
        "jobs": (["id", "client_id", "title", "date", "notes"], JOBS),
        "workflows": (["id", "name", "trigger", "action"], WORKFLOWS),
    }
    for name, (columns, rows) in tables.items():
        cols = ", ".join(f'"{c}" VARCHAR' for c in columns)
        con.execute(f'CREATE OR REPLACE TABLE raw."{name}" ({cols}, "_row" BIGINT, "_load_id" VARCHAR)')
        con.executemany(
            f'INSERT INTO raw."{name}" VALUES ({", ".join("?" for _ in columns)}, ?, ?)',
            [(*row, i + 1, "load-1") for i, row in enumerate(rows)],
        )


def field_map(
    obj: str,
    cols: list[str],
    target: TargetObject,
    name: str | None = None,
    *,
    kind: TransformKind = TransformKind.COPY,
    params: dict[str, Any] | None = None,
    custom: CustomFieldSpec | None = None,
    suffix: str = "",
) -> FieldMap:
    field_kind = (
        FieldKind.STANDARD
        if custom is None
        else (FieldKind.CUSTOM_EXISTING if custom.existing_id else FieldKind.CUSTOM_NEW)
    )
    return FieldMap(
        id=f"field:{obj}.{'+'.join(cols)}{suffix}",
        source_object=obj,
        source_columns=cols,
        target=FieldTarget(kind=field_kind, object=target, field=name, custom_field=custom),
        transform=Transform(kind=kind, params=params or {}),
        status=Status.ACCEPTED,
    )


def document() -> MappingDocument:
    c, o, t, n = TargetObject.CONTACT, TargetObject.OPPORTUNITY, TargetObject.TASK, TargetObject.NOTE
    since = CustomFieldSpec(
        name="Customer since",
        field_key="contact.customer_since",
        data_type=DataType.DATE,
        model=FieldModel.CONTACT,
        existing_id="Fld0Since00000000001",
    )
    vat = CustomFieldSpec(
        name="VAT number",
        field_key="contact.vat_number",
        data_type=DataType.TEXT,
        model=FieldModel.CONTACT,
        model_reason="clients are contacts",
    )
    quote_no = CustomFieldSpec(
        name="Quote number",
        field_key="opportunity.quote_number",
        data_type=DataType.TEXT,
        model=FieldModel.OPPORTUNITY,
        model_reason="quotes are opportunities",
    )
    ok = Status.ACCEPTED
    return MappingDocument(
        project="tiny",
        objects=[
            ObjectMap(
                id="object:clients",
                source_object="clients",
                key_column="id",
                status=ok,
                cardinality=Cardinality.ONE_TO_MANY,
                targets=[
                    ObjectTarget(object=c),
                    ObjectTarget(object=TargetObject.COMPANY, condition="company present"),
                ],
            ),
            ObjectMap(
                id="object:quotes",
                source_object="quotes",
                key_column="id",
                status=ok,
                targets=[ObjectTarget(object=o)],
            ),
            ObjectMap(
                id="object:jobs",
                source_object="jobs",
                key_column="id",
                status=ok,
                cardinality=Cardinality.ONE_TO_MANY,
                targets=[ObjectTarget(object=t), ObjectTarget(object=n)],
            ),
            ObjectMap(
                id="object:workflows",
                source_object="workflows",
                status=ok,
                rationale="automations are rebuilt in HighLevel's Workflow Builder",
                targets=[ObjectTarget(object=TargetObject.NO_EQUIVALENT, role="rebuild_reference")],
            ),
        ],
        fields=[
            field_map("clients", ["name"], c, "firstName", kind=TransformKind.NAME_FIRST),
            field_map("clients", ["name"], c, "lastName", kind=TransformKind.NAME_LAST, suffix="@last"),
            field_map("clients", ["email"], c, "email", kind=TransformKind.EMAIL),
            field_map(
                "clients", ["phone"], c, "phone", kind=TransformKind.PHONE_E164, params={"region": "ES"}
            ),
            field_map("clients", ["company"], TargetObject.COMPANY, "name", suffix="@company"),
            field_map("clients", ["company"], c, "companyName"),
            field_map("clients", ["tags"], c, "tags", kind=TransformKind.TAGS, params={"separator": ";"}),
            field_map("clients", ["owner"], c, "assignedTo", kind=TransformKind.OWNER),
            field_map(
                "clients", ["since"], c, kind=TransformKind.DATE, params={"format": "%d/%m/%Y"}, custom=since
            ),
            field_map("clients", ["vat"], c, custom=vat),
            field_map(
                "quotes",
                ["number", "title"],
                o,
                "name",
                kind=TransformKind.CONCAT,
                params={"template": "{number} {title}"},
            ),
            field_map("quotes", ["status"], o, "pipelineStageId", kind=TransformKind.VALUE_MAP),
            field_map(
                "quotes", ["total"], o, "monetaryValue", kind=TransformKind.MONEY, params={"locale": "es"}
            ),
            field_map(
                "quotes",
                ["client_id"],
                o,
                "contactId",
                kind=TransformKind.LOOKUP,
                params={"object": "clients"},
            ),
            field_map("quotes", ["number"], o, custom=quote_no, suffix="@cf"),
            field_map("jobs", ["title"], t, "title"),
            field_map("jobs", ["date"], t, "dueDate", kind=TransformKind.DATE, params={"format": "%d/%m/%Y"}),
            field_map(
                "jobs", ["client_id"], t, "contactId", kind=TransformKind.LOOKUP, params={"object": "clients"}
            ),
            field_map("jobs", ["notes"], n, "body", suffix="@note"),
            field_map(
                "jobs",
                ["client_id"],
                n,
                "contactId",
                kind=TransformKind.LOOKUP,
                params={"object": "clients"},
                suffix="@note",
            ),
        ],
        tags=[
            TagCluster(id="tag:vip", canonical="vip", members=["VIP", "vip"], status=ok),
            TagCluster(
                id="tag:priority-client", canonical="priority-client", members=["Prioritario"], status=ok
            ),
        ],
        stages=[
            StageValueMap(
                id=f"stage:quotes.status={v}",
                source_object="quotes",
                source_column="status",
                source_value=v,
                pipeline_id="Pip0Sales00000000001",
                stage_id=s,
                opportunity_status=st,
                status=ok,
            )
            for v, s, st in [
                ("sent", "Stg0New0000000000001", OpportunityStatus.OPEN),
                ("accepted", "Stg0Won0000000000001", OpportunityStatus.WON),
                ("rejected", "Stg0New0000000000001", OpportunityStatus.LOST),
            ]
        ],
        owners=[
            OwnerMatch(
                id="owner:clients.ana@example.com",
                source_object="clients",
                source_key="ana@example.com",
                user_id="Usr0Ana0000000000001",
                method="email",
                status=ok,
            ),
            OwnerMatch(
                id="owner:clients.Bob",
                source_object="clients",
                source_key="Bob",
                user_id="Usr0Bob0000000000001",
                method="name",
                status=ok,
            ),
        ],
    )


def tiny_workspace(root: Path, doc: MappingDocument | None = None) -> Workspace:
    ws = Workspace(root).ensure()
    load_raw(ws)
    store.save_confirmed(ws, doc or document(), by="test")
    return ws
