"""OAuth as HighLevel runs it: ``POST /oauth/token`` trades a refresh token for a short-lived access
token and a new refresh token (the old one is spent); an expired access token gets a 401.

The stand-in's OAuth app is one client id and secret (printed in its banner with a first refresh
token). Access tokens live ``access_ttl`` seconds (HighLevel: a day); ``/_sandbox/oauth`` shortens
that or expires every issued token at once, so a test can watch a client refresh.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request

from assistant.sandbox.ids import new_token

DAY_SECONDS = 86_399  # HighLevel's expires_in
Answer = tuple[int, dict[str, Any]]


@dataclass
class OAuthApp:
    client_id: str = field(default_factory=new_token)
    client_secret: str = field(default_factory=new_token)
    access_ttl: float = DAY_SECONDS
    access: dict[str, float] = field(default_factory=dict)  # access token -> expiry (monotonic)
    refresh: set[str] = field(default_factory=set)  # refresh tokens not yet spent

    def first_refresh_token(self) -> str:
        token = new_token()
        self.refresh.add(token)
        return token

    def access_state(self, token: str) -> str | None:
        """ "valid" or "expired" for an access token this app issued; None for any other token."""
        expiry = self.access.get(token)
        if expiry is None:
            return None
        return "valid" if time.monotonic() < expiry else "expired"

    def expire_all(self) -> None:
        self.access = dict.fromkeys(self.access, 0.0)

    async def token_endpoint(self, request: Request, location_id: str, company_id: str) -> Answer:
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
        if request.method != "POST":
            return 404, {"statusCode": 404, "message": f"Cannot {request.method} /oauth/token"}
        if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
            return _refused(401, "invalid_client", "client_id or client_secret is not this app's")
        if form.get("grant_type") != "refresh_token":
            return _refused(400, "unsupported_grant_type", "only grant_type refresh_token is served here")
        if form.get("user_type") not in (None, "Location", "Company"):
            return _refused(400, "invalid_request", "user_type must be Location or Company")
        spent = form.get("refresh_token", "")
        if spent not in self.refresh:
            return _refused(401, "invalid_grant", "refresh token is invalid, expired or already used")
        self.refresh.discard(spent)
        access, renewed = new_token(), new_token()
        self.access[access] = time.monotonic() + self.access_ttl
        self.refresh.add(renewed)
        answer = {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": int(self.access_ttl),
            "refresh_token": renewed,
            "scope": "contacts.write opportunities.write locations.readonly",
            "userType": form.get("user_type") or "Location",
            "locationId": location_id,
            "companyId": company_id,
        }
        return 200, answer


def _refused(status: int, error: str, description: str) -> Answer:
    return status, {"error": error, "error_description": description}
