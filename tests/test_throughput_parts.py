"""The per-request savings keep what they replace: every path finds the operation a scan of all of them
finds, the specs are built once however many location threads ask, every client verifies TLS with
one shared context, and a batch of audit rows lands whole and in order."""

from __future__ import annotations

import json
import ssl
import threading
from pathlib import Path

from assistant.execute.audit import AuditLog
from assistant.highlevel.tls import shared_tls
from assistant.hlspec.operations import (
    Operation,
    _all_operations,
    _built,
    _by_shape,
    find_operation,
    operations,
)
from assistant.workspace import Workspace


def _scan(method: str, path: str) -> Operation | None:
    """What find_operation answered before its index: the most literal of every matching operation."""
    found = [o for o in operations() if o.method == method and o.path_params(path) is not None]
    return max(found, key=lambda o: tuple(0 if s.startswith("{") else 1 for s in o.segments), default=None)


def test_every_path_finds_the_operation_a_full_scan_finds() -> None:
    checked = 0
    for op in operations():
        for fill in ("abc123", "search", "upsert"):
            path = "/".join(fill if s.startswith("{") else s for s in op.path.split("/"))
            for variant in (path, path + "/", path + "?locationId=x"):
                expected = _scan(op.method, variant)
                assert expected is not None
                assert find_operation(op.method.lower(), variant) is expected, variant
                checked += 1
    assert checked > 1000


def test_the_specs_are_built_once_when_threads_ask_together() -> None:
    for cached in (_by_shape, _all_operations, _built):
        cached.cache_clear()
    threads = [threading.Thread(target=find_operation, args=("POST", "/contacts/")) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _built.cache_info().misses == 1


def test_clients_share_one_verifying_tls_context() -> None:
    context = shared_tls()
    assert context is shared_tls()
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 0  # the CA bundle is loaded


def test_a_batch_of_audit_rows_lands_whole_and_in_order(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws").ensure()
    con = ws.connect()
    log = AuditLog(con, tmp_path / "audit.jsonl", "run-1", with_payloads=True)
    for n in range(AuditLog.BATCH + 3):  # one full batch written on its own, three at the flush
        log.write("create", "contact", "clients", str(n), f"HL{n}", "created", payload={"n": n, "tag": "o'k"})
    log.flush()
    rows = con.execute("SELECT source_key, hl_id, payload FROM exec.audit ORDER BY rowid").fetchall()
    assert [r[0] for r in rows] == [str(n) for n in range(AuditLog.BATCH + 3)]
    assert json.loads(rows[-1][2]) == {"n": AuditLog.BATCH + 2, "tag": "o'k"}
    assert len((tmp_path / "audit.jsonl").read_text().splitlines()) == AuditLog.BATCH + 3
