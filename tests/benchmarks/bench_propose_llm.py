"""LLM backend on each seed fixture: calls, tokens per source column, retries, cache hits on re-run.

Needs an OpenAI-compatible server (e.g. the one `tests/cassettes/record.sh` starts):

    python -m tests.benchmarks.bench_propose_llm --base-url http://127.0.0.1:8765/v1 --model smollm2-135m
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from assistant.fixturegen.generate import PLATFORMS, repo_fixtures_dir
from assistant.ingest import ingest_paths
from assistant.profile import profile_workspace
from assistant.propose.service import propose
from assistant.workspace import Workspace


def run_platform(platform: str, base_url: str, model: str, no_values: bool) -> None:
    fixture = repo_fixtures_dir() / platform
    with tempfile.TemporaryDirectory() as folder:
        overrides = {"llm": {"model": model, "base_url": base_url, "max_retries": 1}}
        ws = Workspace(Path(folder) / "ws", overrides).ensure()
        ingest_paths(ws, [fixture / "source"])
        profile_workspace(ws)
        destination = fixture / "destination.json"
        started = time.perf_counter()
        _, _, first = propose(ws, backend="llm", destination_file=destination, send_values=not no_values)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        _, _, second = propose(ws, backend="llm", destination_file=destination, send_values=not no_values)
        second_seconds = time.perf_counter() - started
        ws.close()
    columns = max(first.columns, 1)
    print(
        f"{platform:16} calls {first.calls:3}  retries {first.attempts - first.calls:3}  "
        f"fallbacks {first.fallbacks:3}  tokens in/col {first.tokens_in / columns:7.1f}  "
        f"out/col {first.tokens_out / columns:6.1f}  {first_seconds:7.1f} s  |  "
        f"re-run: calls {second.calls} cached {second.cached} in {second_seconds:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8765/v1")
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--platform", action="append", choices=PLATFORMS)
    parser.add_argument("--no-values", action="store_true")
    args = parser.parse_args()
    for platform in args.platform or PLATFORMS:
        run_platform(platform, args.base_url, args.model, args.no_values)


if __name__ == "__main__":
    main()
