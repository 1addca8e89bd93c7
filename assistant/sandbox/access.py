"""Who may call what: the bearer token, the ``Version`` header and the location a request names."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from assistant.hlspec import Operation
from assistant.sandbox.context import SandboxContext
from assistant.sandbox.errors import ApiError, forbidden, unauthorized

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
    if token not in (ctx.token, ctx.agency_token) and oauth is None:
        raise unauthorized("Invalid token: access token is invalid")
    return token


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


def check_location(ctx: SandboxContext, path: dict[str, str], query: dict[str, str], body: Any) -> None:
    """A location token reaches only its own location, wherever the request names one."""
    named = [path.get("locationId"), query.get("locationId"), query.get("location_id")]
    if isinstance(body, dict) and isinstance(body.get("locationId"), str):
        named.append(body["locationId"])
    if any(value and value != ctx.store.location_id for value in named):
        raise forbidden()


def not_found_route(method: str, path: str) -> ApiError:
    return ApiError(404, {"statusCode": 404, "message": f"Cannot {method} {path}", "error": "Not Found"})
