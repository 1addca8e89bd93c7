"""Every LLM call is recorded in the workspace; identical requests are answered from a cache.

The cache key is the hash of everything that decides the answer (model, mode, messages, answer
schema, sampling settings), so re-running a proposal costs nothing and changing any of it asks
again. No credential is part of the key or of anything stored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from assistant.workspace import Workspace


@dataclass
class CallRecord:
    source_object: str
    model: str
    mode: str
    prompt_hash: str
    request_hash: str
    attempts: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    latency_ms: float = 0.0
    cost_usd: float = 0.0
    cached: bool = False
    outcome: str = "ok"  # ok | fallback | error
    error: str | None = None


def request_hash(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _ensure(workspace: Workspace) -> None:
    con = workspace.connect()
    con.execute(
        """CREATE TABLE IF NOT EXISTS llm.calls (
            called_at TIMESTAMPTZ, source_object VARCHAR, model VARCHAR, mode VARCHAR, prompt_hash VARCHAR,
            request_hash VARCHAR, attempts INTEGER, tokens_in INTEGER, tokens_out INTEGER,
            latency_ms DOUBLE, cost_usd DOUBLE, cached BOOLEAN, outcome VARCHAR, error VARCHAR)"""
    )
    con.execute(
        """CREATE TABLE IF NOT EXISTS llm.cache (
            request_hash VARCHAR PRIMARY KEY, model VARCHAR, answer JSON, created_at TIMESTAMPTZ)"""
    )


def cached_answer(workspace: Workspace, key: str) -> dict[str, Any] | None:
    _ensure(workspace)
    row = workspace.connect().execute("SELECT answer FROM llm.cache WHERE request_hash = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def store_answer(workspace: Workspace, key: str, model: str, answer: dict[str, Any]) -> None:
    _ensure(workspace)
    workspace.connect().execute(
        "INSERT OR REPLACE INTO llm.cache VALUES (?, ?, ?, ?)",
        [key, model, json.dumps(answer, ensure_ascii=False), datetime.now(UTC)],
    )


def record_call(workspace: Workspace, call: CallRecord) -> None:
    _ensure(workspace)
    workspace.connect().execute(
        "INSERT INTO llm.calls VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            datetime.now(UTC),
            call.source_object,
            call.model,
            call.mode,
            call.prompt_hash,
            call.request_hash,
            call.attempts,
            call.tokens_in,
            call.tokens_out,
            call.latency_ms,
            call.cost_usd,
            call.cached,
            call.outcome,
            call.error,
        ],
    )
