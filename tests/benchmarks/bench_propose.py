"""Offline proposal of a 300-column source, built by scaling the seed fixtures' profiled columns.

Run: ``python -m tests.benchmarks.bench_propose [--columns 300] [--repeat 3]``

The fixtures are ingested and profiled once into a temporary workspace (not timed); their
tables are then cloned with suffixed column names until the source has ``--columns`` columns.
Prints the wall time of ``propose_offline`` on the scaled source and, as the in-run baseline,
on the unscaled fixtures, with the per-column ratio. Asserts nothing. Target: < 2 s for 300.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.highlevel.state import DestinationState, load_state
from assistant.mapping.items import MappingDocument
from assistant.profile.models import TableProfile
from assistant.profile.store import load_profiles
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import DuckDBValues
from assistant.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PLATFORMS = ("stel_order", "contractor_plus", "perfect_books")


def _profiled(platform: str, root: Path) -> Workspace:
    ws = root / platform
    for args in (["ingest", str(FIXTURES / platform / "source"), "-w", str(ws)], ["profile", "-w", str(ws)]):
        result = CliRunner().invoke(app, args)
        if result.exit_code != 0:
            raise SystemExit(f"{' '.join(args[:1])} failed for {platform}: {result.output}")
    return Workspace(ws)


def scaled(tables: list[TableProfile], columns: int) -> list[TableProfile]:
    """Clones of the tables (columns renamed ``<name>__<n>``) until ``columns`` columns in total."""
    out: list[TableProfile] = []
    total, copy = 0, 0
    while total < columns:
        for table in tables:
            if total >= columns:
                break
            room = columns - total
            cols = [
                c.model_copy(update={"column": f"{c.column}__{copy}" if copy else c.column})
                for c in table.columns[:room]
            ]
            name = f"{table.table}_{copy}" if copy else table.table
            out.append(
                table.model_copy(
                    update={
                        "table": name,
                        "columns": cols,
                        "column_count": len(cols),
                        "primary_key": None if copy else table.primary_key,
                    }
                )
            )
            total += len(cols)
        copy += 1
    return out


def wide(tables: list[TableProfile], columns: int) -> TableProfile:
    """One export table holding ``columns`` columns taken round-robin from every table (a wide CSV)."""
    pool = [c for t in scaled(tables, columns) for c in t.columns][:columns]
    cols = [
        c.model_copy(
            update={
                "table": "wide_export",
                "column": f"{c.table}.{c.column}",
                "position": i,
                "foreign_key": None,
            }
        )
        for i, c in enumerate(pool)
    ]
    return TableProfile(table="wide_export", row_count=1000, column_count=len(cols), columns=cols)


def _time(inputs: ProposeInputs, repeat: int) -> tuple[float, MappingDocument]:
    times: list[float] = []
    doc = MappingDocument()
    for _ in range(repeat):
        start = time.perf_counter()
        doc = propose_offline(inputs)
        times.append(time.perf_counter() - start)
    return statistics.median(times), doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--columns", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_propose_") as tmp:
        tables: list[TableProfile] = []
        destination: DestinationState | None = None
        workspaces = [_profiled(p, Path(tmp)) for p in PLATFORMS]
        for platform, ws in zip(PLATFORMS, workspaces, strict=True):
            tables += [t.model_copy(update={"table": f"{platform}_{t.table}"}) for t in load_profiles(ws)]
            destination = destination or load_state(FIXTURES / platform / "destination.json")
        values = DuckDBValues(workspaces[0].connect())
        base_cols = sum(len(t.columns) for t in tables)
        base_time, _ = _time(ProposeInputs(tables, destination, values), args.repeat)
        big = scaled(tables, args.columns)
        big_time, doc = _time(ProposeInputs(big, destination, values), args.repeat)
        wide_time, wide_doc = _time(
            ProposeInputs([wide(tables, args.columns)], destination, values), args.repeat
        )
        for ws in workspaces:
            ws.close()
    per_base, per_big = base_time / base_cols, big_time / args.columns
    print(f"fixtures (baseline): {base_cols} columns in {base_time:.3f} s ({per_base * 1000:.2f} ms/column)")
    print(
        f"scaled source:       {args.columns} columns in {big_time:.3f} s ({per_big * 1000:.2f} ms/column), "
        f"{len(doc.fields)} field maps, {len(doc.objects)} object maps"
    )
    print(
        f"one wide table:      {args.columns} columns in {wide_time:.3f} s, {len(wide_doc.fields)} field maps"
    )
    print(
        f"per-column ratio scaled/baseline: {per_big / per_base:.2f}x · target < 2 s: "
        f"{'met' if max(big_time, wide_time) < 2 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
