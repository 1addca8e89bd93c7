"""The fixture generator: deterministic, committed equals a fresh generation, scales by streaming."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.fixturegen.generate import PLATFORMS, generate_platform, repo_fixtures_dir
from assistant.highlevel.state import load_state

COMMITTED = repo_fixtures_dir()


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fresh")
    for platform in PLATFORMS:
        generate_platform(platform, out)
    return out


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_committed_fixtures_equal_a_fresh_generation(platform: str, fresh: Path) -> None:
    committed, generated = _tree(COMMITTED / platform), _tree(fresh / platform)
    assert sorted(committed) == sorted(generated), "files differ: run `python fixtures/generate.py`"
    changed = [name for name in generated if committed[name] != generated[name]]
    assert not changed, f"hand-edited or stale fixture files: {changed}"


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    for run in ("a", "b"):
        for platform in PLATFORMS:
            generate_platform(platform, tmp_path / run, rows=60, seed=7)
        generate_platform("stel_order", tmp_path / f"other-{run}", rows=60, seed=8)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "other-a") == _tree(tmp_path / "other-b")
    assert _tree(tmp_path / "a" / "stel_order") != _tree(tmp_path / "other-a" / "stel_order")


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_destination_is_a_valid_highlevel_state(platform: str) -> None:
    state = load_state(COMMITTED / platform / "destination.json")
    assert state.location.settings.allowDuplicateContact is False
    ids = [state.location.id, *(u.id for u in state.users), *(f.id for f in state.customFields)]
    ids += [p.id for p in state.pipelines] + [s.id for p in state.pipelines for s in p.stages]
    assert all(len(i) == 20 and i.isalnum() for i in ids), "HighLevel ids are 20 alphanumerics"
    assert len(set(ids)) == len(ids)
    assert all(p.stages for p in state.pipelines) and state.tags and state.calendars
    owners = json.loads((COMMITTED / platform / "manifest.json").read_text())["owners"]
    names = {u.name for u in state.users}
    for email in owners["match_by_email"]:
        assert state.user_by_email(email) is not None, email
    for email in owners["match_by_name_only"] + owners["no_match"]:
        assert state.user_by_email(email) is None, email
    assert len(owners["match_by_name_only"]) == 1 and len(owners["no_match"]) == 1
    assert len(names) == len(state.users)


def test_contractor_destination_has_invoice_and_work_order_objects() -> None:
    state = load_state(COMMITTED / "contractor_plus" / "destination.json")
    keys = {o.key for o in state.customObjects}
    assert keys == {"custom_objects.invoice", "custom_objects.work_order"}
    object_fields = {f.objectKey for f in state.customFields if f.model == "custom_object"}
    assert object_fields == keys


def test_cli_scales_rows_into_the_given_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["fixtures", "--rows", "2000", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert len(json.loads((tmp_path / "stel_order/source/clients.json").read_text())) == 2000
    for platform, file in (("contractor_plus", "clients.csv"), ("perfect_books", "contacts.csv")):
        manifest = json.loads((tmp_path / platform / "manifest.json").read_text())
        assert manifest["record_counts"][file] == 2000
        bad = manifest["bad_lines"][file]
        lines = (tmp_path / platform / "source" / file).read_text(encoding="utf-8-sig").count("\n")
        assert lines >= 2000 + 1 + len(bad["blank_lines"]) + len(bad["ragged_lines"])


def test_cli_rejects_an_unknown_platform(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["fixtures", "--platform", "salesforce", "--out", str(tmp_path)])
    assert result.exit_code != 0 and "salesforce" in result.output
    assert not any(tmp_path.iterdir())


def test_generation_streams_memory_does_not_grow_with_rows(tmp_path: Path) -> None:
    peaks = []
    for rows in (150, 1200):
        tracemalloc.start()
        generate_platform("perfect_books", tmp_path, rows=rows)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] < peaks[0] * 2, f"peak memory grew with rows: {peaks}"


def test_the_committed_script_beside_the_data_runs_the_generator(tmp_path: Path) -> None:
    script = COMMITTED / "generate.py"
    args = [
        sys.executable,
        str(script),
        "--platform",
        "perfect_books",
        "--rows",
        "40",
        "--out",
        str(tmp_path),
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert (
        json.loads((tmp_path / "perfect_books/manifest.json").read_text())["record_counts"]["contacts.csv"]
        == 40
    )
