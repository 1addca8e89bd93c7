"""Every profile output, written as JSON, so two commits' profiles can be compared field by field.

Run: ``python -m tests.benchmarks.profile_outputs OUT.json [--quick]`` on each commit, then
``python -m tests.benchmarks.profile_outputs --compare BEFORE.json AFTER.json``, which prints every
field that differs and exits 1 if any does. Profiled: the seed fixtures, every eval case (``--quick``
leaves both out) and four generated tables: the profile benchmark's 1,000,000 × 25, and 300,000,
150,000 and 4,000 rows of padded, blank, mixed-case, punctuated, Spanish-decimal and repeated values, so
each path of a big table (few values, aggregates, typed ranges read cell by cell or per distinct value,
key checks, duplicate groups) and of a small one is taken. A speed change must leave the file unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import duckdb

from assistant.ingest import ingest_paths
from assistant.profile import profile_workspace
from assistant.profile.models import TableProfile
from assistant.workspace import Workspace
from tests.benchmarks.bench_profile import _SHAPES

ROOT = Path(__file__).resolve().parents[2]
_MESSY = [
    "CASE WHEN i % 97 = 0 THEN '' WHEN i % 89 = 0 THEN '  ' ELSE 'User' || (i % 400000) || '@Mail.ES ' END",
    "CASE WHEN i % 3 = 0 THEN '(555) 201-' || lpad((i % 9999)::VARCHAR, 4, '0') "
    "ELSE '+1 555.201.' || lpad((i % 7000)::VARCHAR, 4, '0') END",
    "'0' || (600000000 + i)::VARCHAR",
    "CASE WHEN i % 5 = 0 THEN ' ' || (i % 1000)::VARCHAR || ',5 €' "
    "ELSE format('{:,}', i % 3000)::VARCHAR END",
    "replace(format('{:,}', i % 100000), ',', '.') || ',25'",
    "CASE WHEN i % 1000 = 0 THEN '1e3' ELSE (i % 77777)::VARCHAR END",
    "'2024-' || lpad((i % 12 + 1)::VARCHAR, 2, '0') || '-' || lpad((i % 28 + 1)::VARCHAR, 2, '0')",
    "lpad((i % 12 + 1)::VARCHAR, 2, '0') || '/' || lpad((i % 28 + 1)::VARCHAR, 2, '0') || '/' "
    "|| (1990 + i % 30)::VARCHAR",
    "CASE WHEN i % 2 = 0 THEN 'a@b.com' ELSE 'C' || i || '@x.org' END",
    "CASE WHEN i % 7 = 0 THEN NULL ELSE '+34 6' || lpad((i % 5000)::VARCHAR, 8, '0') END",
    "'tag' || (i % 7) || ';tag' || (i % 5)",
    "CASE WHEN i % 500 = 0 THEN chr(9) || 'x' ELSE (i * 7919 % 1000003)::VARCHAR END",
    "CASE WHEN i % 10000 = 3 THEN ' Dup' || (i % 3) || '@X.com' ELSE 'u' || i || '@x.com' END",
    "CASE WHEN i % 20000 = 5 THEN '+34 (600) 00-00-0' || (i % 2) ELSE '6' || lpad(i::VARCHAR, 8, '0') END",
    "CASE WHEN i % 30011 = 0 THEN '0034 600 000 001' ELSE '+34 7' || lpad(i::VARCHAR, 8, '0') END",
]
_TABLES = [("big", _SHAPES, 1_000_000, 25), ("messy", _MESSY, 300_000, 24)]
_TABLES += [("mid", _MESSY + _SHAPES, 150_000, 24), ("small", _MESSY + _SHAPES, 4_000, 24)]


def _stored(con: duckdb.DuckDBPyConnection) -> dict[str, list[list[str]]]:
    """The profile tables as stored, without the time each was written."""
    out: dict[str, list[list[str]]] = {}
    for table in ("tables", "columns", "duplicates", "foreign_keys"):
        names = [r[0] for r in con.execute(f"DESCRIBE profile.{table}").fetchall() if r[0] != "profiled_at"]
        select = ", ".join(f'"{n}"' for n in names)
        rows = con.execute(f"SELECT {select} FROM profile.{table} ORDER BY ALL").fetchall()
        out[table] = [[str(value) for value in row] for row in rows]
    return out


def _outputs(workspace: Workspace, profiles: list[TableProfile]) -> dict[str, Any]:
    return {"models": [p.model_dump(mode="json") for p in profiles], "stored": _stored(workspace.connect())}


def _generated(name: str, shapes: list[str], rows: int, columns: int) -> dict[str, Any]:
    select = ", ".join(f"({shapes[j % len(shapes)]})::VARCHAR AS col{j}" for j in range(columns))
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace(Path(tmp)).ensure()
        con = workspace.connect()
        con.execute(f"CREATE TABLE raw.{name} AS SELECT {select}, i + 1 AS _row FROM range({rows}) t(i)")
        con.execute("CHECKPOINT")
        found = _outputs(workspace, profile_workspace(workspace))
        workspace.close()
    return found


def _ingested(source: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace(Path(tmp)).ensure()
        ingest_paths(workspace, [source])
        found = _outputs(workspace, profile_workspace(workspace))
        workspace.close()
    return found


def write(out: Path, quick: bool) -> None:
    found = {f"generated:{name}": _generated(name, *shape) for name, *shape in _TABLES}
    if not quick:
        folders = [*(ROOT / "fixtures").iterdir(), *(ROOT / "evals" / "cases").iterdir()]
        sources = sorted(p / "source" for p in folders if (p / "source").is_dir())
        found.update({f"{s.parent.parent.name}:{s.parent.name}": _ingested(s) for s in sources})
    out.write_text(json.dumps(found, indent=1, sort_keys=True))
    tables = sum(len(v["models"]) for v in found.values())
    print(f"{len(found)} sets, {tables} tables profiled: {out}")


def compare(before: Path, after: Path) -> int:
    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    differ = [name for name in sorted(set(old) | set(new)) if old.get(name) != new.get(name)]
    for name in differ:
        print(f"{name} differs")
        models = zip(old.get(name, {}).get("models", []), new.get(name, {}).get("models", []), strict=False)
        for was, now in models:
            for was_column, now_column in zip(was["columns"], now["columns"], strict=False):
                changed = {k: (v, now_column.get(k)) for k, v in was_column.items() if now_column.get(k) != v}
                if changed:
                    print(f"  {was['table']}.{was_column['column']}: {changed}")
            for field in ("row_count", "primary_key", "duplicates"):
                if was.get(field) != now.get(field):
                    print(f"  {was['table']} {field} differs")
    print(f"{len(set(old) | set(new))} sets compared, {len(differ)} differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path, help="OUT.json; BEFORE.json AFTER.json with --compare")
    parser.add_argument("--quick", action="store_true", help="generated tables only")
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    if args.compare:
        if len(args.paths) != 2:
            parser.error("--compare needs BEFORE.json and AFTER.json")
        sys.exit(compare(*args.paths))
    write(args.paths[0], args.quick)


if __name__ == "__main__":
    main()
