"""The LLM backend: retrieve then ask, one call per source object, validated, cached, logged.

It refines the offline proposal: the offline backend proposes every item and generates each
column's candidates; the model chooses among them. An answer that still fails validation after
the bounded re-asks falls back to the offline proposal, marked ``origin.fallback``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from instructor.core.exceptions import InstructorRetryException
from openai import OpenAIError

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap, MappingDocument, ObjectTarget
from assistant.mapping.models import Origin, Status
from assistant.profile.models import TableProfile
from assistant.propose.llm.calllog import CallRecord, cached_answer, record_call, request_hash, store_answer
from assistant.propose.llm.client import StructuredClient, Usage
from assistant.propose.llm.merge import apply_choice
from assistant.propose.llm.request import ObjectRequest, build_request
from assistant.propose.llm.schema import answer_model
from assistant.workspace import Workspace


@dataclass
class LLMStats:
    calls: int = 0
    cached: int = 0
    fallbacks: int = 0
    attempts: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    columns: int = 0
    records: list[CallRecord] = field(default_factory=list)


def refine_with_llm(
    workspace: Workspace,
    document: MappingDocument,
    tables: list[TableProfile],
    destination: DestinationState | None,
    *,
    model: str | None = None,
    send_values: bool | None = None,
) -> LLMStats:
    """Replace pending field maps of ``document`` with the model's grounded choices, in place."""
    settings = workspace.settings
    client = StructuredClient(settings.llm, model)
    values = settings.llm.send_values if send_values is None else send_values
    by_table = {t.table: t for t in tables}
    stats = LLMStats()
    for object_map in document.objects:
        table = by_table.get(object_map.source_object)
        maps = [
            m
            for m in document.fields
            if m.source_object == object_map.source_object and m.status == Status.PROPOSED
        ]
        if table is None or not maps:
            continue
        for part in _parts(maps, settings.llm.max_columns_per_call):
            request = build_request(
                object_map, table, part, destination, send_values=values, k=settings.propose.top_k
            )
            if request is None:
                continue
            stats.columns += len(request.columns)
            groups = _ask_object(workspace, client, request, part, object_map.targets, destination, stats)
            document.fields = _splice(document.fields, groups)
    return stats


FALLBACK = "__fallback__"  # cache marker of a request whose answer failed validation

# (ids of the offline maps a column had, the maps that replace them)
Group = tuple[list[str], list[FieldMap]]


def _parts(maps: list[FieldMap], per_call: int) -> list[list[FieldMap]]:
    """An object's field maps in groups of at most ``per_call`` columns, so a wide object fits the
    model's context; an object of ordinary width is still one call."""
    columns = list(dict.fromkeys(m.source_columns[0] for m in maps))
    chunks = [set(columns[i : i + per_call]) for i in range(0, len(columns), per_call)]
    return [[m for m in maps if m.source_columns[0] in chunk] for chunk in chunks]


def _splice(fields: list[FieldMap], groups: list[Group]) -> list[FieldMap]:
    """Put each column's new maps where its first old map stood; drop the old ones."""
    group_of = {old_id: index for index, (old_ids, _) in enumerate(groups) for old_id in old_ids}
    out: list[FieldMap] = []
    placed: set[int] = set()
    for item in fields:
        index = group_of.get(item.id)
        if index is None:
            out.append(item)
        elif index not in placed:
            placed.add(index)
            out.extend(groups[index][1])
    return out


def _ask_object(
    workspace: Workspace,
    client: StructuredClient,
    request: ObjectRequest,
    maps: list[FieldMap],
    targets: list[ObjectTarget],
    destination: DestinationState | None,
    stats: LLMStats,
) -> list[Group]:
    answer_type = answer_model(request.allowed())
    payload = client.request_payload(request.messages(), answer_type)
    key = request_hash(payload)
    record = CallRecord(request.source_object, client.model, client.mode, request.prompt_hash, key)
    answer = cached_answer(workspace, key)
    if answer is not None:
        record.cached = True
        stats.cached += 1
    else:
        answer = _call(client, request, answer_type, record, stats)
        # An answer that failed validation is cached too, so a re-run gives the same fallback at
        # no cost; a transport error is not, so the next run asks again.
        if answer is not None or record.outcome == "fallback":
            store_answer(workspace, key, client.model, answer or {FALLBACK: record.error})
    record_call(workspace, record)
    stats.records.append(record)
    origin = Origin(backend="llm", model=client.model, prompt_hash=request.prompt_hash)
    if answer is None or FALLBACK in answer:
        stats.fallbacks += 1
        fallback = origin.model_copy(update={"fallback": True})
        return [([m.id], [m.model_copy(update={"origin": fallback})]) for m in maps]
    return _merge(answer, request, maps, origin, targets, destination)


def _call(
    client: StructuredClient, request: ObjectRequest, answer_type: type, record: CallRecord, stats: LLMStats
) -> dict[str, object] | None:
    stats.calls += 1
    usage = Usage()
    started = time.perf_counter()
    try:
        result = client.ask(request.messages(), answer_type, {"options": request.allowed()}, usage)
        answer: dict[str, object] | None = result.model_dump(mode="json", by_alias=True)
    except InstructorRetryException as exc:
        attempts = int(getattr(exc, "n_attempts", 0) or 0)
        total = getattr(exc, "total_usage", None)
        usage.attempts = max(usage.attempts, attempts)
        if total is not None:
            usage.tokens_in = max(usage.tokens_in, int(getattr(total, "prompt_tokens", 0) or 0))
            usage.tokens_out = max(usage.tokens_out, int(getattr(total, "completion_tokens", 0) or 0))
        reason = usage.errors[-1] if usage.errors else str(exc)
        record.outcome, record.error, answer = "fallback", reason.splitlines()[0][:300], None
    except OpenAIError as exc:
        record.outcome, record.error, answer = "error", f"{type(exc).__name__}: {str(exc)[:200]}", None
    record.latency_ms = round((time.perf_counter() - started) * 1000, 1)
    record.attempts, record.tokens_in, record.tokens_out = usage.attempts, usage.tokens_in, usage.tokens_out
    prices = client.settings
    record.cost_usd = (
        usage.tokens_in * prices.price_input_per_million + usage.tokens_out * prices.price_output_per_million
    ) / 1_000_000
    stats.attempts += usage.attempts
    stats.tokens_in += usage.tokens_in
    stats.tokens_out += usage.tokens_out
    return answer


def _merge(
    answer: dict[str, object],
    request: ObjectRequest,
    maps: list[FieldMap],
    origin: Origin,
    targets: list[ObjectTarget],
    destination: DestinationState | None,
) -> list[Group]:
    holders = [t.object for t in targets]
    custom_key = next((t.custom_object_key for t in targets if t.custom_object_key), None)
    groups: list[Group] = []
    for name, raw in answer.items():
        choice: dict[str, object] = raw  # type: ignore[assignment]
        column = request.columns[name]
        option = next(o for o in request.options[name] if o.id == choice["option"])
        offline = [m for m in maps if m.source_columns == [column.column]]
        new = apply_choice(
            offline,
            column,
            option,
            float(str(choice["confidence"])),
            str(choice["rationale"]),
            origin,
            holders,
            custom_key,
            destination,
        )
        groups.append(([m.id for m in offline], new))
    return groups
