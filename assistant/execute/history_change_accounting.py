"""The source accounting of history rows that changed after their message was added.

The row stays landed (its message is in HighLevel, as it was sent) and its line says what changed
and in which note the change went; a change no delta run has noted yet is pending, and a note that
failed is failed, so the accounting is clean only once every change is in HighLevel.
"""

from __future__ import annotations

import duckdb

from assistant.execute.history_changes import KIND, POLICY
from assistant.transforms.sqltext import lit

_WHY = "HighLevel cannot edit a message, so the message keeps what was sent"
_CHANGES = f"""SELECT source_object, source_key, arg_max(op_id, updated_at) AS op_id,
    arg_max(status, updated_at) AS status, arg_max(hl_id, updated_at) AS hl_id,
    arg_max(error, updated_at) AS error, arg_max(sent, updated_at) AS sent
    FROM exec.ledger WHERE starts_with(op_id, {lit(KIND + ":")}) GROUP BY ALL"""


def account_changes(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the message parts of changed history rows (after ``add_parts``)."""
    changed = "coalesce(array_to_string(CAST(json_extract(c.sent, '$.changed') AS VARCHAR[]), ', '), '')"
    con.execute(
        f"""UPDATE exec.accounting_parts p SET policy = {lit(POLICY)},
        outcome = CASE WHEN c.status = 'done' THEN p.outcome ELSE 'failed' END,
        detail = CASE WHEN c.status = 'done'
            THEN 'changed in the source after its message was added (' || {changed} || '): '
                || {lit(_WHY)} || ' and the change is in note ' || c.hl_id || ' on its contact'
            ELSE 'changed in the source after its message was added; the note of the change was not '
                || 'sent: ' || coalesce(c.error, 'the run stopped while sending it') END
        FROM ({_CHANGES}) c JOIN exec.records r ON r.target = 'message'
            AND r.source_object = c.source_object AND r.source_key = c.source_key
        WHERE p.record = 'message:' || c.source_object AND p."row" = r."row"
            AND p.outcome IN ('landed', 'merged')"""
    )
    con.execute(  # changed since the message was added, and no delta run has noted it yet
        f"""UPDATE exec.accounting_parts p SET outcome = 'pending', policy = {lit(POLICY)},
        detail = 'changed in the source after its message was added: `hlmap apply --delta` notes the '
            || 'change on its contact (' || {lit(_WHY)} || ')'
        FROM exec.records r
        JOIN ledger_now l ON l.op_id = 'message:' || r.source_object || ':' || r.source_key
        WHERE r.target = 'message' AND p.record = 'message:' || r.source_object AND p."row" = r."row"
            AND l.status = 'done' AND r.payload_hash <> (SELECT arg_max(m.payload_hash, m.updated_at)
                FROM exec.ledger m WHERE m.op_id = l.op_id AND m.status = 'done')
            AND p.outcome = 'landed' AND NOT EXISTS (SELECT 1 FROM exec.ledger n
                WHERE n.op_id = {lit(KIND + ":")} || r.source_object || ':' || r.source_key || ':'
                    || left(r.payload_hash, 12))"""
    )
