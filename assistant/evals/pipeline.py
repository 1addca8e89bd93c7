"""One source export through ingest -> profile -> propose in its own workspace.

The same path ``hlmap ingest``, ``hlmap profile`` and ``hlmap propose --destination`` take, so an
eval scores exactly what an engineer would get. One workspace per source because DuckDB allows
one writer per file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.evals.metrics import Cost
from assistant.ingest import ingest_paths
from assistant.mapping.items import MappingDocument
from assistant.profile import profile_workspace
from assistant.profile.models import TableProfile
from assistant.propose.service import propose
from assistant.workspace import Workspace


@dataclass
class PipelineResult:
    document: MappingDocument
    cost: Cost  # LLM calls and tokens, wall time of the propose step
    seconds_total: float  # ingest + profile + propose
    profiles: list[TableProfile]


def run_pipeline(
    source: Path,
    destination: Path,
    workspace_dir: Path,
    backend: str,
    model: str | None = None,
    send_values: bool = True,
) -> PipelineResult:
    # Scores measure the proposer itself, never what a team's memory file remembers.
    overrides: dict[str, Any] = {"propose": {"backend": backend}, "memory": {"enabled": False}}
    if model:
        overrides["llm"] = {"model": model}
    ws = Workspace(workspace_dir, overrides).ensure()
    try:
        started = time.perf_counter()
        ingest_paths(ws, [source])
        profiles = profile_workspace(ws)
        before = time.perf_counter()
        # propose() returns (document, kept, ...): only the document matters here.
        outcome: tuple[Any, ...] = propose(
            ws, backend=backend, model=model, send_values=send_values, destination_file=destination
        )
        document: MappingDocument = outcome[0]
        done = time.perf_counter()
        cost = llm_cost(ws)
        cost.seconds = done - before
        return PipelineResult(document, cost, done - started, profiles)
    finally:
        ws.close()


def llm_cost(ws: Workspace) -> Cost:
    """Calls and tokens from ``llm.calls``; cache hits are calls that cost no tokens."""
    if not ws.table_exists("llm", "calls"):
        return Cost()
    row = (
        ws.connect()
        .execute("SELECT count(*), coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0) FROM llm.calls")
        .fetchone()
    )
    if row is None:
        return Cost()
    return Cost(calls=int(row[0]), tokens_in=int(row[1]), tokens_out=int(row[2]))
