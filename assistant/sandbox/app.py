"""The stand-in as an ASGI application: API requests, admin requests, state flushing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from assistant.sandbox.admin import handle_admin
from assistant.sandbox.context import Outcome, SandboxContext
from assistant.sandbox.dispatch import handle_api

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

FLUSH_INTERVAL_SECONDS = 0.2
log = logging.getLogger(__name__)


class ConnectionDroppedError(Exception):
    """Raised after the status line went out so the server closes the connection mid-answer."""


class QuietDrops(logging.Filter):
    """Keeps the server's error log free of the deliberate drops."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDroppedError))


class SandboxApp:
    def __init__(self, ctx: SandboxContext, on_ready: Callable[[], None] | None = None) -> None:
        self.ctx = ctx
        self._on_ready = on_ready
        self._flusher: asyncio.Task[None] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            request = Request(scope, receive)
            if request.url.path == "/oauth/token":  # outside the API specs: no Version, no rate limit
                location = self.ctx.store.location
                status, body = await self.ctx.oauth.token_endpoint(
                    request, str(location["id"]), str(location.get("companyId"))
                )
                await JSONResponse(body, status)(scope, receive, send)
                return
            is_admin = request.url.path.startswith("/_sandbox/")
            outcome = await (handle_admin if is_admin else handle_api)(request, self.ctx)
            await self._answer(outcome, scope, receive, send)

    async def _answer(self, outcome: Outcome, scope: Scope, receive: Receive, send: Send) -> None:
        if outcome.drop:
            # The write is committed; the client gets a status line and then a closed connection.
            headers = [(b"content-type", b"application/json"), (b"content-length", b"4096")]
            await send({"type": "http.response.start", "status": outcome.status, "headers": headers})
            raise ConnectionDroppedError
        await JSONResponse(outcome.body, outcome.status, headers=outcome.headers)(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self._flusher = asyncio.create_task(self._flush_forever())
                await send({"type": "lifespan.startup.complete"})
                if self._on_ready:  # the server handles SIGTERM from here on, so a stop saves the state
                    self._on_ready()
            elif message["type"] == "lifespan.shutdown":
                if self._flusher:
                    self._flusher.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await self._flusher
                self.ctx.store.save()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _flush_forever(self) -> None:
        """Persist writes shortly after they happen (whole-file rewrites, so not on every request)."""
        while True:
            await asyncio.sleep(FLUSH_INTERVAL_SECONDS)
            if self.ctx.store.dirty:
                try:
                    self.ctx.store.save()
                except OSError:
                    log.exception("could not write the stand-in state file")
