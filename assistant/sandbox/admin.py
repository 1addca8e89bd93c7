"""Admin endpoints under ``/_sandbox/`` (same bearer token, no Version header, not rate limited).

GET  /_sandbox/state            counts per table, location id, faults, limits
GET  /_sandbox/records/{table}  every record of one table (for tests that count duplicates)
POST /_sandbox/faults           {"rate429", "rate5xx", "dropAfterCommit", "errorAfterCreate", "latencyMs",
                                 "seed"} (partial)
POST /_sandbox/limits           {"max", "windowSeconds", "daily", "daySeconds"} (partial)
POST /_sandbox/settings         {"allowDuplicateContact", "allowDuplicateOpportunity"} (partial)
POST /_sandbox/oauth            {"accessTtlSeconds", "expireAll"}: answers the OAuth app's client id and
                                secret and a new refresh token
POST /_sandbox/reset            back to the seeded state, limits' counters cleared
POST /_sandbox/save             write the state file now
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from assistant.sandbox.access import bearer_token, not_found_route
from assistant.sandbox.context import Outcome, SandboxContext
from assistant.sandbox.errors import ApiError, JsonDict, bad_request


def _summary(ctx: SandboxContext) -> JsonDict:
    limiter = ctx.limiter
    return {
        "locationId": ctx.store.location_id,
        "companyId": ctx.store.location.get("companyId"),
        "counts": ctx.store.counts(),
        "faults": ctx.faults.settings.to_json(),
        "limits": {
            "max": limiter.max_requests,
            "windowSeconds": limiter.window_seconds,
            "daily": limiter.daily_limit,
            "daySeconds": limiter.day_seconds,
        },
        "statePath": str(ctx.store.path) if ctx.store.path else None,
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


def _set_settings(ctx: SandboxContext, body: JsonDict) -> None:
    """The location's duplicate settings, which HighLevel changes only in its UI."""
    for key, value in body.items():
        if key not in _SETTINGS or not isinstance(value, bool):
            raise bad_request(f"settings: {key!r} must be one of {', '.join(_SETTINGS)} with true or false")
    ctx.store.location.setdefault("settings", {}).update(body)
    ctx.store.touch()


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
        if method == "GET" and path == "/_sandbox/state":
            return Outcome(200, _summary(ctx))
        if method == "GET" and path.startswith("/_sandbox/records/"):
            table = path.rsplit("/", 1)[-1]
            if table not in ctx.store.tables:
                raise bad_request(f"unknown table {table!r}; known: {', '.join(ctx.store.tables)}")
            return Outcome(200, {"records": list(ctx.store.table(table).values())})
        if method == "POST" and path == "/_sandbox/faults":
            try:
                ctx.faults.configure(ctx.faults.settings.updated(await _json_object(request)))
            except (ValueError, TypeError) as exc:
                raise bad_request(str(exc)) from exc
            return Outcome(200, {"faults": ctx.faults.settings.to_json()})
        if method == "POST" and path == "/_sandbox/limits":
            _set_limits(ctx, await _json_object(request))
            return Outcome(200, _summary(ctx))
        if method == "POST" and path == "/_sandbox/settings":
            _set_settings(ctx, await _json_object(request))
            return Outcome(200, {"settings": ctx.store.location["settings"]})
        if method == "POST" and path == "/_sandbox/oauth":
            return Outcome(200, _oauth(ctx, await _json_object(request)))
        if method == "POST" and path == "/_sandbox/reset":
            ctx.store.reset()
            ctx.limiter.reset()
            return Outcome(200, _summary(ctx))
        if method == "POST" and path == "/_sandbox/save":
            ctx.store.save()
            return Outcome(200, _summary(ctx))
        raise not_found_route(method, path)
    except ApiError as error:
        return Outcome(error.status, error.body, error.headers)
