"""The memory round trip through the commands: confirm with edits, then propose on a second export
of the same platform (other rows, a renamed column) and find the confirmed decisions on top."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from typer.testing import CliRunner

from assistant.cli import app
from assistant.highlevel.state import save_state
from assistant.mapping import store
from assistant.mapping.items import FieldMap, OwnerMatch, StageValueMap
from assistant.mapping.models import Status
from assistant.workspace import Workspace
from tests.propose_factory import destination
from tests.test_propose_cli import CLIENTS, DEALS

# The second export: other people, other amounts, and "Correo" exported as "E-mail".
CLIENTS_2 = """id,Nombre,E-mail,Teléfono,Empresa,Etiquetas,Comercial
7,Rosa Martí Vidal,rosa@example.es,611000111,,VIP,Pedro Ruiz
8,Jorge Sanz,jorge@example.es,622000222,Sanz SA,Nuevo;vip ,Laura Gómez
9,Irene Soler,irene@example.es,633000333,,V.I.P.,Nadie Conocido
10,Tomás Gil,tomas@example.es,644000444,Gil e Hijos,Nuevo,Laura Gómez
"""
DEALS_2 = DEALS.replace("Obra", "Reforma").replace(",50", ",75")


# what ana decides on the first export: edits, a stage, an owner, a rejection, then confirm
FIRST_DECISIONS = (
    "--set", "field:clientes.Comercial=contact.source",
    "--stage", "oportunidades.Estado:Rechazado=Ventas/Nuevo/lost",
    "--owner", "clientes.Nadie Conocido=admin@demo.es",
    "--reject", "id=field:clientes.id",
    "--accept", "id=field:clientes.Etiquetas", "--accept", "id=field:oportunidades.Importe",
    "--accept-above", "0.7", "--confirm-models", "--confirm", "--who", "ana",
)  # fmt: skip


def _run(*args: str | Path) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def export_workspace(root: Path, name: str, clients: str, deals: str, *, propose: bool = True) -> Path:
    """A workspace of one client's export, ingested and profiled, with the destination loaded."""
    source = root / f"{name}-source"
    source.mkdir()
    (source / "clientes.csv").write_text(clients, encoding="utf-8")
    (source / "oportunidades.csv").write_text(deals, encoding="utf-8")
    state = root / "destination.json"
    save_state(destination(), state)
    ws = root / name
    _run("ingest", source, "-w", ws)
    _run("profile", "-w", ws)
    _run("target", "load", state, "-w", ws)
    if propose:
        _run("propose", "-w", ws)
    return ws


@pytest.fixture
def memory_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "team" / "memory.yaml"
    monkeypatch.setenv("HLMAP_MEMORY__ENABLED", "true")
    monkeypatch.setenv("HLMAP_MEMORY__PATH", str(path))
    return path


def test_confirmed_edits_come_back_on_top_of_the_next_export(tmp_path: Path, memory_file: Path) -> None:
    first = export_workspace(tmp_path, "first", CLIENTS, DEALS)
    out = _run("decide", "-w", first, *FIRST_DECISIONS)
    assert f"remembered in {memory_file}" in out
    remembered = yaml.safe_load(memory_file.read_text(encoding="utf-8"))
    tables = {t["table"]: t for t in remembered["tables"]}
    assert tables["clientes"]["migration"] == "first" and tables["clientes"]["confirmed_by"] == "ana"
    email = next(c for c in tables["clientes"]["columns"] if c["name"] == "Correo")
    assert email["shape"].startswith("email;") and "@" not in email["shape"]  # a shape, no value

    second = export_workspace(tmp_path, "second", CLIENTS_2, DEALS_2)
    doc = store.load(Workspace(second))
    seller = doc.find("field:clientes.Comercial")
    assert isinstance(seller, FieldMap) and seller.target.field == "source"
    assert seller.status == Status.PROPOSED and seller.confidence >= 0.9
    assert seller.evidence[0].detail.startswith("edited in migration first by ana on ")
    assert seller.alternatives[0].target == "contact.assignedTo"  # what the proposer said, one key away
    renamed = doc.find("field:clientes.E-mail")
    assert "'Correo' is now 'E-mail'" in renamed.evidence[0].detail
    rejected = doc.find("field:clientes.id")
    assert rejected.status == Status.REJECTED and rejected.decided_by == "memory: ana in first"
    stage = doc.find("stage:oportunidades.Estado=Rechazado")
    assert isinstance(stage, StageValueMap) and (stage.stage_name, stage.opportunity_status.value) == (
        "Nuevo",
        "lost",
    )
    owner = doc.find("owner:clientes.Nadie Conocido")
    assert isinstance(owner, OwnerMatch) and owner.user_email == "admin@demo.es"

    # A newer decision in this workspace wins over memory, also when proposing again.
    _run("decide", "-w", second, "--set", "field:clientes.Comercial=contact.assignedTo", "--who", "luis")
    _run("propose", "-w", second)
    again = store.load(Workspace(second)).find("field:clientes.Comercial")
    assert isinstance(again, FieldMap) and again.target.field == "assignedTo" and again.decided_by == "luis"

    shown = _run("memory", "show", "-w", second)
    assert "first" in shown and "clientes" in shown
    assert "forgot" in _run("memory", "forget", "first", "-w", second)
    assert "nothing remembered yet" in _run("memory", "show", "-w", second)
    unknown = CliRunner().invoke(app, ["memory", "forget", "first", "-w", str(second)])
    assert unknown.exit_code == 2 and "no migration named 'first' (remembered: none)" in unknown.output


class _Terminal:
    @staticmethod
    def isatty() -> bool:
        return True


def test_confirming_in_the_review_remembers_the_map(
    tmp_path: Path, memory_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review's `c` confirms through the session; the command then records the confirmed map."""
    from assistant.review import app as review_app
    from assistant.review.session import open_session

    class ConfirmingApp:  # stands in for the terminal UI: the engineer pressed c, then y
        return_code = 0

        def __init__(self, workspace: Workspace, who: str) -> None:
            self.session = open_session(workspace, who)

        def run(self) -> Path:
            return self.session.confirm()

    first = export_workspace(tmp_path, "first", CLIENTS, DEALS)
    _run("decide", "-w", first, "--reject", "kind=field", "--reject", "kind=object", "--reject", "kind=tag")
    _run("decide", "-w", first, "--reject", "kind=stage", "--reject", "kind=owner")
    monkeypatch.setattr(review_app, "ReviewApp", ConfirmingApp)
    monkeypatch.setattr("assistant.review.commands.sys", SimpleNamespace(stdin=_Terminal, stdout=_Terminal))
    out = _run("review", "-w", first, "--who", "eva")
    assert "confirmed" in out and f"remembered in {memory_file}" in out
    remembered = yaml.safe_load(memory_file.read_text(encoding="utf-8"))
    assert {t["confirmed_by"] for t in remembered["tables"]} == {"eva"}
    assert {d["status"] for t in remembered["tables"] for d in t["decisions"]} == {"rejected"}


def test_the_first_seen_figures_show_only_where_no_confirmed_map_helps(
    tmp_path: Path, memory_file: Path
) -> None:
    first = export_workspace(tmp_path, "first", CLIENTS, DEALS, propose=False)
    out = _run("propose", "-w", first)
    assert "first seen: on exports nobody had configured" in out and "(propose.confidence_threshold)" in out
    _run("decide", "-w", first, *FIRST_DECISIONS)
    second = export_workspace(tmp_path, "second", CLIENTS_2, DEALS_2, propose=False)
    again = _run("propose", "-w", second)
    assert "from confirmed maps" in again and "first seen:" not in again  # the confirmed map is the evidence
