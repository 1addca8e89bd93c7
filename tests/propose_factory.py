"""Small, realistic profiles for the proposer's tests (the shapes profiling produces)."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import CustomField, DestinationState, Location, Pipeline, Stage, User
from assistant.profile.models import ColumnProfile, ForeignKey, SemanticType, TableProfile, ValueCount

S = SemanticType


def col(table: str, name: str, semantic: SemanticType, position: int = 0, **extra: Any) -> ColumnProfile:
    picklist = [ValueCount(value=v, count=c) for v, c in extra.pop("values", {}).items()]
    fk = extra.pop("fk", None)
    foreign = None
    if fk is not None:
        foreign = ForeignKey(
            table=table,
            column=name,
            target_table=fk[0],
            target_column=fk[1],
            resolved_share=1.0,
            path_column=extra.pop("path", None),
        )
    rows = extra.pop("rows", 20)
    return ColumnProfile(
        table=table,
        column=name,
        position=position,
        semantic_type=semantic,
        type_share=extra.pop("share", 0.97),
        picklist=picklist,
        top_values=picklist,
        row_count=rows,
        foreign_key=foreign,
        **extra,
    )


def table(
    name: str,
    columns: list[tuple[str, SemanticType, dict[str, Any]]],
    rows: int = 20,
    key: str | None = None,
    parent: str | None = None,
) -> TableProfile:
    cols = [col(name, c, s, i, rows=rows, **dict(x)) for i, (c, s, x) in enumerate(columns)]
    return TableProfile(
        table=name, row_count=rows, column_count=len(cols), primary_key=key, parent_table=parent, columns=cols
    )


PEOPLE_HEADERS = ("id", "first name", "last name", "email")


def people_table(name: str, headers: tuple[str, str, str, str] = PEOPLE_HEADERS) -> TableProfile:
    """A people table (key, first and last name, e-mail): the parent most records in tests link to."""
    key, first, last, email = headers
    columns = [(key, S.IDENTIFIER, {"unique_share": 1.0}), (first, S.PERSON_NAME, {}),
               (last, S.PERSON_NAME, {}), (email, S.EMAIL, {})]  # fmt: skip
    return table(name, columns, key=key)


def destination() -> DestinationState:
    return DestinationState(
        location=Location(id="loc1", name="Demo", country="ES"),
        pipelines=[
            Pipeline(
                id="p1",
                name="Ventas",
                stages=[
                    Stage(id="s1", name="Nuevo", position=0),
                    Stage(id="s2", name="Presupuesto enviado", position=1),
                    Stage(id="s3", name="Negociación", position=2),
                    Stage(id="s4", name="Ganado", position=3),
                ],
            )
        ],
        users=[
            User(id="u1", name="Laura Gómez", email="laura@demo.es"),
            User(id="u2", name="Pedro Ruiz", email="pedro@demo.es"),
            User(id="u3", name="Admin", email="admin@demo.es"),
        ],
        customFields=[
            CustomField(
                id="cf1", name="VAT Number", fieldKey="contact.vat_number", dataType="TEXT", model="contact"
            )
        ],
    )


def spanish_crm() -> list[TableProfile]:
    """Clients, quotes with a state FK, employees and states: a typical Spanish field-service export."""
    clients = table(
        "clients",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("name", S.PERSON_NAME, {}),
            ("legal-name", S.COMPANY_NAME, {"null_share": 0.4}),
            ("tax-identification-number", S.IDENTIFIER, {}),
            ("email", S.EMAIL, {}),
            ("phone", S.PHONE, {"country": "ES"}),
            ("phone2", S.PHONE, {"country": "ES", "null_share": 0.7}),
            ("main-address.city-town", S.CITY, {}),
            ("main-address.postal-code", S.POSTAL_CODE, {}),
            ("comments", S.FREE_TEXT, {"avg_length": 60.0}),
            ("creation-date", S.DATETIME, {"format": "iso-offset"}),
            (
                "segmento",
                S.PICKLIST,
                {"values": {"VIP": 5, "vip ": 2, "V.I.P.": 1, "cliente-vip": 3, "Nuevo": 4}},
            ),
            ("fax", S.EMPTY, {"null_share": 0.98}),
            ("path", S.FREE_TEXT, {}),
        ],
        key="id",
    )
    quotes = table(
        "salesEstimates",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("full-reference", S.IDENTIFIER, {"unique_share": 1.0}),
            ("title", S.FREE_TEXT, {}),
            ("date", S.DATETIME, {"format": "iso-offset"}),
            ("account-id", S.FOREIGN_KEY, {"fk": ("clients", "id"), "path": "account-path"}),
            ("account-path", S.FREE_TEXT, {}),
            ("agent-id", S.FOREIGN_KEY, {"fk": ("employees", "id")}),
            ("document-state-id", S.FOREIGN_KEY, {"fk": ("documentStates", "id")}),
            ("total-amount", S.MONEY, {"locale": "en", "currency": "EUR"}),
            ("tax-total-amount", S.MONEY, {"locale": "en"}),
        ],
        key="id",
    )
    employees = table(
        "employees",
        [
            ("id", S.IDENTIFIER, {}),
            ("name", S.PERSON_NAME, {}),
            ("email", S.EMAIL, {}),
        ],
        rows=3,
        key="id",
    )
    states = table(
        "documentStates",
        [
            ("id", S.IDENTIFIER, {}),
            ("name", S.PICKLIST, {}),
            ("color", S.PICKLIST, {}),
        ],
        rows=5,
        key="id",
    )
    return [clients, quotes, employees, states]


def spanish_values() -> dict[str, list[dict[str, str | None]]]:
    return {
        "employees": [
            {"id": "1", "name": "Laura Gomez", "email": "LAURA@demo.es"},
            {"id": "2", "name": "Pedro Ruíz", "email": "pedro.ruiz@old.es"},
            {"id": "3", "name": "Marta Vidal", "email": "marta@old.es"},
        ],
        "documentStates": [
            {"id": "10", "name": "Pendiente"},
            {"id": "11", "name": "Enviado"},
            {"id": "12", "name": "Aceptado"},
            {"id": "13", "name": "Rechazado"},
            {"id": "14", "name": "Facturación parcial x"},
        ],
        "salesEstimates": [{"document-state-id": s} for s in ["10", "11", "11", "12", "13", "14"]],
        "clients": [{"segmento": v} for v in ["VIP", "vip ", "V.I.P.", "cliente-vip", "Nuevo", "VIP"]],
    }
