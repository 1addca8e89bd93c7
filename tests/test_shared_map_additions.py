"""A map confirmed for one client, run for a second client on the same platform: the values only the
second export holds (a stage value, an owner, a tag spelling, a message type) are proposed as
additions before the run, decided like any proposal, recorded in that client's workspace, and named
by the plan; the manifest runs the shared map with them, and refuses them once the shared map changed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import HlmapError
from assistant.execute.fanout_manifest import ManifestClient, adopt_maps
from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping import store
from assistant.mapping.items import (
    FieldMap,
    FieldTarget,
    MappingDocument,
    ObjectMap,
    ObjectTarget,
    StageValueMap,
    Transform,
)
from assistant.mapping.models import FieldKind, Status, TargetObject, TransformKind
from assistant.profile.models import SemanticType as S
from assistant.propose.shared_additions import add_to_shared
from assistant.propose.shared_locations import resolve_in_location
from assistant.workspace import Workspace
from tests.propose_factory import destination, table
from tests.test_memory_cli import export_workspace
from tests.test_propose_cli import CLIENTS, DEALS

# The second client: a seller the first export never named, a tag spelling of its own, and deals
# already won ("Ganado"), a stage value the first client's export never held.
CLIENTS_2 = CLIENTS.replace("Nadie Conocido", "Admin").replace("V.I.P.", "Premium")
DEALS_2 = DEALS + "".join(f'{40 + n},Obra {40 + n},{n % 4 + 1},Ganado,"2.{n}00,00"\n' for n in range(4))


def _run(*args: str | Path) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def _client(root: Path, name: str, clients: str, deals: str) -> Path:
    return export_workspace(root, name, clients, deals, propose=False)


def _decide_all(ws: Path, who: str) -> None:
    _run("decide", "-w", ws, "--accept-above", "0.7", "--confirm-models", "--who", who)
    _run("decide", "-w", ws, "--reject", "kind=field", "--reject", "kind=stage", "--reject", "kind=owner",
         "--reject", "kind=tag", "--reject", "kind=object", "--confirm", "--who", who)  # fmt: skip


def test_values_only_the_second_export_holds_are_proposed_as_additions(tmp_path: Path) -> None:
    acme = _client(tmp_path, "acme", CLIENTS, DEALS)
    _run("propose", "-w", acme)
    _decide_all(acme, "ana")
    shared_path = acme / "mapping.confirmed.yaml"
    shared = store.parse_yaml(shared_path.read_text(encoding="utf-8"))

    bolt = _client(tmp_path, "bolt", CLIENTS_2, DEALS_2)
    out = _run("propose", "--shared-map", shared_path, "-w", bolt)
    doc = store.load(Workspace(bolt))
    assert doc.shared_map is not None and Path(doc.shared_map.path) == shared_path.resolve()
    added = set(doc.shared_map.additions)
    assert "stage:oportunidades.Estado=Ganado" in added and "owner:clientes.Admin" in added
    assert any(a.startswith("tag:") for a in added)
    assert "stage:oportunidades.Estado=Ganado" in out and "addition(s)" in out
    for item in shared.items():  # every shared decision is kept as it was decided
        mine = doc.find(item.id)
        assert (mine.status, mine.decided_by) == (item.status, item.decided_by), item.id
    won = doc.find("stage:oportunidades.Estado=Ganado")
    assert isinstance(won, StageValueMap) and won.status == Status.PROPOSED and won.stage_name == "Ganado"

    _run("decide", "-w", bolt, "--accept-above", "0.7", "--confirm", "--who", "luis")
    confirmed = store.load_confirmed(Workspace(bolt))
    assert confirmed.find("stage:oportunidades.Estado=Ganado").status == Status.ACCEPTED
    assert confirmed.shared_map is not None and set(confirmed.shared_map.additions) == added

    plan = _run("plan", "-w", bolt)
    assert f"Shared map: {shared_path.resolve()}, with {len(added)} addition(s)" in plan
    assert "stage:oportunidades.Estado=Ganado" in plan and "accepted by luis" in plan

    manifest = tmp_path / "agency.toml"
    said = adopt_maps(manifest, [ManifestClient(bolt, "LOC2", shared_path)])
    assert said == [f"{bolt}: runs the confirmed map {shared_path} with {len(added)} addition(s)"]

    # The shared map changes after the additions were proposed: the manifest refuses, naming the fix.
    _run("decide", "-w", acme, "--stage", "oportunidades.Estado:Pendiente=Ventas/Negociación/open",
         "--confirm", "--who", "ana")  # fmt: skip
    try:
        adopt_maps(manifest, [ManifestClient(bolt, "LOC2", shared_path)])
    except HlmapError as exc:
        assert "adds to an earlier version of this shared map" in str(exc)
        assert f"hlmap propose --shared-map {shared_path}" in str(exc)
    else:
        raise AssertionError("a shared map changed since its additions were proposed was run")


def _type_map(values: dict[str, str], status: Status) -> FieldMap:
    return FieldMap(
        id="field:history.type",
        status=status,
        confidence=0.9,
        decided_by="ana" if status != Status.PROPOSED else None,
        source_object="history",
        source_columns=["type"],
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.MESSAGE, field="type"),
        transform=Transform(kind=TransformKind.VALUE_MAP, params={"map": values}),
    )


def test_a_message_type_only_this_export_holds_extends_the_shared_value_map() -> None:
    shared = MappingDocument(fields=[_type_map({"Llamada": "Call", "Email": "Email"}, Status.ACCEPTED)])
    fresh = MappingDocument(fields=[_type_map({"Email": "Email", "Call": "Call"}, Status.PROPOSED)])
    document, additions = add_to_shared(shared, fresh)
    (field,) = document.fields
    assert additions == [field] and field.status == Status.PROPOSED and field.decided_by is None
    assert field.transform.params["map"] == {"Llamada": "Call", "Email": "Email", "Call": "Call"}
    assert "'Call' → Call" in field.rationale and "accepted by ana" in field.rationale
    known_only = MappingDocument(fields=[_type_map({"Email": "Email"}, Status.PROPOSED)])
    same, none = add_to_shared(shared, known_only)
    assert none == [] and same.fields[0].status == Status.ACCEPTED


def _stage(value: str, pipeline: tuple[str, str], stage: tuple[str, str]) -> StageValueMap:
    return StageValueMap(
        id=f"stage:deals.stage={value}",
        status=Status.ACCEPTED,
        decided_by="ana",
        source_object="deals",
        source_column="stage",
        source_value=value,
        pipeline_id=pipeline[0],
        pipeline_name=pipeline[1],
        stage_id=stage[0],
        stage_name=stage[1],
    )


def test_shared_stage_decisions_take_this_locations_ids_and_a_pipeline_it_lacks_is_a_setup_step() -> None:
    """Another location has ids of its own: the same pipeline and stage are found by name; a pipeline
    it lacks is named as the setup step and its rows are held, never sent with the other location's ids;
    a value this export never holds stays as decided."""

    def pipelines(values: dict[str, str]) -> FieldMap:
        return FieldMap(
            id="field:deals.pipeline",
            status=Status.ACCEPTED,
            source_object="deals",
            source_columns=["pipeline"],
            target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.OPPORTUNITY, field="pipelineId"),
            transform=Transform(
                kind=TransformKind.VALUE_MAP, params={"map": "pipelines", "values": values, "unmatched": []}
            ),
        )

    won, intro = (
        _stage("Won", ("pA", "Sales"), ("sA", "Won")),
        _stage("Intro", ("pB", "Partnerships"), ("sB", "Intro")),
    )
    lost = _stage("Lost", ("pC", "Renewals"), ("sC", "Lost"))
    shared = MappingDocument(
        fields=[pipelines({"New Business": "pA", "Partnerships": "pB", "Renewals": "pC"})],
        stages=[won, intro, lost],
    )
    fresh = MappingDocument(
        fields=[pipelines({"New Business": "p9", "Partnerships": "p9"})],
        stages=[
            _stage("Won", ("p9", "Sales"), ("s9", "Won")),
            _stage("Intro", ("p9", "Sales"), ("s9", "Won")),
        ],
    )
    here = destination().model_copy(
        update={"pipelines": [Pipeline(id="p9", name="Sales", stages=[Stage(id="s9", name="Won")])]}
    )
    lacking = resolve_in_location(shared, here, fresh)
    assert lacking == ["Partnerships"]
    won, intro, lost = shared.stages
    assert (won.pipeline_id, won.stage_id, won.status) == ("p9", "s9", Status.ACCEPTED)
    assert "'Sales / Won' by name in this location" in won.evidence[0].detail
    assert (intro.pipeline_id, intro.stage_id) == (None, None)  # held until the pipeline exists
    assert (lost.pipeline_id, lost.stage_id) == ("pC", "sC")  # no row of this export holds it
    params = shared.fields[0].transform.params
    assert params["values"] == {"New Business": "p9", "Renewals": "pC"} and params["unmatched"] == [
        "Partnerships"
    ]


def _typed_link(objects: dict[str, str], tables: dict[str, str], status: Status) -> FieldMap:
    params = {
        "object_column": "related_type",
        "objects": objects,
        "tables": tables,
        "keys": dict.fromkeys(tables.values(), "id"),
    }
    return FieldMap(
        id="field:tasks.related_type+related_id",
        status=status,
        decided_by="ana" if status != Status.PROPOSED else None,
        source_object="tasks",
        source_columns=["related_type", "related_id"],
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.TASK, field="contactId"),
        transform=Transform(kind=TransformKind.LOOKUP, params=params),
    )


def test_a_link_type_only_this_export_holds_extends_the_shared_typed_link() -> None:
    """Tasks of the second client also hang off deals ('deal'): the typed link learns that table."""
    shared_link = _typed_link({"contact": "contact"}, {"contact": "contacts"}, Status.ACCEPTED)
    fresh_link = _typed_link(
        {"contact": "contact", "deal": "opportunity"},
        {"contact": "contacts", "deal": "deals"},
        Status.PROPOSED,
    )
    document, additions = add_to_shared(
        MappingDocument(fields=[shared_link]), MappingDocument(fields=[fresh_link])
    )
    (link,) = document.fields
    assert additions == [link] and link.status == Status.PROPOSED
    assert link.transform.params["objects"] == {"contact": "contact", "deal": "opportunity"}
    assert link.transform.params["tables"] == {"contact": "contacts", "deal": "deals"}
    assert link.transform.params["keys"] == {"contacts": "id", "deals": "id"}


def test_a_type_the_fresh_reading_missed_still_extends_the_shared_link_by_the_table_it_names() -> None:
    """On 12 rows this export's own proposal may read the id column another way; the shared link still
    learns 'deal' from the type column's values, because the shared map carries a table named so."""
    deals = ObjectMap(
        id="object:deals",
        status=Status.ACCEPTED,
        source_object="deals",
        key_column="id",
        targets=[ObjectTarget(object=TargetObject.OPPORTUNITY)],
    )
    contacts = deals.model_copy(
        update={
            "id": "object:contacts",
            "source_object": "contacts",
            "targets": [ObjectTarget(object=TargetObject.CONTACT)],
        }
    )
    link = _typed_link({"contact": "contact"}, {"contact": "contacts"}, Status.ACCEPTED)
    shared = MappingDocument(objects=[contacts, deals], fields=[link])
    profiles = [
        table("tasks", [("related_type", S.PICKLIST, {"values": {"deal": 6, "contact": 5}})]),
        table("deals", [("id", S.IDENTIFIER, {}), ("contact_id", S.FOREIGN_KEY, {"fk": ("contacts", "id")})]),
    ]
    document, additions = add_to_shared(shared, MappingDocument(), profiles)
    (extended,) = document.fields
    assert additions == [extended] and extended.status == Status.PROPOSED
    params = extended.transform.params
    assert params["objects"] == {"contact": "contact", "deal": "opportunity"}
    assert params["tables"]["deal"] == "deals" and params["keys"]["deals"] == "id"
    assert params["contact_columns"] == {"deals": ["id", "contact_id"]}  # a deal's row reaches its contact
    assert "'deal' → deals" in extended.rationale
