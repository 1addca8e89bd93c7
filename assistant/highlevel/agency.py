"""The agency credential: an agency-level token that reaches every sub-account of the agency.

With it, the executor obtains a location token for each location it writes to (``POST
/oauth/locationToken``) and creates custom object schemas (``POST /objects/``, agency only). The
token is read from ``$HIGHLEVEL_AGENCY_TOKEN`` (``highlevel.agency_token_env``) or the keyring
entry ``("hlmap", "agency")``; it is held as a :class:`Secret` and never written anywhere.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

import httpx

from assistant.highlevel.auth import Secret, stored_secret
from assistant.highlevel.errors import HighLevelError, TokenRejected, Unauthorized
from assistant.highlevel.ratelimit import RateLimiter
from assistant.highlevel.retry import RetryPolicy
from assistant.highlevel.tls import shared_tls
from assistant.highlevel.transport import BearerAuth, Transport
from assistant.settings import HighLevelSettings

AGENCY_KEYRING_USER = "agency"


def resolve_agency_token(token_env: str) -> Secret | None:
    """The agency token from ``$token_env``, else the keyring; None when neither holds one."""
    return stored_secret(token_env, AGENCY_KEYRING_USER)


class AgencyClient:
    """Agency-level calls: location tokens, location records, custom object schemas."""

    def __init__(self, base_url: str, token: Secret, settings: HighLevelSettings) -> None:
        self.token_source = token.source
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            auth=BearerAuth(token),
            timeout=settings.timeout_seconds,
            verify=shared_tls(),
        )
        limiter = RateLimiter(settings.requests_per_window, settings.window_seconds)
        policy = RetryPolicy(
            max_retries=settings.max_retries, max_rate_limited=settings.max_rate_limited_retries
        )
        self._t = Transport(self._http, limiter, policy)

    @classmethod
    def from_settings(cls, settings: HighLevelSettings) -> AgencyClient | None:
        token = resolve_agency_token(settings.agency_token_env)
        return cls(settings.base_url, token, settings) if token else None

    def _refused(self, exc: Unauthorized, what: str) -> TokenRejected:
        return TokenRejected(
            f"HighLevel refused the agency token from {self.token_source} for {what} "
            f"({exc.status} {exc.message}); it needs an agency token with the oauth.write and "
            "objects/schema.write scopes"
        )

    async def company_of(self, location_id: str) -> str:
        try:
            answer = await self._t.request(
                "GET", "/locations/{locationId}", path_params={"locationId": location_id}
            )
        except Unauthorized as exc:
            raise self._refused(exc, f"location {location_id}") from None
        location = answer.get("location") if isinstance(answer.get("location"), dict) else answer
        company = str((location or {}).get("companyId") or "")
        if not company:
            raise HighLevelError(f"HighLevel named no company for location {location_id}")
        return company

    async def location_token(self, location_id: str) -> Secret:
        """A fresh location token for ``location_id`` (``POST /oauth/locationToken``)."""
        form = {"companyId": await self.company_of(location_id), "locationId": location_id}
        try:
            answer = await self._t.request("POST", "/oauth/locationToken", data=form)
        except Unauthorized as exc:
            raise self._refused(exc, f"a token of location {location_id}") from None
        token = str(answer.get("access_token") or "")
        if not token:
            raise HighLevelError(f"HighLevel gave no location token for {location_id}")
        return Secret(token, f"a location token obtained with the agency token from {self.token_source}")

    async def create_object_schema(self, body: dict[str, Any]) -> dict[str, Any]:
        """``POST /objects/``: answers the created schema."""
        try:
            answer = await self._t.request("POST", "/objects/", json_body=body)
        except Unauthorized as exc:
            raise self._refused(exc, f"creating custom object {body.get('key')}") from None
        created = answer.get("object")
        return created if isinstance(created, dict) else answer

    def requests_sent(self) -> int:
        return self._t.limiter.usage.requests_sent

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AgencyClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
