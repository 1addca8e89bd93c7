"""The HighLevel API client: one pooled async connection, rate limited, retried, typed.

    async with HighLevelClient.from_settings(settings.highlevel, location_id) as hl:
        result = await hl.contacts.create({"firstName": "Ana", "email": "ana@example.com"})
        pipelines = await hl.opportunities.pipelines()
        print(hl.usage())

Resource groups: ``contacts`` (tasks, notes, tags too), ``opportunities`` (pipelines),
``location`` (settings, custom fields, tags, users, calendars, appointments), ``records``
(businesses, custom object schemas/records/fields, associations) ``files`` (media, products,
prices), ``invoices`` (invoices and estimates, never sent) and ``conversations`` (history
messages with their original date, never sent). Every create returns a
:class:`CreateResult` and never duplicates a record.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

import httpx

from assistant.highlevel.api_contacts import ContactsApi
from assistant.highlevel.api_conversations import ConversationsApi
from assistant.highlevel.api_files import FilesApi
from assistant.highlevel.api_invoices import InvoicesApi
from assistant.highlevel.api_location import LocationApi
from assistant.highlevel.api_opportunities import OpportunitiesApi
from assistant.highlevel.api_records import RecordsApi
from assistant.highlevel.auth import Secret, optional_token, resolve_token
from assistant.highlevel.errors import HighLevelError, TokenRejected, Unauthorized
from assistant.highlevel.oauth import RefreshingAuth
from assistant.highlevel.oauth_store import OAuthCredentials, resolve_oauth
from assistant.highlevel.ratelimit import Clock, RateLimiter, Usage
from assistant.highlevel.retry import RetryPolicy
from assistant.highlevel.tls import shared_tls
from assistant.highlevel.transport import BearerAuth, Transport
from assistant.settings import HighLevelSettings

_NO_LOCATION = "a HighLevel location id is required: --location-id, or location_id in hlmap.toml"


class HighLevelClient:
    def __init__(
        self,
        base_url: str,
        location_id: str,
        token: Secret | None,
        *,
        oauth: OAuthCredentials | None = None,
        requests_per_window: int = 100,
        window_seconds: float = 10.0,
        policy: RetryPolicy | None = None,
        timeout_seconds: float = 30.0,
        max_connections: int = 20,
        clock: Clock | None = None,
        event_hooks: dict[str, list[Callable[..., Any]]] | None = None,
    ) -> None:
        if not location_id:
            raise HighLevelError(
                "a HighLevel location id is required (--location-id or [highlevel] location_id)"
            )
        self.location_id = location_id
        self.base_url = base_url.rstrip("/")
        auth: httpx.Auth
        if oauth is not None:  # an expired access token is renewed from the refresh token
            auth = RefreshingAuth(token, oauth, f"{self.base_url}/oauth/token")
            self.token_source = oauth.refresh_token.source
        elif token is not None:
            auth, self.token_source = BearerAuth(token), token.source
        else:
            raise HighLevelError("a HighLevel token or an OAuth refresh token is required")
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            auth=auth,
            timeout=httpx.Timeout(timeout_seconds),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
            event_hooks=event_hooks or {},
            verify=shared_tls(),
        )
        limiter = RateLimiter(requests_per_window, window_seconds, clock)
        self.transport = Transport(self._http, limiter, policy or RetryPolicy())
        self.contacts = ContactsApi(self.transport, location_id)
        self.opportunities = OpportunitiesApi(self.transport, location_id)
        self.location = LocationApi(self.transport, location_id)
        self.records = RecordsApi(self.transport, location_id)
        self.files = FilesApi(self.transport, location_id)
        self.invoices = InvoicesApi(self.transport, location_id)
        self.conversations = ConversationsApi(self.transport, location_id)

    @classmethod
    def from_settings(
        cls, settings: HighLevelSettings, location_id: str | None = None, token: Secret | None = None
    ) -> HighLevelClient:
        """A client configured from ``[highlevel]``; the token comes from the environment or keyring."""
        location = location_id or settings.location_id or ""
        if not location:
            raise HighLevelError(_NO_LOCATION)
        oauth = None if token else resolve_oauth(settings, location)
        if oauth is not None and not token:  # the access token is optional: a refresh makes one
            token = optional_token(settings.token_env)
        return cls(
            settings.base_url,
            location,
            token if token or oauth else resolve_token(settings.token_env, location),
            oauth=oauth,
            requests_per_window=settings.requests_per_window,
            window_seconds=settings.window_seconds,
            policy=RetryPolicy(
                max_retries=settings.max_retries, max_rate_limited=settings.max_rate_limited_retries
            ),
            timeout_seconds=settings.timeout_seconds,
        ).waiting_for_daily_reset(settings.wait_for_daily_reset)

    def waiting_for_daily_reset(self, wait: bool = True) -> HighLevelClient:
        """Pause at a spent daily budget and resume when it resets, instead of failing the call."""
        self.transport.limiter.wait_for_daily_reset = wait
        return self

    async def check_token(self) -> None:
        """One read before any write: a refused token stops here, before a run is recorded."""
        try:
            await self.location.get()
        except Unauthorized as exc:
            raise TokenRejected(
                f"HighLevel refused the token from {self.token_source} ({exc.status} {exc.message}); "
                "put a valid Private Integration token (or OAuth refresh token) for location "
                f"{self.location_id} there"
            ) from None

    @property
    def token_refreshes(self) -> int:
        """OAuth access tokens obtained from the refresh token so far (0 with a Private Integration Token)."""
        auth = self._http.auth
        return auth.refreshes if isinstance(auth, RefreshingAuth) else 0

    def usage(self) -> Usage:
        """Requests sent, 429s received, time spent waiting, and the daily budget HighLevel reports."""
        return self.transport.limiter.usage

    def __repr__(self) -> str:
        return f"HighLevelClient(base_url={self.base_url!r}, location_id={self.location_id!r})"

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> HighLevelClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
