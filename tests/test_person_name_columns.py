"""A column of many different people's names is a name column, not a pick-list of options; beside a
column of legal business names it makes each row a person at a company."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ingest import ingest_paths
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile import profile_workspace
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import propose_offline
from assistant.propose.service import build_inputs
from assistant.workspace import Workspace

PEOPLE = ["Lucía Martín", "Javier Sanz", "Marta Gil", "Carmen Ruiz", "Diego Torres", "Elena Navarro",
          "Pablo Ortega", "Sara Molina", "Hugo Castro", "Irene Vega", "Raúl Prieto", "Nuria Campos",
          "Óscar Rubio", "Alba Herrero", "Iván Lozano"]  # fmt: skip
STAFF = ["Ana López", "Luis Mora", "Eva Díaz"]
DESTINATION = Path(__file__).parents[1] / "evals/cases/tiny_example/destination.json"


@pytest.fixture(scope="module")
def workspace(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Workspace, dict[str, TableProfile]]]:
    root = tmp_path_factory.mktemp("people")
    source = root / "export"
    source.mkdir()
    lines = ["Nombre;Persona de contacto;Comercial;Tipo"]
    for i in range(30):  # each contact person on two businesses; three sales reps on ten each
        person, kind = PEOPLE[i % 15], ("Lead", "Cliente")[i % 2]
        lines.append(f"Talleres {person.split()[1]} {i} S.L.;{person};{STAFF[i % 3]};{kind}")
    (source / "contactos.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ws = Workspace(root / "ws").ensure()
    ingest_paths(ws, [source])
    profiles = {p.table: p for p in profile_workspace(ws)}
    yield ws, profiles
    ws.close()


def _type(profiles: dict[str, TableProfile], column: str) -> SemanticType:
    return next(c.semantic_type for c in profiles["contactos"].columns if c.column == column)


def test_many_distinct_people_repeated_twice_are_person_names_not_options(
    workspace: tuple[Workspace, dict[str, TableProfile]],
) -> None:
    profiles = workspace[1]
    assert _type(profiles, "Persona de contacto") is SemanticType.PERSON_NAME
    # a few people each on many rows (a team) and real options keep their pick-list reading
    assert _type(profiles, "Comercial") is SemanticType.PICKLIST
    assert _type(profiles, "Tipo") is SemanticType.PICKLIST


def test_the_person_column_lands_on_a_name_field_not_a_pick_list_custom_field(
    workspace: tuple[Workspace, dict[str, TableProfile]],
) -> None:
    doc = propose_offline(build_inputs(workspace[0], DESTINATION, None))
    person = next(f for f in doc.fields if "Persona de contacto" in f.source_columns)
    assert person.target.kind == FieldKind.STANDARD
    assert person.target.field in ("name", "firstName", "lastName")


def test_legal_names_beside_a_person_column_make_a_company_of_each_row(
    workspace: tuple[Workspace, dict[str, TableProfile]],
) -> None:
    doc = propose_offline(build_inputs(workspace[0], DESTINATION, None))
    objects = {t.object.value for t in doc.objects[0].targets}
    assert {"contact", "company"} <= objects
    business = {
        f"{f.target.object.value}.{f.target.field}" for f in doc.fields if f.source_columns == ["Nombre"]
    }
    assert business == {"contact.companyName", "company.name"}


def test_a_table_of_businesses_alone_keeps_the_headers_reading(tmp_path: Path) -> None:
    source = tmp_path / "export"
    source.mkdir()
    rows = [f"Acme Widgets {i} LLC,info{i}@acme{i}.example" for i in range(20)]
    (source / "customers.csv").write_text("Name,Email\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ws = Workspace(tmp_path / "ws").ensure()
    try:
        ingest_paths(ws, [source])
        profile_workspace(ws)
        doc = propose_offline(build_inputs(ws, DESTINATION, None))
    finally:
        ws.close()
    assert [t.object.value for t in doc.objects[0].targets] == ["contact"]  # no person beside: no company
    name = next(f for f in doc.fields if f.source_columns == ["Name"])
    assert (name.target.object, name.target.field) == (TargetObject.CONTACT, "name")
