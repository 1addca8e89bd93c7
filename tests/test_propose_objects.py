"""Object maps: tables classified from name vocabulary and column evidence, never a platform's name."""

from __future__ import annotations

import random

from assistant.mapping.items import MappingDocument, ObjectMap
from assistant.mapping.models import Cardinality, FieldKind, FieldModel, TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import table

S = SemanticType
T = TargetObject


def _objects(profiles: list[TableProfile]) -> dict[str, ObjectMap]:
    return {o.source_object: o for o in propose_offline(ProposeInputs(profiles, None)).objects}


def _crm() -> list[TableProfile]:
    return [
        table(
            "Clientes",
            [
                ("id", S.IDENTIFIER, {}),
                ("Nombre", S.PERSON_NAME, {}),
                ("Empresa", S.COMPANY_NAME, {}),
                ("Correo", S.EMAIL, {}),
                ("Teléfono", S.PHONE, {}),
            ],
            key="id",
        ),
        table(
            "proveedores",
            [("id", S.IDENTIFIER, {}), ("razón social", S.COMPANY_NAME, {}), ("sector", S.PICKLIST, {})],
            key="id",
        ),
        table(
            "deals",
            [
                ("id", S.IDENTIFIER, {}),
                ("name", S.FREE_TEXT, {}),
                ("stage", S.PICKLIST, {}),
                ("amount", S.MONEY, {}),
                ("contact_id", S.FOREIGN_KEY, {"fk": ("Clientes", "id")}),
            ],
            key="id",
        ),
        table(
            "deals__lines",
            [("sku", S.IDENTIFIER, {}), ("qty", S.INTEGER, {}), ("unit price", S.MONEY, {})],
            parent="deals",
        ),
        table(
            "visits",
            [
                ("id", S.IDENTIFIER, {}),
                ("start time", S.DATETIME, {}),
                ("end time", S.DATETIME, {}),
                ("cliente", S.FOREIGN_KEY, {"fk": ("Clientes", "id")}),
            ],
            key="id",
        ),
        table(
            "staff", [("id", S.IDENTIFIER, {}), ("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})], key="id"
        ),
        table(
            "automations", [("id", S.IDENTIFIER, {}), ("name", S.FREE_TEXT, {}), ("trigger", S.PICKLIST, {})]
        ),
        table(
            "facturas",
            [
                ("id", S.IDENTIFIER, {}),
                ("numero", S.IDENTIFIER, {}),
                ("due date", S.DATE, {}),
                ("total", S.MONEY, {}),
                ("paid", S.BOOLEAN, {}),
                ("pdf-path", S.URL, {}),
                ("client", S.FOREIGN_KEY, {"fk": ("Clientes", "id")}),
            ],
            key="id",
        ),
        table(
            "bills",
            [
                ("id", S.IDENTIFIER, {}),
                ("number", S.IDENTIFIER, {}),
                ("due date", S.DATE, {}),
                ("amount", S.MONEY, {}),
                ("paid", S.BOOLEAN, {}),
                ("status", S.PICKLIST, {}),
            ],
            key="id",
        ),
        table(
            "adjuntos",
            [
                ("id", S.IDENTIFIER, {}),
                ("file name", S.FREE_TEXT, {}),
                ("size", S.INTEGER, {}),
                ("path", S.URL, {}),
            ],
            key="id",
        ),
        table(
            "notas",
            [
                ("id", S.IDENTIFIER, {}),
                ("body", S.FREE_TEXT, {}),
                ("contact", S.FOREIGN_KEY, {"fk": ("Clientes", "id")}),
            ],
            key="id",
        ),
    ]


def test_objects_follow_their_evidence() -> None:
    found = _objects(_crm())
    assert [t.object for t in found["Clientes"].targets] == [T.CONTACT, T.COMPANY]
    assert found["Clientes"].cardinality == Cardinality.ONE_TO_MANY
    assert found["Clientes"].targets[1].condition == "'Empresa' is present"
    assert found["proveedores"].targets[0].object == T.COMPANY
    assert found["deals"].targets[0].object == T.OPPORTUNITY
    lines = found["deals__lines"]
    assert (lines.targets[0].object, lines.targets[0].role, lines.parent_object) == (
        T.PRODUCT,
        "line_items",
        "deals",
    )
    assert found["visits"].targets[0].object == T.APPOINTMENT
    assert found["staff"].targets[0].object == T.USER
    assert (found["automations"].targets[0].object, found["automations"].targets[0].role) == (
        T.NO_EQUIVALENT,
        "rebuild_reference",
    )
    assert [t.object for t in found["facturas"].targets] == [T.FILE, T.CONTACT]
    assert found["bills"].targets[0].object == T.CUSTOM_OBJECT
    assert found["bills"].targets[0].custom_object_key == "custom_objects.bill"
    assert found["adjuntos"].targets[0].object == T.FILE
    assert found["notas"].targets[0].object == T.NOTE


def test_object_maps_explain_themselves() -> None:
    for obj in _objects(_crm()).values():
        assert obj.rationale and obj.evidence
        assert 2 <= len(obj.alternatives) <= 5
        assert 0.0 < obj.confidence <= 0.97


def test_a_neutral_table_name_is_classified_by_its_columns() -> None:
    found = _objects(
        [
            table(
                "registro_2023",
                [("nombre", S.PERSON_NAME, {}), ("correo", S.EMAIL, {}), ("móvil", S.PHONE, {})],
            )
        ]
    )
    assert found["registro_2023"].targets[0].object == T.CONTACT


def test_invoice_fields_land_on_the_contact_when_the_pdf_is_a_file() -> None:
    doc = propose_offline(ProposeInputs(_crm(), None))
    numero = next(f for f in doc.fields if f.id == "field:facturas.numero")
    assert numero.target.custom_field is not None
    assert numero.target.custom_field.model == FieldModel.CONTACT
    assert numero.target.custom_field.name.startswith("Factura")
    pdf = next(f for f in doc.fields if f.id == "field:facturas.pdf-path")
    assert (pdf.target.object, pdf.target.field) == (T.FILE, "fileUrl")


_COLUMN_POOL = [
    ("Notas internas", S.FREE_TEXT),
    ("Zona", S.PICKLIST),
    ("Prioridad", S.PICKLIST),
    ("Importe extra", S.MONEY),
    ("fecha revisión", S.DATE),
    ("código interno", S.IDENTIFIER),
    ("Horas", S.DECIMAL),
    ("Financiado", S.BOOLEAN),
    ("Canal", S.PICKLIST),
    ("Idiomas", S.MULTI_VALUE),
    ("Gate Code", S.FREE_TEXT),
    ("Permit Number", S.IDENTIFIER),
    ("Referral score", S.INTEGER),
    ("Preferred time", S.FREE_TEXT),
    ("Segundo email", S.EMAIL),
    ("Teléfono obra", S.PHONE),
    ("Tipo", S.PICKLIST),
    ("Margen", S.DECIMAL),
    ("Fecha firma", S.DATETIME),
]


def _random_table(
    rng: random.Random, name: str, base: list[tuple[str, SemanticType, dict[str, object]]]
) -> TableProfile:
    extra = rng.sample(_COLUMN_POOL, k=rng.randint(3, 10))
    return table(name, [*base, *((c, s, {}) for c, s in extra)], key="id")


def test_custom_field_model_is_never_crossed() -> None:
    """Property over many synthetic exports: a field's model is the model of the object its table maps to."""
    rng = random.Random(7)
    deal_names = ["deals", "oportunidades", "quotes", "presupuestos", "jobs", "estimates"]
    person_names = ["clients", "clientes", "contacts", "leads", "customers", "contactos"]
    checked = 0
    for round_no in range(40):
        deal = _random_table(
            rng,
            rng.choice(deal_names),
            [
                ("id", S.IDENTIFIER, {}),
                ("title", S.FREE_TEXT, {}),
                ("status", S.PICKLIST, {}),
                ("total", S.MONEY, {}),
                ("client", S.FOREIGN_KEY, {"fk": ("people", "id")}),
            ],
        )
        people = _random_table(
            rng,
            "people" if round_no % 2 else rng.choice(person_names),
            [("id", S.IDENTIFIER, {}), ("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})],
        )
        people = people.model_copy(update={"table": "people"})
        doc: MappingDocument = propose_offline(ProposeInputs([deal, people], None))
        kinds = {o.source_object: o.targets[0].object for o in doc.objects}
        assert kinds[deal.table] == T.OPPORTUNITY and kinds["people"] == T.CONTACT
        for fmap in doc.fields:
            spec = fmap.target.custom_field
            if spec is None:
                continue
            expected = FieldModel.OPPORTUNITY if fmap.source_object == deal.table else FieldModel.CONTACT
            assert spec.model == expected, fmap.id
            assert fmap.target.kind in (FieldKind.CUSTOM_NEW, FieldKind.CUSTOM_EXISTING)
            assert spec.field_key.startswith(expected.value + ".")
            assert spec.model_reason
            checked += 1
    assert checked > 200
