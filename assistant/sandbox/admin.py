"""Admin endpoints under ``/_sandbox/`` (same bearer token, no Version header, not rate limited).

GET  /_sandbox/state            counts per table, location id, faults, limits
GET  /_sandbox/records/{table}  every record of one table (for tests that count duplicates)
POST /_sandbox/faults           {"rate429", "rate5xx", "dropAfterCommit", "errorAfterCreate", "latencyMs",
                                 "seed"} (partial)
POST /_sandbox/limits           {"max", "windowSeconds", "daily", "daySeconds"} (partial)
POST /_sandbox/settings         {"allowDuplicateContact", "allowDuplicateOpportunity"} (partial)
POST /_sandbox/oauth            {"accessTtlSeconds", "expireAll"}: answers the OAuth app's client id and
                                secret and a new refresh token
POST /_sandbox/conversation-providers  {"name", "type", "id"}: a custom conversation provider set up in
                                the location (HighLevel: a marketplace app's provider); answers it
POST /_sandbox/reset            back to the seeded state (every location), limits' counters and
                                revocations cleared
POST /_sandbox/save             write the state file now
POST /_sandbox/revoke           {"locationId", "afterRequests"}: every token of that location is
                                refused from now on (or once it has served afterRequests more)
POST /_sandbox/pipelines        {"name", "stages": [names in order]}: what an admin does in HighLevel's
                                pipeline settings (the v2 API cannot create pipelines); a name the
                                location already has is refused

``?locationId=`` picks another location of the agency for state, records and settings.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from assistant.sandbox.access import bearer_token, not_found_route
from assistant.sandbox.context import Outcome, SandboxContext
from assistant.sandbox.errors import ApiError, JsonDict, bad_request
from assistant.sandbox.ids import new_id
from assistant.sandbox.store import Store


def _summary(ctx: SandboxContext, store: Store) -> JsonDict:
    limiter = ctx.limiter
    return {
        "locationId": store.location_id,
        "companyId": store.location.get("companyId"),
        "locations": list(ctx.agency.stores),
        "counts": store.counts(),
        "faults": ctx.faults.settings.to_json(),
        "limits": {
            "max": limiter.max_requests,
            "windowSeconds": limiter.window_seconds,
            "daily": limiter.daily_limit,
            "daySeconds": limiter.day_seconds,
        },
        "statePath": str(store.path) if store.path else None,
    }


async def _json_object(request: Request) -> JsonDict:
    try:
        body: Any = json.loads(await request.body() or b"{}")
    except json.JSONDecodeError as exc:
        raise bad_request(f"body is not JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise bad_request("body must be a JSON object")
    return body


_SETTINGS = ("allowDuplicateContact", "allowDuplicateOpportunity")


def _set_settings(store: Store, body: JsonDict) -> None:
    """The location's duplicate settings, which HighLevel changes only in its UI."""
    for key, value in body.items():
        if key not in _SETTINGS or not isinstance(value, bool):
            raise bad_request(f"settings: {key!r} must be one of {', '.join(_SETTINGS)} with true or false")
    store.location.setdefault("settings", {}).update(body)
    store.touch()


def _create_pipeline(store: Store, body: JsonDict) -> JsonDict:
    """A pipeline made as HighLevel's UI makes one: named, with its stages in order, ids of its own."""
    name, stages = body.get("name"), body.get("stages")
    if not isinstance(name, str) or not name.strip():
        raise bad_request("pipelines: 'name' must be a non-empty string")
    if (
        not isinstance(stages, list)
        or not stages
        or not all(isinstance(s, str) and s.strip() for s in stages)
    ):
        raise bad_request("pipelines: 'stages' must be a non-empty list of stage names")
    if any(
        str(p.get("name", "")).strip().casefold() == name.strip().casefold()
        for p in store.table("pipelines").values()
    ):
        raise bad_request(f"pipelines: the location already has a pipeline named {name.strip()!r}")
    return store.insert(
        "pipelines",
        {
            "id": new_id(),
            "name": name.strip(),
            "locationId": store.location_id,
            "showInFunnel": True,
            "showInPieChart": True,
            "stages": [{"id": new_id(), "name": s.strip(), "position": n} for n, s in enumerate(stages)],
        },
    )


def _add_provider(store: Store, body: JsonDict) -> JsonDict:
    """The setup step an admin does in HighLevel's UI before history can be added as messages."""
    name, kind = body.get("name", "Migration history"), body.get("type", "SMS")
    if not isinstance(name, str) or kind not in ("SMS", "Email", "Call"):
        raise bad_request("conversation-providers: name must be text and type one of SMS, Email, Call")
    provider = {"name": name, "type": kind, "locationId": store.location_id}
    if isinstance(body.get("id"), str) and body["id"]:
        provider["id"] = body["id"]
    return store.insert("conversationProviders", provider)


def _set_limits(ctx: SandboxContext, body: JsonDict) -> None:
    names = {
        "max": "max_requests",
        "windowSeconds": "window_seconds",
        "daily": "daily_limit",
        "daySeconds": "day_seconds",
    }
    for key, value in body.items():
        if key not in names or not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            raise bad_request(f"limits: {key!r} must be one of {', '.join(names)} with a positive number")
        setattr(ctx.limiter, names[key], int(value) if key != "windowSeconds" else float(value))
    ctx.limiter.reset()


def _store(request: Request, ctx: SandboxContext) -> Store:
    wanted = request.query_params.get("locationId") or ctx.store.location_id
    store = ctx.agency.stores.get(wanted)
    if store is None:
        raise bad_request(f"unknown location {wanted!r}; known: {', '.join(ctx.agency.stores)}")
    return store


async def _revoke(request: Request, ctx: SandboxContext) -> Outcome:
    body = await _json_object(request)
    location_id, after = str(body.get("locationId") or ""), body.get("afterRequests")
    if location_id not in ctx.agency.stores:
        raise bad_request(f"revoke: locationId must be one of {', '.join(ctx.agency.stores)}")
    if after is not None:
        if not isinstance(after, int) or isinstance(after, bool) or after < 1:
            raise bad_request("revoke: afterRequests must be a positive whole number")
        ctx.agency.revoke_after[location_id] = after
        return Outcome(200, {"locationId": location_id, "afterRequests": after})
    return Outcome(200, {"locationId": location_id, "revoked": ctx.agency.revoke(location_id)})


def _oauth(ctx: SandboxContext, body: JsonDict) -> JsonDict:
    """Shorten access tokens' life or expire them all; answers the app's credentials and a new
    refresh token (local test credentials, like the banner's)."""
    ttl = body.get("accessTtlSeconds")
    if ttl is not None:
        if not isinstance(ttl, int | float) or isinstance(ttl, bool) or ttl <= 0:
            raise bad_request("oauth: accessTtlSeconds must be a positive number")
        ctx.oauth.access_ttl = float(ttl)
    if body.get("expireAll"):
        ctx.oauth.expire_all()
    app = ctx.oauth
    return {
        "clientId": app.client_id,
        "clientSecret": app.client_secret,
        "refreshToken": app.first_refresh_token(),
    }


async def handle_admin(request: Request, ctx: SandboxContext) -> Outcome:
    method, path = request.method.upper(), request.url.path.rstrip("/")
    try:
        bearer_token(request, ctx)
        store = _store(request, ctx)
        if method == "GET" and path == "/_sandbox/state":
            return Outcome(200, _summary(ctx, store))
        if method == "GET" and path.startswith("/_sandbox/records/"):
            table = path.rsplit("/", 1)[-1]
            if table not in store.tables:
                raise bad_request(f"unknown table {table!r}; known: {', '.join(store.tables)}")
            return Outcome(200, {"records": list(store.table(table).values())})
        if method == "POST" and path == "/_sandbox/faults":
            try:
                ctx.faults.configure(ctx.faults.settings.updated(await _json_object(request)))
            except (ValueError, TypeError) as exc:
                raise bad_request(str(exc)) from exc
            return Outcome(200, {"faults": ctx.faults.settings.to_json()})
        if method == "POST" and path == "/_sandbox/limits":
            _set_limits(ctx, await _json_object(request))
            return Outcome(200, _summary(ctx, store))
        if method == "POST" and path == "/_sandbox/settings":
            _set_settings(store, await _json_object(request))
            return Outcome(200, {"settings": store.location["settings"]})
        if method == "POST" and path == "/_sandbox/conversation-providers":
            return Outcome(200, _add_provider(store, await _json_object(request)))
        if method == "POST" and path == "/_sandbox/oauth":
            return Outcome(200, _oauth(ctx, await _json_object(request)))
        if method == "POST" and path == "/_sandbox/reset":
            for each in ctx.agency.all_stores():
                each.reset()
            ctx.agency.revoked.clear()
            ctx.agency.revoke_after.clear()
            ctx.limiter.reset()
            return Outcome(200, _summary(ctx, store))
        if method == "POST" and path == "/_sandbox/save":
            for each in ctx.agency.all_stores():
                each.save()
            return Outcome(200, _summary(ctx, store))
        if method == "POST" and path == "/_sandbox/revoke":
            return await _revoke(request, ctx)
        if method == "POST" and path == "/_sandbox/pipelines":
            return Outcome(201, {"pipeline": _create_pipeline(store, await _json_object(request))})
        raise not_found_route(method, path)
    except ApiError as error:
        return Outcome(error.status, error.body, error.headers)
