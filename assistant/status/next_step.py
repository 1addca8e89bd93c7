"""The next command for a workspace: the first step of the migration that has not been done."""

from __future__ import annotations

from assistant.status.facts import Facts


def next_step(facts: Facts, ws: str) -> str:
    at = f"-w {ws}"
    if facts.unsaved and facts.open_review:  # decisions not yet in mapping.yaml come first
        return f"quit the open review (q) so it saves its decisions, then hlmap status {at}"
    if facts.unsaved:
        return f"hlmap review {at}  (saves the decisions the stopped review left, as it opens)"
    if not facts.raw_tables:
        return f"hlmap ingest EXPORT_FILES {at}"
    if not facts.profiled_tables:
        return f"hlmap profile {at}"
    if facts.destination is None and not facts.mapping:  # propose --destination FILE needs none
        return f"hlmap target pull --location-id LOCATION {at}  (or: hlmap target load STATE.json {at})"
    if not facts.mapping or facts.mapping_error:
        return f"hlmap propose {at}"
    if facts.pending_total:
        return f"hlmap review {at}  (or without a terminal: hlmap decide --accept-above 0.9 {at})"
    if not facts.confirmed or facts.stale:
        return f"hlmap decide --confirm {at}  (or `c` in hlmap review)"
    return _run_step(facts, at)


def _run_step(facts: Facts, at: str) -> str:
    location = "--location-id LOCATION"
    unfinished = next((r for r in reversed(facts.runs) if r.status not in ("done", "rolled_back")), None)
    if unfinished is not None:
        location = f"--location-id {unfinished.location_id}"
        return f"hlmap apply {location} {at}  (run {unfinished.run_id} is {unfinished.status}; it resumes)"
    full = [r for r in facts.runs if r.mode in ("full", "delta") and r.status == "done"]
    if not full:
        samples = [r for r in facts.runs if r.mode == "sample" and r.status == "done"]
        if not samples:
            return f"hlmap plan {at}, then hlmap apply {location} --sample 100 {at}"
        last = samples[-1]
        return (
            f"hlmap apply --location-id {last.location_id} --approve-sample {last.run_id} --preflight-ok {at}"
            "  (once the checklist at the end of `hlmap plan` is settled)"
        )
    last_full = full[-1]
    location = f"--location-id {last_full.location_id}"
    if facts.reconciled_at is None or (last_full.started_at and facts.reconciled_at < last_full.started_at):
        return f"hlmap reconcile {location} {at}"
    if facts.reconcile_clean is False:
        return (
            f"read reports/reconciliation.md; then hlmap apply {location} --delta {at} "
            f"or hlmap rollback {location} {at}"
        )
    return f"nothing pending; at cutover re-ingest the export and run hlmap apply {location} --delta {at}"
