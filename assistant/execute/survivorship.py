"""Duplicate survivorship: what a contact create does when HighLevel already holds that person.

The engineer chooses per source object (``on_duplicate`` in the mapping, or ``apply --on-duplicate``):
skip, fill only the empty fields, overwrite, or create a separate contact where the location allows
duplicates. Values written onto an existing contact are ledgered with what it held before (empty
ones as empty), so a rollback restores them and never deletes the contact.
"""

from __future__ import annotations

from typing import Any

from assistant.errors import HlmapError
from assistant.execute import ledger
from assistant.execute.calls import Call, build_call
from assistant.execute.context import RunContext
from assistant.execute.sender import read_back, send_update
from assistant.execute.specs import PASSES, RecordSpec
from assistant.execute.update_diff import custom_map, norm, same
from assistant.highlevel.idempotent import CreateOutcome, CreateResult
from assistant.mapping.models import DuplicateChoice


def parse_choices(flags: list[str], objects: set[str]) -> dict[str, DuplicateChoice]:
    """``--on-duplicate OBJECT=CHOICE`` flags, checked against the mapped objects and the choices."""
    out: dict[str, DuplicateChoice] = {}
    known = ", ".join(c.value for c in DuplicateChoice)
    for flag in flags:
        name, _, value = flag.partition("=")
        if name not in objects:
            raise HlmapError(f"--on-duplicate {flag}: {name!r} is no mapped source object")
        try:
            out[name] = DuplicateChoice(value)
        except ValueError:
            raise HlmapError(f"--on-duplicate {flag}: choose one of {known}") from None
    return out


def choice_for(ctx: RunContext, spec: RecordSpec) -> DuplicateChoice:
    chosen = ctx.on_duplicate.get(spec.source_object) or spec.object_map.on_duplicate
    return chosen or DuplicateChoice.SKIP


async def allows_duplicates(ctx: RunContext) -> bool:
    if ctx.allow_duplicates is None:
        settings = (await ctx.hl.location.get()).get("settings") or {}
        ctx.allow_duplicates = bool(settings.get("allowDuplicateContact"))
    return ctx.allow_duplicates


async def existing_first(ctx: RunContext, spec: RecordSpec, call: Call) -> CreateResult | None:
    """Where the location takes duplicates, HighLevel will not refuse one: look the person up first."""
    if spec.hl_object != "contact" or choice_for(ctx, spec) is DuplicateChoice.SEPARATE:
        return None
    if not await allows_duplicates(ctx):
        return None
    for param, name in (("email", "email"), ("number", "phone")):
        if call.body.get(name):  # HighLevel's own rule: the same email, else the same phone
            query = {"locationId": ctx.hl.location_id, param: str(call.body[name])}
            answer = await ctx.hl.transport.request("GET", "/contacts/search/duplicate", params=query)
            found = answer.get("contact")
            if isinstance(found, dict) and found.get("id"):
                return CreateResult(str(found["id"]), CreateOutcome.EXISTING, found, 1)
    return None


async def survive(
    ctx: RunContext, spec: RecordSpec, key: str, values: dict[str, Any], digest: str, existing_id: str
) -> str:
    """Apply the object's choice to the existing contact; the outcome word for the audit log."""
    choice = choice_for(ctx, spec)
    if choice in (DuplicateChoice.SKIP, DuplicateChoice.SEPARATE):
        if choice is DuplicateChoice.SKIP:
            return "existing, left as it was"
        return "existing, left as it was: a separate contact needs the location to allow duplicates"
    call = build_call(spec, values, ctx.ids, ctx.hl.location_id, update_of=existing_id)
    current = await read_back(ctx.hl, "contact", existing_id, None, None)
    body, previous = _merge(call.body, current, choice)
    held = {norm(t) for t in current.get("tags") or []}
    tags = [t for t in call.body.get("tags") or [] if norm(t) not in held]
    if tags:
        previous["tags"] = list(current.get("tags") or [])
    oid = f"merge:{spec.target}:{spec.source_object}:{key}"
    op = ledger.Op(oid, PASSES[spec.target], "update", "contact", spec.source_object, key, digest)
    ledger.start(ctx.con, ctx.run_id, op, {**body, **({"tags": tags} if tags else {})}, hl_id=existing_id,
                 previous=previous)  # fmt: skip
    if body:
        await send_update(ctx.hl, Call("contact", "PUT", call.template, call.path_params, body))
    if tags:
        await ctx.hl.contacts.add_tags(existing_id, tags)
    ledger.done(ctx.con, ctx.run_id, oid, existing_id, choice.value)
    return f"existing, {choice.value}: {len(body) + bool(tags)} keys"


def _merge(
    want: dict[str, Any], current: dict[str, Any], choice: DuplicateChoice
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The keys to write and what the contact held there before ("" where it was empty)."""
    fill_only = choice is DuplicateChoice.FILL_EMPTY
    body: dict[str, Any] = {}
    previous: dict[str, Any] = {}
    for name, value in want.items():
        if name in ("tags", "customFields", "locationId"):
            continue
        have = current.get(name)
        if (fill_only and norm(have) is not None) or same(have, value):
            continue
        body[name], previous[name] = value, "" if have is None else have
    have_cf = custom_map(current.get("customFields"))
    for fid, value in custom_map(want.get("customFields")).items():
        have = have_cf.get(fid)
        if (fill_only and norm(have) is not None) or same(have, value):
            continue
        body.setdefault("customFields", []).append({"id": fid, "field_value": value})
        previous.setdefault("customFields", []).append(
            {"id": fid, "field_value": "" if have is None else have}
        )
    return body, previous
