"""One outcome per source row and record kind it feeds (``exec.accounting_parts``).

A plain record's outcome is its ledger state; a merged child's is its parent's (only the first child
of a parent fills it); a document line's is the note its document's lines travel in. A row the map's
condition leaves out of a kind gets no part of that kind; a row that made no record of its table's
kind it would carry nothing for gets none either; a row that ends with no part at all although it
holds nothing the map's conditions leave out is held back (see ``build``).
"""

from __future__ import annotations

import re

import duckdb

from assistant.execute import document_contacts as as_note
from assistant.execute import duplicate_opportunities as kept
from assistant.execute import extra_values, holding, refused_notes
from assistant.execute import history_notes as history
from assistant.execute import later_children as later
from assistant.execute.accounting.folds import fold_of
from assistant.execute.accounting.ledger_state import DETAIL, DUPLICATE_POLICY, OUTCOME
from assistant.execute.lines import is_line_spec
from assistant.execute.specs import DOCUMENT_KINDS, TAKER_OF, RecordSpec
from assistant.transforms.sqltext import ident, lit

PARTS_DDL = """CREATE OR REPLACE TABLE exec.accounting_parts (source_table VARCHAR, "row" BIGINT,
    source_key VARCHAR, record VARCHAR, outcome VARCHAR, destination_id VARCHAR, policy VARCHAR,
    into_record VARCHAR, rule VARCHAR, detail VARCHAR, sent_at TIMESTAMP)"""
# Kinds made after compiling from some rows of a table: a row they did not take has no part of them.
TAKERS = frozenset({kept.KIND, extra_values.KIND, as_note.KIND, history.KIND, refused_notes.KIND})
COLUMNS = "source_table, row, source_key, record, outcome, destination_id, policy, into_record, rule, detail"
# Rows a record kind never got: held back by a rule (first held error of the row), or skipped.
_HELD = """LEFT JOIN (SELECT "row", min(field) AS field, min(error) AS error, min(source_key) AS source_key
    FROM exec.transform_errors
    WHERE held AND target = {t} AND source_object = {s} GROUP BY "row") he ON he."row" = src."_row"
    LEFT JOIN exec.skipped_rows sk ON sk.target = {t} AND sk.source_object = {s} AND sk."row" = src."_row\""""


HOLDING_OP = f"contact:{holding.HOLDING_OBJECT}:{holding.HOLDING_KEY}"
PARKED_WHY = (  # the parked record's text starts with the parent it named, and why
    "its parent is not in the export, or is a company no contact belongs to: parked on the holding "
    f"contact '{holding.HOLDING_NAME}'"
)
_NOTE_OUTCOME, _NOTE_DETAIL = (re.sub(r"\bl\.", "nl.", sql) for sql in (OUTCOME, DETAIL))  # the note's ledger


def add_parts(con: duckdb.DuckDBPyConnection, spec: RecordSpec) -> None:
    if spec.target == later.KIND:
        return  # its rows' one part is their merged child kind's (``_merged``)
    if is_line_spec(spec):
        _lines(con, spec)
    elif spec.merge_into:
        _merged(con, spec)
    else:
        _records(con, spec)
    con.execute("DELETE FROM exec.accounting_parts WHERE outcome IS NULL")


def _not_made(spec: RecordSpec) -> tuple[str, str, str]:
    """(outcome, rule, detail) SQL for a row of the spec's table that made no record."""
    outcome = """CASE WHEN he.field IS NOT NULL THEN 'held' WHEN sk.reason IS NOT NULL THEN NULL
        ELSE 'failed' END"""
    rule = "CASE WHEN he.field IS NOT NULL THEN he.field END"
    detail = """CASE WHEN he.field IS NOT NULL THEN he.error
        ELSE 'not compiled: the plan made no record of it' END"""
    return outcome, rule, detail


def _records(con: duckdb.DuckDBPyConnection, spec: RecordSpec) -> None:
    t, s = lit(spec.target), lit(spec.source_object)
    outcome, rule, detail = _not_made(spec)
    policy, into, why = _kept_as_note(spec)
    fold = fold_of(con, spec)
    folded = 'sn."row" IS NOT NULL'  # a company or document another row made: merged into it
    op_prefix = lit(f"{spec.target}:{spec.source_object}:")
    # a row another kind took over (a later duplicate opportunity sent as a note) is that kind's part;
    # the kind that takes over has parts only for the rows it took
    other = lit(_taker(spec))
    parked = f"""coalesce(json_extract_string(rec."values", '$."ref:contactId"') = {lit(holding.HOLDING_KEY)},
        false)"""  # a row whose parent is not in the export, sent to the holding contact
    con.execute(
        f"""INSERT INTO exec.accounting_parts SELECT {s}, src."_row",
        coalesce(rec.source_key, sn.source_key, he.source_key, sk.source_key), {lit(spec.name)},
        CASE WHEN {parked} AND l.status = 'done' THEN 'merged'
            WHEN {folded} THEN CASE WHEN l.status = 'done' THEN 'merged' ELSE {OUTCOME} END
            WHEN rec.source_key IS NOT NULL THEN {OUTCOME} WHEN alt."row" IS NOT NULL THEN NULL
            ELSE {outcome} END,
        l.hl_id, CASE WHEN {parked} THEN {lit(holding.POLICY)} WHEN {folded} THEN {lit(fold.policy)}
            WHEN l.outcome = 'existing' THEN {lit(DUPLICATE_POLICY)} ELSE {policy} END,
        CASE WHEN {parked} THEN coalesce(hc.hl_id, {lit(HOLDING_OP)})
            WHEN {folded} THEN {op_prefix} || sn.into_key
            WHEN l.outcome = 'existing' THEN coalesce(c.op_id, 'a record that was there before the run')
            ELSE {into} END,
        CASE WHEN rec.source_key IS NULL AND NOT {folded} THEN {rule} END,
        CASE WHEN {parked} THEN coalesce({DETAIL}, {lit(PARKED_WHY)})
            WHEN {folded} THEN coalesce({DETAIL}, {lit(fold.why)})
            WHEN rec.source_key IS NOT NULL THEN coalesce({DETAIL}, {why}) ELSE {detail} END, l.updated_at
        FROM raw.{ident(spec.source_object)} src
        LEFT JOIN exec.records rec ON rec.target = {t} AND rec.source_object = {s} AND rec."row" = src."_row"
        LEFT JOIN (SELECT DISTINCT "row" FROM exec.records WHERE target = {other} AND source_object = {s})
            alt ON alt."row" = src."_row"
        LEFT JOIN {fold.table} sn ON {fold.applies} AND sn.source_object = {s} AND sn."row" = src."_row"
        LEFT JOIN ledger_now l ON l.op_id = {op_prefix} || coalesce(rec.source_key, sn.into_key)
            OR (sn."row" IS NOT NULL AND l.op_id = {fold.note_prefix} || sn.into_key)
        LEFT JOIN ledger_creators c ON c.hl_id = l.hl_id AND c.op_id <> l.op_id
        LEFT JOIN ledger_now hc ON hc.op_id = {lit(HOLDING_OP)} AND hc.status = 'done'
        {_HELD.format(t=t, s=s)}
        WHERE {"rec.source_key IS NOT NULL" if spec.target in TAKERS else "true"}"""
    )


def _taker(spec: RecordSpec) -> str:
    """The kind that takes over some rows of this spec's kind (sent as notes instead), if any."""
    return TAKER_OF.get(spec.target, "")


def _kept_as_note(spec: RecordSpec) -> tuple[str, str, str]:
    """(policy, into record, detail) SQL of a record sent as a note on its contact instead of its kind:
    a later duplicate opportunity, or a document whose contact HighLevel would not accept."""
    policies = {
        kept.KIND: (kept.POLICY, kept.WHY),
        as_note.KIND: (as_note.POLICY, as_note.WHY),
        history.KIND: (history.POLICY, history.WHY),
    }
    if spec.target not in policies:
        return "NULL", "NULL", "NULL"
    policy, why = policies[spec.target]
    contact = next((r for r in spec.refs if r.key == "contactId"), None)
    parent = f"'contact:{contact.source_object}:'" if contact else "'contact:'"
    return (
        lit(policy),
        f"""{parent} || json_extract_string(rec."values", '$."ref:contactId"')""",
        lit(why),
    )


def _merged(con: duckdb.DuckDBPyConnection, spec: RecordSpec) -> None:
    """A child row lands inside its parent's record: merged when it filled it; a later row is merged as a
    note on its parent contact when it travels as one, else not carried."""
    t, s = lit(spec.target), lit(spec.source_object)
    outcome, rule, detail = _not_made(spec)
    other = lit(_taker(spec))  # a parent sent as a note instead
    parent_op = f"coalesce(p.target, {t}) || ':' || m.parent_object || ':' || m.parent_key"
    note_op = f"{lit(later.KIND + ':')} || {s} || ':' || n.source_key"
    con.execute(
        f"""INSERT INTO exec.accounting_parts SELECT {s}, src."_row",
        coalesce(n.source_key, he.source_key, sk.source_key), {lit(spec.name)},
        CASE WHEN m."row" IS NULL THEN {outcome} WHEN m.parent_key IS NULL OR p.source_key IS NULL THEN 'held'
        WHEN NOT m.first AND n.source_key IS NULL THEN 'not_carried'
        WHEN n.source_key IS NOT NULL THEN CASE WHEN nl.status = 'done' THEN 'merged' ELSE {_NOTE_OUTCOME} END
        WHEN l.status = 'done' THEN 'merged' ELSE {OUTCOME} END,
        CASE WHEN n.source_key IS NOT NULL THEN nl.hl_id ELSE l.hl_id END,
        CASE WHEN n.source_key IS NOT NULL THEN {lit(later.POLICY)} ELSE 'merge-into-parent' END, {parent_op},
        CASE WHEN m."row" IS NULL THEN {rule}
            WHEN m.parent_key IS NULL OR p.source_key IS NULL THEN 'parent' END,
        CASE WHEN m."row" IS NULL THEN {detail}
        WHEN m.parent_key IS NULL THEN 'the row names no parent record'
        WHEN p.source_key IS NULL
            THEN 'its parent ' || m.parent_key || ' is not migrated' || coalesce(' (' || pe.error || ')', '')
        WHEN n.source_key IS NOT NULL THEN coalesce({_NOTE_DETAIL}, {lit(later.WHY)})
        WHEN NOT m.first THEN 'an earlier row of the same parent filled its fields: this row''s values are '
            || 'not carried (the first child per parent wins; its parent record keeps no notes)'
        WHEN l.status = 'done' THEN 'its values fill the empty fields of its parent''s record'
        ELSE {DETAIL} END, CASE WHEN n.source_key IS NOT NULL THEN nl.updated_at ELSE l.updated_at END
        FROM raw.{ident(spec.source_object)} src
        LEFT JOIN exec.merged_rows m ON m.target = {t} AND m.source_object = {s} AND m."row" = src."_row"
        LEFT JOIN exec.records p ON p.target IN ({t}, {other}) AND p.source_object = m.parent_object
            AND p.source_key = m.parent_key
        LEFT JOIN (SELECT source_object, source_key, min(error) AS error FROM exec.transform_errors
            WHERE held GROUP BY ALL) pe ON pe.source_object = m.parent_object AND pe.source_key = m.parent_key
        LEFT JOIN ledger_now l ON l.op_id = {parent_op}
        LEFT JOIN exec.records n ON n.target = {lit(later.KIND)} AND n.source_object = {s}
            AND n."row" = src."_row"
        LEFT JOIN ledger_now nl ON nl.op_id = {note_op}
        {_HELD.format(t=t, s=s)}"""
    )


def _lines(con: duckdb.DuckDBPyConnection, spec: RecordSpec) -> None:
    """A document line travels in the one note of its document's lines."""
    s = lit(spec.source_object)
    note_op = f"'note:' || {s} || ':' || lr.parent"
    carrier, policy, holder = "note", "document-lines-note", s
    missing = "'the note of its document has no contact to go to'"
    if spec.target in DOCUMENT_KINDS:  # the lines ride inside their native invoice or estimate
        holder = lit(str(spec.object_map.parent_object))
        carrier, policy = spec.target, f"document-lines-{spec.target}"
        # or, when its document went as a note on its contact, inside that note
        note_op = f"coalesce(n.target, {lit(spec.target)}) || ':' || {holder} || ':' || lr.parent"
        missing = f"'its document ' || lr.parent || ' is not migrated (no {spec.target} is sent for it)'"
    con.execute(
        f"""INSERT INTO exec.accounting_parts SELECT {s}, src."_row", lr.parent, {lit(spec.name)},
        CASE WHEN lr."row" IS NULL THEN 'failed' WHEN lr.not_carried IS NOT NULL OR n.source_key IS NULL
        THEN 'held' WHEN l.status = 'done' THEN 'merged' ELSE {OUTCOME} END,
        l.hl_id, CASE WHEN n.target = {lit(as_note.KIND)} THEN 'document-lines-note' ELSE {lit(policy)} END,
        {note_op},
        CASE WHEN lr.not_carried IS NOT NULL OR n.source_key IS NULL THEN 'parent' END,
        CASE WHEN lr."row" IS NULL THEN 'not compiled: the plan made no record of it'
        WHEN lr.not_carried IS NOT NULL THEN lr.not_carried
        WHEN n.source_key IS NULL THEN {missing}
        WHEN l.status = 'done'
            THEN 'one line of the ' || CASE WHEN n.target = {lit(as_note.KIND)} THEN 'note'
                ELSE {lit(carrier)} END || ' that carries its document''s lines'
        ELSE {DETAIL} END, l.updated_at
        FROM raw.{ident(spec.source_object)} src
        LEFT JOIN exec.line_rows lr ON lr.source_object = {s} AND lr."row" = src."_row"
        LEFT JOIN exec.records n ON n.target IN ({lit(carrier)}, {lit(as_note.KIND)})
            AND n.source_object = {holder} AND n.source_key = lr.parent
        LEFT JOIN ledger_now l ON l.op_id = {note_op}"""
    )
