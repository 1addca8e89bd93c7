"""One request to HighLevel: Version header from the spec, rate limit, retries, typed errors."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from functools import cache
from typing import Any
from urllib.parse import quote

import httpx

from assistant.highlevel.auth import Secret
from assistant.highlevel.errors import AnswerLost, JsonDict, ServerError, error_for, parse_body
from assistant.highlevel.ratelimit import RateLimiter
from assistant.highlevel.retry import (
    RetryPolicy,
    burst_exhausted,
    rate_limit_wait,
    retry_after_seconds,
    was_never_sent,
)
from assistant.hlspec.operations import find_operation

Params = Mapping[str, str | int | float | bool | None]


class BearerAuth(httpx.Auth):
    """Adds ``Authorization: Bearer`` per request so the token is in no shared header dict."""

    def __init__(self, token: Secret) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token.reveal()}"
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(****)"


@cache
def version_for(method: str, template: str) -> str:
    """The ``Version`` header the spec declares for this operation."""
    version = find_operation(method, template).version
    if version is None:
        raise ValueError(f"spec declares no Version for {method} {template}")
    return version


def fill_path(template: str, path_params: Mapping[str, str] | None) -> str:
    path = template
    for name, value in (path_params or {}).items():
        path = path.replace("{" + name + "}", quote(str(value), safe=""))
    if "{" in path:
        raise ValueError(f"unfilled path parameter in {template}: {path}")
    return path


class Transport:
    """Sends requests through one pooled ``httpx.AsyncClient``."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        limiter: RateLimiter,
        policy: RetryPolicy,
    ) -> None:
        self.http = http
        self.limiter = limiter
        self.policy = policy

    def __repr__(self) -> str:
        return f"Transport(base_url={str(self.http.base_url)!r})"

    async def request(
        self,
        method: str,
        template: str,
        *,
        path_params: Mapping[str, str] | None = None,
        params: Params | None = None,
        json_body: Any = None,
        files: Mapping[str, Any] | None = None,
        data: Mapping[str, str] | None = None,
        retry_lost: bool = True,
    ) -> JsonDict:
        """Send and return the parsed JSON answer.

        ``retry_lost=False`` is for creates: a lost answer or a 5xx is raised at once (as
        ``AnswerLost`` / ``ServerError``) so the caller can look the record up before resending.
        """
        path = fill_path(template, path_params)
        headers = {"Version": version_for(method, template), "Accept": "application/json"}
        query = {key: value for key, value in (params or {}).items() if value is not None}
        failures = 0
        limited = 0
        while True:
            sent_at = await self.limiter.acquire()
            try:
                response = await self.http.request(
                    method, path, params=query, json=json_body, files=files, data=data, headers=headers
                )
            except httpx.TransportError as exc:
                self.limiter.settle(sent_at)
                lost = AnswerLost(method, path, type(exc).__name__)
                if not was_never_sent(exc) and not retry_lost:
                    raise lost from exc
                failures += 1
                if failures > self.policy.max_retries:
                    raise lost from exc
                await self.limiter.clock.sleep(self.policy.backoff(failures - 1))
                continue
            self.limiter.settle(sent_at)
            self.limiter.observe(response.headers)
            status = response.status_code
            if status < 400:
                return parse_body(response.text)
            error = error_for(method, path, status, parse_body(response.text))
            if (
                status == 429
                and self.limiter.usage.daily_remaining == 0
                and self.limiter.wait_for_daily_reset
            ):
                self.limiter.daily_spent(retry_after_seconds(response.headers))
                continue  # the next acquire waits for the new day
            if status == 429:
                self.limiter.usage.rate_limited += 1
                limited += 1
                if limited > self.policy.max_rate_limited:
                    raise error
                wait = rate_limit_wait(
                    response.headers, self.limiter.window, self.policy.backoff(limited - 1)
                )
                if burst_exhausted(response.headers):
                    self.limiter.pause(wait)  # the location's quota is spent: hold every send
                else:
                    await self.limiter.clock.sleep(wait)  # throttled for another reason: only this one waits
                continue
            if isinstance(error, ServerError):
                failures += 1
                if not retry_lost or failures > self.policy.max_retries:
                    raise error
                await self.limiter.clock.sleep(self.policy.backoff(failures - 1))
                continue
            raise error
