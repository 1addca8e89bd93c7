"""Who may call what: the bearer token, the ``Version`` header and the location a request names."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from assistant.hlspec import Operation
from assistant.sandbox.context import SandboxContext
from assistant.sandbox.errors import ApiError, forbidden, unauthorized
from assistant.sandbox.store import Store

_AGENCY = ("Agency-Access", "Agency-Access-Only")


def bearer_token(request: Request, ctx: SandboxContext) -> str:
    """The request's token when it is one this stand-in issued, else a 401 like HighLevel's."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized("Invalid JWT")
    token = token.strip()
    oauth = ctx.oauth.access_state(token)
    if oauth == "expired":  # OAuth access tokens live a day; the app must refresh
        raise unauthorized("Invalid JWT: access token has expired")
    if token != ctx.agency_token and ctx.agency.location_of(token) is None and oauth is None:
        raise unauthorized("Invalid token: access token is invalid")
    return token


def store_for(
    ctx: SandboxContext, token: str, path: dict[str, str], query: dict[str, str], body: Any
) -> Store:
    """A location token's own location; for the agency token, the location the request names
    (its first location when it names none). An unknown location is a 403, as for a stranger's."""
    location_id = ctx.agency.location_of(token)
    if location_id is None and token != ctx.agency_token:  # an OAuth access token of the seeded location
        location_id = ctx.store.location_id
    if location_id is None:
        named = [path.get("locationId"), query.get("locationId"), query.get("location_id")]
        if isinstance(body, dict) and isinstance(body.get("locationId"), str):
            named.append(body["locationId"])
        location_id = next((n for n in named if n), ctx.store.location_id)
    store = ctx.agency.stores.get(location_id)
    if store is None:
        raise forbidden()
    return store


def check_token_kind(op: Operation, token: str, ctx: SandboxContext) -> None:
    """Agency-only operations need the agency token; location operations need the location token."""
    schemes = set(op.security_schemes)
    agency_only = bool(schemes) and schemes <= set(_AGENCY)
    allows_agency = bool(schemes & set(_AGENCY))
    if (agency_only and token != ctx.agency_token) or (token == ctx.agency_token and not allows_agency):
        raise unauthorized("The token is not authorized for this scope.")


def check_version(op: Operation, request: Request) -> None:
    sent = request.headers.get("version")
    if not sent:
        raise unauthorized("Version header was not found")
    if op.version and sent != op.version:
        raise unauthorized(f"Version {sent} is not supported for this route")


def check_location(store: Store, path: dict[str, str], query: dict[str, str], body: Any) -> None:
    """A token reaches only the location it was given for, wherever the request names one."""
    named = [path.get("locationId"), query.get("locationId"), query.get("location_id")]
    if isinstance(body, dict) and isinstance(body.get("locationId"), str):
        named.append(body["locationId"])
    if any(value and value != store.location_id for value in named):
        raise forbidden()


def not_found_route(method: str, path: str) -> ApiError:
    return ApiError(404, {"statusCode": 404, "message": f"Cannot {method} {path}", "error": "Not Found"})
