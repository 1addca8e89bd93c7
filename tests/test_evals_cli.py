"""`hlmap eval` end to end on the tiny example case, and `hlmap batch` on unseen exports (resumable)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.evals.batch import DONE_FILE, run_batch
from assistant.mapping.store import parse_yaml

CASES_DIR = Path(__file__).resolve().parent.parent / "evals" / "cases"

GERMAN = """Kundennummer;Vorname;Nachname;E-Mail-Adresse;Telefonnummer;Straße;PLZ;Ort;Schlagworte;Kunde seit
K-100;Jürgen;Müller;jm@beispiel.de;+49 30 1234567;Hauptstraße 5;10115;Berlin;Stammkunde;03.02.2021
K-101;Anna;Schmidt;anna.schmidt@beispiel.de;+49 89 7654321;Lindenweg 2;80331;München;;15.06.2022
K-102;Lukas;Weber;lukas@beispiel.de;+49 40 5551234;Am Markt 9;20095;Hamburg;stammkunde ;28.11.2023
"""
CAMEL = [
    {
        "contactId": "c-1",
        "givenName": "Joana",
        "familyName": "Silva",
        "emailAddress": "joana@exemplo.pt",
        "mobilePhone": "+351 912 345 678",
        "companyName": "Silva Lda",
        "createdAt": "2024-01-05T10:00:00Z",
    },
    {
        "contactId": "c-2",
        "givenName": "Rui",
        "familyName": "Costa",
        "emailAddress": "rui@exemplo.pt",
        "mobilePhone": "+351 913 222 111",
        "companyName": None,
        "createdAt": "2024-02-11T09:30:00Z",
    },
]
NEGOCIOS = """codigo,titulo,contactId,valor,situacao
n1,Telhado novo,c-1,1500.00,Ganho
n2,Pintura,c-2,320.50,Em aberto
"""


def unseen_exports(root: Path) -> Path:
    """Two invented platforms, different vocabularies: German CSV; a camelCase API dump + Portuguese CSV."""
    (root / "kundenportal").mkdir(parents=True)
    (root / "kundenportal" / "kunden.csv").write_text(GERMAN, encoding="utf-8")
    (root / "vendas_api").mkdir()
    (root / "vendas_api" / "contacts.json").write_text(json.dumps(CAMEL), encoding="utf-8")
    (root / "vendas_api" / "negocios.csv").write_text(NEGOCIOS, encoding="utf-8")
    return root


def test_eval_on_the_tiny_case_prints_json_with_both_baselines(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--cases-dir",
            str(CASES_DIR),
            "--cases",
            "tiny_example",
            "--json",
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert list(report["systems"]) == ["offline", "valentine", "fingerprint"]
    offline = report["systems"]["offline"]["cases"]["tiny_example"]
    # totals fixed by the gold: 3 object maps, 3 stage values, 3 owners, 6 tag pairs
    assert offline["objects"]["total"] == 3
    assert offline["stages"]["total"] == 3
    assert offline["owners"]["total"] == 3
    assert offline["tags"]["tp"] + offline["tags"]["fn"] == 6
    assert 0.0 <= offline["fields"]["f1"] <= 1.0
    assert offline["cost"]["calls"] == 0 and offline["cost"]["seconds"] > 0
    # by hand: VIP/"vip "/V.I.P. collide (3 pairs), newsletter/Newsletter (1); "news letter" does not
    fingerprint = report["systems"]["fingerprint"]["overall"]["tags"]
    assert (fingerprint["tp"], fingerprint["fp"], fingerprint["fn"]) == (4, 0, 2)
    assert fingerprint["f1"] == 0.8
    valentine = report["systems"]["valentine"]["overall"]
    assert valentine["fields"]["f1"] is not None and valentine["objects"]["total"] == 0
    assert report["valentine"]["chosen"] in report["valentine"]["field_f1_by_config"]
    assert (tmp_path / "out" / "eval.md").read_text(encoding="utf-8").count("| tiny_example |") == 3
    assert json.loads((tmp_path / "out" / "eval.json").read_text(encoding="utf-8"))["cases"] == [
        "tiny_example"
    ]


def test_eval_names_an_unknown_case() -> None:
    result = CliRunner().invoke(app, ["eval", "--cases-dir", str(CASES_DIR), "--cases", "nope"])
    assert result.exit_code == 2
    assert "no case named nope" in result.output


def test_batch_proposes_unseen_exports_in_parallel_and_resumes(tmp_path: Path) -> None:
    sources = unseen_exports(tmp_path / "exports")
    out = tmp_path / "proposals"
    result = CliRunner().invoke(app, ["batch", str(sources), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [row["source"] for row in summary] == ["kundenportal", "vendas_api"]
    for row in summary:
        assert row["status"] == "done"
        assert row["columns"] > 0 and row["objects"] >= 1
        assert row["standard"] + row["custom"] + row["skipped"] == row["columns"]
        assert sum(row["histogram"].values()) >= row["columns"] - row["skipped"]
        document = parse_yaml((out / row["source"] / "mapping.yaml").read_text(encoding="utf-8"))
        assert {o.source_object for o in document.objects} == (
            {"kunden"} if row["source"] == "kundenportal" else {"contacts", "negocios"}
        )
    assert "| kundenportal | done |" in (out / "summary.md").read_text(encoding="utf-8")

    first_mapping = (out / "vendas_api" / "mapping.yaml").stat().st_mtime_ns
    again = run_batch(sources, out, jobs=1)
    assert [r.status for r in again] == ["resumed", "resumed"]
    assert (out / "vendas_api" / "mapping.yaml").stat().st_mtime_ns == first_mapping
    assert again[1].columns == summary[1]["columns"]

    (out / "kundenportal" / DONE_FILE).unlink()  # as if interrupted before finishing
    third = run_batch(sources, out, jobs=1)
    assert [r.status for r in third] == ["done", "resumed"]


def test_batch_reports_a_failed_source_and_retries_it_next_run(tmp_path: Path) -> None:
    sources = tmp_path / "exports"
    (sources / "broken").mkdir(parents=True)
    (sources / "broken" / "records.json").write_text('[{"id": 1, "name": ', encoding="utf-8")  # cut off
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(sources), "--out", str(out)])
    assert result.exit_code == 2
    assert "1 source(s) failed: broken" in result.output
    assert not (out / "broken" / DONE_FILE).exists()
    row = json.loads((out / "summary.json").read_text(encoding="utf-8"))[0]
    assert row["status"] == "failed" and row["error"]

    (sources / "broken" / "records.json").write_text(
        '[{"id": 1, "name": "Ana", "email": "ana@example.com"}]', encoding="utf-8"
    )
    retried = run_batch(sources, out)
    assert [r.status for r in retried] == ["done"]
    assert (out / "broken" / DONE_FILE).exists()
