"""Object maps: which HighLevel object(s) each source table lands in."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.highlevel.state import DestinationState
from assistant.ingest.table_names import innermost
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import Alternative, Cardinality, Evidence, TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.company_rows import row_kinds
from assistant.propose.document_contact import contact_through
from assistant.propose.document_values import keep_every_document
from assistant.propose.embedded_people import embedded_targets
from assistant.propose.further_places import places_note, read_further_places
from assistant.propose.history_rules import history_note
from assistant.propose.job_shape import read_job_shapes
from assistant.propose.native_documents import add_beside, lines_follow, native_alternative, promote
from assistant.propose.normalize import concepts
from assistant.propose.object_merge import (
    OWN_KIND_WEIGHT,
    links_most_rows,
    merge_into_parent,
    own_record_kind,
)
from assistant.propose.object_rules import score_table
from assistant.propose.object_targets import (
    business_name_columns,
    existing_custom_object,
    is_line_table,
    line_parent,
    rows_are_businesses,
    targets_for,
)
from assistant.propose.organisation_tables import read_organisations
from assistant.propose.signals import TableSignals, build_signals
from assistant.propose.step_lists import read_step_lists

T = TargetObject
S = SemanticType
_NEVER_CUSTOM = (
    "contact",
    "company",
    "user",
    "pipeline",
    "tag",
    "product",
    "no_equivalent",
    "lookup",
    "address",
    "schema",
)
_ATTACHING = (T.CONTACT, T.OPPORTUNITY, T.TASK, T.CUSTOM_OBJECT, T.APPOINTMENT, T.COMPANY)
_FALLBACK_ORDER = ("custom_object", "no_equivalent", "contact", "opportunity")


@dataclass
class ObjectDecision:
    """The class a table was given and the object map built from it."""

    kind: str
    primary: TargetObject
    object_map: ObjectMap


def _confidence(best: float, runner_up: float) -> float:
    margin = max(0.0, min(1.0, (best - runner_up) / 0.3))
    return round(min(0.97, 0.2 + 0.55 * min(best, 1.0) + 0.2 * margin), 3)


def classify_tables(
    tables: list[TableProfile],
    destination: DestinationState | None = None,
) -> dict[str, ObjectDecision]:
    """Classify every table; child tables follow their parent's decision."""
    signals = build_signals(tables)
    read_step_lists(tables, signals)
    read_organisations(tables, signals)
    read_job_shapes(tables, signals)
    read_further_places(tables, signals)
    first = {name: (sig.words[0] if sig.words else "") for name, sig in signals.items()}
    for name, sig in signals.items():
        scores, _why = score_table(sig, first)
        if scores:
            first[name] = max(scores, key=lambda k: scores[k])
    # Two passes: merges and splits look at the decision of the table they point to.
    ordered = sorted(tables, key=lambda t: signals[t.table].parent is not None)
    draft: dict[str, ObjectDecision] = {}
    for table in ordered:
        draft[table.table] = _decide(table, signals[table.table], first, draft, destination)
    decided = {t.table: _decide(t, signals[t.table], first, draft, destination) for t in ordered}
    for table in tables:  # the native invoice or estimate, beside or instead of today's reading
        lines = [n for n, s in signals.items() if s.parent == table.table and decided[n].kind == "product"]
        decision = decided[table.table]
        native = native_alternative(decision.kind, table, signals[table.table], lines)
        if native is None:
            continue
        decision.object_map.alternatives.insert(0, native)
        kind = native.value["targets"][0]["object"]
        # A document-shaped table becomes the native document where the destination takes it; a
        # quote read as an opportunity keeps it and gains the estimate; a destination custom object wins.
        if destination is None or not destination.takes_native(kind):
            continue
        if decision.kind == "invoice":
            decision.primary = promote(decision.object_map, native)
            document = decision.primary
            _follow_native(tables, signals, decided, table.table, lines)
        elif decision.kind == "opportunity" and decision.object_map.targets[0].role is None:
            document = add_beside(decision.object_map, native)  # the opportunity stays, as the seeds ask
        elif (through := contact_through(decision.object_map, signals, decided)) is not None:
            # merged into another record's opportunity (an estimate into its job): that record's link
            # leads to the contact, so the native estimate goes beside the merge
            document = add_beside(decision.object_map, native, through)
        else:
            continue
        for name in lines:
            lines_follow(decided[name].object_map, document)
            decided[name].primary = document
    return decided


def _follow_native(
    tables: list[TableProfile],
    signals: dict[str, TableSignals],
    decided: dict[str, ObjectDecision],
    document: str,
    lines: list[str],
) -> None:
    """A nested list merged into a document made native merges into the native document, not into
    the reading the document had before ('Invoice__LinkedTxn' into the invoice, not a custom object)."""
    for child in tables:
        merged = decided[child.table].object_map.targets[0].role == "merge_into_parent"
        if signals[child.table].parent == document and child.table not in lines and merged:
            why = "nested list of the parent record"
            decided[child.table] = merge_into_parent(child, decided[document], why, parent_table=document)


def _decide(
    table: TableProfile,
    sig: TableSignals,
    first: dict[str, str],
    done: dict[str, ObjectDecision],
    destination: DestinationState | None,
) -> ObjectDecision:
    scores, why = score_table(sig, first)
    line_items = sig.parent is not None and sig.has("quantity") and (sig.has("price") or sig.has("sku"))
    own = own_record_kind(sig, done.get(sig.parent or ""))
    if own is not None:
        scores[own] += OWN_KIND_WEIGHT
        why[own].append(f"a nested list named '{innermost(sig.table)[1]}': records of their own")
    elif sig.parent is not None and not line_items:
        parent = done.get(sig.parent)
        if parent is not None and sig.further_places and parent.primary == T.CONTACT:
            return places_note(table, parent, sig.further_places, parent_table=sig.parent)
        if parent is not None:
            return merge_into_parent(
                table, parent, "nested list of the parent record", parent_table=sig.parent
            )
    if line_items:
        scores["product"] = max(scores.values(), default=0.0) + 0.1
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    kind, best = ranked[0] if ranked and ranked[0][1] >= 0.25 else ("custom_object", 0.2)
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    fk_kinds = {col: first.get(target, "") for col, target in sig.fk_targets.items()}
    note = ""
    if kind == "address":
        owner = next((t for c, t in sig.fk_targets.items() if fk_kinds[c] == "contact"), None)
        if owner and owner in done:
            return merge_into_parent(
                table, done[owner], "address records keyed to their contact", parent_table=owner
            )
    if kind == "opportunity":
        parent_opp = next(
            (
                t
                for c, t in sig.fk_targets.items()
                if fk_kinds[c] == "opportunity" and links_most_rows(table, c) and c not in sig.step_columns
            ),
            None,
        )
        if parent_opp and parent_opp in done and done[parent_opp].kind == "opportunity":
            return merge_into_parent(
                table,
                done[parent_opp],
                "documents that hang off another opportunity record",
                parent_table=parent_opp,
            )
    if kind == "task" and _tracked_off_opportunity(table, set(fk_kinds.values())):
        kind, note = (
            "custom_object",
            "records with a status of their own hang off opportunities, not contacts; a task holds "
            "only done or not done",
        )
    if kind == "message" and sig.history is not None:
        note = history_note(sig.history)
    existing = existing_custom_object(table.table, destination)
    if existing and kind not in _NEVER_CUSTOM:
        kind, note, best = "custom_object", f"the destination already has the custom object {existing}", 1.0
        why[kind].append(f"destination custom object {existing} is named like the table")
    targets = targets_for(kind, table.table, sig)
    if existing and kind == "custom_object":
        targets = [ObjectTarget(object=T.CUSTOM_OBJECT, custom_object_key=existing)]
    if is_line_table(table.table, kind, sig):
        targets = [ObjectTarget(object=T.PRODUCT, role="line_items")]
        parent_name = sig.parent or line_parent(table.table, done)
        note = f"document lines of '{parent_name}' become its line items" if parent_name else "line items"
        sig.parent = sig.parent or parent_name
    if sig.parent is not None and kind == "product":
        targets = [ObjectTarget(object=T.PRODUCT, role="line_items")]
        note = f"document lines of '{sig.parent}' become its line items"
    cardinality = Cardinality.ONE_TO_ONE
    if sig.has("file_path") and targets[0].object in _ATTACHING:
        col = sig.concept_columns["file_path"][0]
        targets.append(ObjectTarget(object=T.FILE, role="attachment", condition=f"'{col}' is present"))
    targets, kept_alternatives, kept_note = keep_every_document(table, targets, fk_kinds)
    note = kept_note or note
    company_cols = [
        c.column
        for c in table.columns
        if c.column in sig.concept_columns.get("company", [])
        and c.foreign_key is None
        and c.semantic_type not in (S.IDENTIFIER, S.FOREIGN_KEY)
        and rows_are_businesses(c)
    ]
    company_cols = company_cols or business_name_columns(table, sig)
    company_table = any(fk_kinds[c] == "company" for c in sig.fk_targets)
    kinds_of_rows = row_kinds(table) if kind == "contact" and targets[0].object == T.CONTACT else None
    if kinds_of_rows is not None:  # companies and people in one list: each row lands as what it is
        targets = [*kinds_of_rows.targets(), *targets[1:]]
        cardinality = Cardinality.ONE_TO_MANY
        note = kinds_of_rows.note()
    elif kind == "contact" and company_cols and not company_table:
        col = company_cols[0]
        targets.append(
            ObjectTarget(object=T.COMPANY, condition=f"'{col}' is present", role="company_of_record")
        )
        cardinality = Cardinality.ONE_TO_MANY
        note = f"rows with a value in '{col}' also create a company linked to the contact"
    embedded, embedded_note = embedded_targets(kind, table, sig, fk_kinds, company_cols)
    if embedded:
        targets += embedded
        note = "; ".join(n for n in (note, embedded_note) if n)
    evidence = [Evidence(source="table", detail=d) for d in why.get(kind, [])]
    evidence.append(
        Evidence(source="profile", detail=f"{table.row_count} rows, {len(sig.types)} value types")
    )
    rationale = f"'{table.table}' reads as {kind.replace('_', ' ')}" + (f"; {note}" if note else "")
    decision_map = ObjectMap(
        id=f"object:{table.table}",
        source_object=table.table,
        row_count=table.row_count,
        targets=targets,
        cardinality=cardinality,
        key_column=table.primary_key,
        # Lines with quantities and prices under a document are unambiguous, whatever the name says.
        confidence=0.88 if targets[0].role == "line_items" else _confidence(best, runner),
        parent_object=sig.parent,
        rationale=rationale,
        evidence=evidence,
        alternatives=[*kept_alternatives, *_alternatives(kind, ranked, table.table, sig)],
    )
    return ObjectDecision(kind, targets[0].object, decision_map)


def _alternatives(
    chosen: str, ranked: list[tuple[str, float]], table: str, sig: TableSignals
) -> list[Alternative]:
    seen = {chosen}
    out: list[Alternative] = []
    pool = [*ranked, *((k, 0.1) for k in _FALLBACK_ORDER)]
    for kind, score in pool:
        if kind in seen or len(out) >= 4:
            continue
        seen.add(kind)
        targets = targets_for(kind, table, sig)
        label = " + ".join(t.object.value for t in targets)
        out.append(
            Alternative(
                target=label,
                score=round(min(score, 0.99), 3),
                value={"targets": [t.model_dump(mode="json") for t in targets]},
            )
        )
    return out


def _tracked_off_opportunity(table: TableProfile, linked_kinds: set[str]) -> bool:
    """Task-like rows linked to deals only, carrying a status pick-list of their own (a work order's
    'On Hold', 'Scheduled'): a HighLevel task would lose that status, so they are records of their
    own; activities without a status stay tasks, reaching the deal's contact."""
    if "opportunity" not in linked_kinds or {"contact", "company"} & linked_kinds:
        return False
    # The header tells, whatever the type: two rows of a small export hold two statuses as free text.
    return any(
        "status" in concepts(c.column) and c.semantic_type in (SemanticType.PICKLIST, SemanticType.FREE_TEXT)
        for c in table.columns
    )
