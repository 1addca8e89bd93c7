"""`hlmap propose` end to end: ingest -> profile -> propose, summary, and decisions kept on re-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.highlevel.state import save_state
from assistant.mapping import store
from assistant.mapping.models import FieldKind, Status
from assistant.propose import service
from assistant.workspace import Workspace
from tests.propose_factory import destination

CLIENTS = """id,Nombre,Correo,Teléfono,Empresa,Etiquetas,Comercial
1,Ana García López,ana@example.es,612345678,,VIP;Nuevo,Laura Gómez
2,Pedro Ruiz Soto,pedro@example.es,622345678,Ruiz SL,vip ;cliente-vip,Pedro Ruiz
3,Marta Vidal,marta@example.es,632345678,,V.I.P.,Laura Gómez
4,Juan Pérez,juan@example.es,642345678,Pérez y Hijos,Nuevo,Nadie Conocido
"""
_STATES = ["Enviado", "Aceptado", "Rechazado", "Pendiente"]
DEALS = "id,Título,Cliente id,Estado,Importe\n" + "".join(
    f'{10 + n},Obra {n},{n % 4 + 1},{_STATES[n % 4]},"1.{n}00,50"\n' for n in range(16)
)


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _workspace(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "source"
    source.mkdir()
    (source / "clientes.csv").write_text(CLIENTS, encoding="utf-8")
    (source / "oportunidades.csv").write_text(DEALS, encoding="utf-8")
    dest = tmp_path / "destination.json"
    save_state(destination(), dest)
    ws = tmp_path / "ws"
    _run("ingest", str(source), "-w", str(ws))
    _run("profile", "-w", str(ws))
    return ws, dest


def test_propose_writes_the_document_and_prints_a_summary(tmp_path: Path) -> None:
    ws, dest = _workspace(tmp_path)
    output = _run("propose", "-w", str(ws), "--destination", str(dest))
    assert "clientes" in output and "oportunidades" in output
    assert "below threshold" in output and "tags:" in output and "low" in output
    doc = store.load(Workspace(ws))
    kinds = {o.source_object: o.targets[0].object.value for o in doc.objects}
    assert kinds == {"clientes": "contact", "oportunidades": "opportunity"}
    assert all(item.origin.backend == "offline" and item.status == Status.PROPOSED for item in doc.items())
    vip = next(t for t in doc.tags if "V.I.P." in t.members)
    assert {"VIP", "vip ", "cliente-vip"} <= set(vip.members)
    assert {s.source_value for s in doc.stages} == {"Enviado", "Aceptado", "Rechazado", "Pendiente"}


def test_re_propose_keeps_every_decision(tmp_path: Path) -> None:
    ws, dest = _workspace(tmp_path)
    _run("propose", "-w", str(ws), "--destination", str(dest))
    workspace = Workspace(ws)
    doc = store.load(workspace)
    edited = next(f for f in doc.fields if f.target.kind == FieldKind.STANDARD)
    edited.target.field = "companyName"
    edited.decide(Status.EDITED, "engineer")
    rejected = doc.objects[0]
    rejected.decide(Status.REJECTED, "engineer")
    accepted = doc.tags[0]
    accepted.decide(Status.ACCEPTED, "engineer")
    store.save(workspace, doc, by="engineer")
    workspace.close()

    output = _run("propose", "-w", str(ws), "--destination", str(dest))
    assert "kept 3 earlier decision(s)" in output
    again = store.load(Workspace(ws))
    assert again.find(edited.id).model_dump() == edited.model_dump()
    assert again.find(rejected.id).status == Status.REJECTED
    assert again.find(accepted.id).status == Status.ACCEPTED
    assert again.created_at == doc.created_at


def test_llm_backend_without_its_module_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, dest = _workspace(tmp_path)
    # An installation without the LLM package: point the service at a module that does not exist.
    monkeypatch.setattr(service, "LLM_MODULE", "assistant.propose.llm_not_installed")
    result = CliRunner().invoke(
        app, ["propose", "-w", str(ws), "--destination", str(dest), "--backend", "llm"]
    )
    assert result.exit_code == 2
    assert "assistant.propose.llm_not_installed" in result.output and "--backend offline" in result.output
    assert not (ws / "mapping.yaml").exists()


def test_unknown_object_and_missing_destination_are_named(tmp_path: Path) -> None:
    ws, dest = _workspace(tmp_path)
    result = CliRunner().invoke(
        app, ["propose", "-w", str(ws), "--destination", str(dest), "--objects", "nope"]
    )
    assert result.exit_code == 2 and "nope" in result.output
    missing = tmp_path / "absent.json"
    result = CliRunner().invoke(app, ["propose", "-w", str(ws), "--destination", str(missing)])
    assert result.exit_code == 2 and "absent.json" in result.output
    assert json.loads(dest.read_text())["location"]["id"] == "loc1"
