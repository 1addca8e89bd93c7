"""The state one run carries through its passes, and what each pass reports.

Kept apart from the runner so the helpers it calls (files, products, links, relations) can take a
context without importing the runner back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb

from assistant.execute.audit import AuditLog
from assistant.execute.calls import Ids
from assistant.execute.identity import Ownership
from assistant.highlevel.client import HighLevelClient
from assistant.mapping.models import DuplicateChoice

Progress = Callable[[str, int], None]  # (pass name, records handled so far in it)


@dataclass
class PassResult:
    name: str
    done: int = 0
    skipped: int = 0
    failed: int = 0
    updated: int = 0
    conflicts: int = 0  # values edited in HighLevel since the last write, left as they are


@dataclass
class RunContext:
    hl: HighLevelClient
    con: duckdb.DuckDBPyConnection
    run_id: str
    ids: Ids
    audit: AuditLog
    stop: asyncio.Event
    delta: bool = False
    max_file_mb: float = 25.0
    currency: str = "USD"  # of the prices of catalog products
    business_name: str | None = None  # the location's name on invoices and estimates, read once
    results: list[PassResult] = field(default_factory=list)
    on_duplicate: dict[str, DuplicateChoice] = field(default_factory=dict)  # source object -> choice
    allow_duplicates: bool | None = None  # the location's setting, read on first need
    ownership: Ownership = field(default_factory=Ownership)  # which found records a create may take
    lost_reasons: dict[str, str] | None = None  # lost reason name (lower case) or id -> id, read once
    conversation_provider: str | None = None  # the location's custom conversation provider (history)
    conversations: dict[str, str] = field(default_factory=dict)  # contact id -> its conversation id
    contact_tags: dict[str, set[str]] = field(default_factory=dict)  # contact id -> its tags (deal tags)
