"""OAuth access tokens expire within a day: on a 401 the client trades its refresh token for a new
access token (``POST /oauth/token``, grant_type refresh_token) once, and sends the request again.

HighLevel answers a new refresh token with every refresh and spends the old one, so the new one is
kept at once (``oauth_store``). Concurrent requests that meet the same expired token refresh once:
the others wait and reuse the new token. No token or secret is ever printed or logged.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator, Generator

import httpx

from assistant.highlevel.auth import Secret
from assistant.highlevel.errors import TokenRejected
from assistant.highlevel.oauth_store import OAuthCredentials


class RefreshingAuth(httpx.Auth):
    def __init__(self, access: Secret | None, credentials: OAuthCredentials, token_url: str) -> None:
        self._access = access
        self._credentials = credentials
        self._token_url = token_url
        self._lock: asyncio.Lock | None = None
        self.refreshes = 0

    def __repr__(self) -> str:
        return "RefreshingAuth(****)"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        raise RuntimeError("the HighLevel client is asynchronous")

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        self._lock = self._lock or asyncio.Lock()
        if self._access is None:  # only a refresh token was given: get an access token first
            async with self._lock:
                if self._access is None:
                    await self._take((yield self._refresh_request()))
        else:
            used = self._access
            request.headers["Authorization"] = f"Bearer {used.reveal()}"
            response = yield request
            if response.status_code != 401:
                return
            async with self._lock:
                if self._access is used:  # nobody refreshed meanwhile
                    await self._take((yield self._refresh_request()))
        if self._access is None:
            return
        request.headers["Authorization"] = f"Bearer {self._access.reveal()}"
        yield request

    def _refresh_request(self) -> httpx.Request:
        c = self._credentials
        form = {
            "client_id": c.client_id,
            "client_secret": c.client_secret.reveal(),
            "grant_type": "refresh_token",
            "refresh_token": c.refresh_token.reveal(),
            "user_type": c.user_type,
        }
        return httpx.Request("POST", self._token_url, data=form, headers={"Accept": "application/json"})

    async def _take(self, response: httpx.Response) -> None:
        await response.aread()
        try:
            answer = json.loads(response.text or "{}")
        except json.JSONDecodeError:
            answer = {}
        access, renewed = answer.get("access_token"), answer.get("refresh_token")
        if response.status_code != 200 or not access:
            why = answer.get("error_description") or answer.get("error") or answer.get("message") or ""
            raise TokenRejected(
                f"HighLevel refused {self._credentials.refresh_token.source} ({response.status_code} {why}); "
                "authorize the app again and put its new refresh token there"
            )
        self._access = Secret(str(access), "the OAuth access token")
        self.refreshes += 1
        if renewed:
            self._credentials.refresh_token = Secret(str(renewed), self._credentials.refresh_token.source)
            self._credentials.store.save(self._credentials.refresh_token)
