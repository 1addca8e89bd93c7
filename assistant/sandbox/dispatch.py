"""One API request from start to answer: route, auth, limits, faults, body checks, handler."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any

from starlette.requests import Request

from assistant.hlspec import UnknownOperationError, find_operation, validate_request_body
from assistant.sandbox import routes  # noqa: F401  (registers every handler)
from assistant.sandbox.access import (
    bearer_token,
    check_location,
    check_token_kind,
    check_version,
    not_found_route,
    store_for,
)
from assistant.sandbox.body import read_form, read_json
from assistant.sandbox.context import Outcome, SandboxContext
from assistant.sandbox.errors import ApiError, NotFoundError, too_many_requests, unprocessable
from assistant.sandbox.registry import HANDLERS, Call, success_status
from assistant.sandbox.store import Store

log = logging.getLogger(__name__)
_WRITES = ("POST", "PUT", "PATCH", "DELETE")
# Body properties the spec marks required that HighLevel's service lets a caller leave out (its
# Records Search reference lists query and searchAfter as optional: page paging lists every record).
_OPTIONAL_IN_SERVICE = {("objects", "search-object-records"): ("query", "searchAfter")}
# Body properties the spec types differently from what the service takes: conversations.json types
# a message's ``direction`` as an object (its example lists the values), while HighLevel takes the
# string "inbound" or "outbound"; served as that string, any other value refused.
_DIRECTION = {"type": "string", "enum": ["inbound", "outbound"]}
_TYPED_IN_SERVICE = {("conversations", "add-an-inbound-message"): {"direction": _DIRECTION}}


def _as_served(op: Any) -> Any:
    key = (op.spec, op.operation_id)
    optional, typed = _OPTIONAL_IN_SERVICE.get(key), _TYPED_IN_SERVICE.get(key)
    if not (optional or typed) or not op.request_schema:
        return op
    schema = dict(op.request_schema)
    schema["required"] = [r for r in schema.get("required") or [] if r not in (optional or ())]
    if typed:
        schema["properties"] = {**schema.get("properties", {}), **typed}
    return dataclasses.replace(op, request_schema=schema)


def _error_outcome(error: ApiError, headers: dict[str, str], documents_404: bool) -> Outcome:
    status, body = error.status, dict(error.body)
    if isinstance(error, NotFoundError) and documents_404:
        status, body["statusCode"] = 404, 404
    return Outcome(status, body, {**headers, **error.headers})


async def handle_api(request: Request, ctx: SandboxContext) -> Outcome:
    method, path = request.method.upper(), request.url.path
    try:
        op = find_operation(method, path)
    except UnknownOperationError:
        op = None
    handler = HANDLERS.get((op.spec, op.operation_id)) if op else None
    if op is None or handler is None:
        return _error_outcome(not_found_route(method, path), {}, False)
    headers: dict[str, str] = {}
    try:
        token = bearer_token(request, ctx)
        check_token_kind(op, token, ctx)
        check_version(op, request)
        params, query = op.path_params(path) or {}, dict(request.query_params)
        body, unreadable = await _early_body(request, op)
        # A url-encoded body (the OAuth token exchange) names the location a token is wanted for,
        # not the one the request acts on.
        names = body if op.request_content_type == "application/json" else None
        store = store_for(ctx, token, params, query, names)
        verdict = ctx.limiter.check(store.location_id)
        headers = verdict.headers
        if not verdict.allowed:
            raise too_many_requests(verdict.retry_after)
        ctx.agency.served(store.location_id)
        if unreadable is not None:
            raise unreadable
        await _inject_before(ctx)
        call = await _build_call(request, ctx, store, op, (params, query, body))
        result = handler(call)
    except ApiError as error:
        return _error_outcome(error, headers, "404" in op.response_schemas)
    except Exception:
        log.exception("stand-in handler failed for %s %s", method, path)
        return Outcome(500, {"statusCode": 500, "message": "Internal server error"}, headers)
    status, body = result if isinstance(result, tuple) else (success_status(op), result)
    reads = path.rstrip("/").endswith(("search", "filter-by-email"))  # POSTs that only read
    drop = method in _WRITES and not reads and status < 400 and ctx.faults.drop_after_commit()
    creates = method == "POST" and not reads
    failure = ctx.faults.error_after_create() if creates and status < 400 and not drop else None
    if failure is not None:  # committed, yet answered as a failure
        return Outcome(failure, {"statusCode": failure, "message": _ERROR_TEXT[failure]}, headers)
    return Outcome(status, body, headers, drop=drop)


_ERROR_TEXT = {
    400: "Bad Request",
    404: "Resource unavailable",
    409: "Conflict",
    422: "Unprocessable Entity",
    500: "Internal server error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


async def _inject_before(ctx: SandboxContext) -> None:
    settings = ctx.faults.settings
    if settings.latency_ms:
        await asyncio.sleep(settings.latency_ms / 1000)
    fault = ctx.faults.before()
    if fault == 429:
        raise too_many_requests(1)
    if fault is not None:
        raise ApiError(fault, {"statusCode": fault, "message": "Internal server error"})


async def _early_body(request: Request, op: Any) -> tuple[Any, ApiError | None]:
    """The JSON or url-encoded body (it names the location an agency token acts on); a malformed
    one is answered after the rate limit, like any refused request."""
    try:
        if op.request_content_type == "application/x-www-form-urlencoded":
            form = await request.form()
            return {key: value for key, value in form.items() if isinstance(value, str)}, None
        if op.request_schema is not None and op.request_content_type != "multipart/form-data":
            return await read_json(request), None
    except ApiError as error:
        return None, error
    return None, None


Parts = tuple[dict[str, str], dict[str, str], Any]  # path parameters, query, body


async def _build_call(request: Request, ctx: SandboxContext, store: Store, op: Any, parts: Parts) -> Call:
    params, query, body = parts
    lists = {key: request.query_params.getlist(key) for key in request.query_params}
    if op.request_content_type == "multipart/form-data":
        form = await read_form(request, op)
        check_location(store, params, query, None)
        return Call(op, store, params, query, lists, None, form, ctx.base_url, ctx.agency)
    check_location(store, params, query, body if op.request_content_type == "application/json" else None)
    problems = validate_request_body(_as_served(op), body)
    if problems:
        raise unprocessable(problems)
    return Call(op, store, params, query, lists, body, {}, ctx.base_url, ctx.agency)
