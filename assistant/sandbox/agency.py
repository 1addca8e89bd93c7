"""An agency (company) holding several locations: each its own store and location tokens.

HighLevel scopes every sub-account's data and rate limit to its location; an agency token reaches
any of its locations and mints location tokens (``POST /oauth/locationToken``). Revoking a
location's tokens (an uninstall, a rotated Private Integration token) answers 401 from then on.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from assistant.highlevel.state import DestinationState
from assistant.sandbox.ids import new_token
from assistant.sandbox.store import Store


def extra_location_id(primary_id: str, index: int) -> str:
    """Stable ids for the extra locations, so a state file reloads into the same ones."""
    return f"{primary_id[:15]}L{index:04d}"


def derived_token(primary_token: str, location_id: str) -> str:
    """A location's standing token, derived from the primary one so a restart with --token keeps it."""
    digest = hmac.new(primary_token.encode(), location_id.encode(), hashlib.sha256).hexdigest()
    return f"pit-{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"


def state_path_for(path: Path | None, location_id: str) -> Path | None:
    return path.with_name(f"{path.stem}.{location_id}{path.suffix}") if path else None


class Agency:
    """Locations by id, and which location each token opens."""

    def __init__(self, primary: Store, primary_token: str, agency_token: str) -> None:
        self.agency_token = agency_token
        self.stores: dict[str, Store] = {primary.location_id: primary}
        self.tokens: dict[str, str] = {primary_token: primary.location_id}
        self.revoked: set[str] = set()  # tokens refused from now on
        self.revoke_after: dict[str, int] = {}  # location id -> requests it still serves before a revoke

    def add_clones(
        self,
        seed: DestinationState,
        count: int,
        primary_token: str,
        path: Path | None,
        seeds: list[DestinationState] | None = None,
    ) -> None:
        """``count`` more locations in the same company, each seeded from ``seeds`` in turn (else like
        the primary one): an agency prepares a client's sub-account from the snapshot of its trade."""
        primary = next(iter(self.stores.values()))
        for index in range(2, count + 2):
            if seeds:
                seed = seeds[(index - 2) % len(seeds)]
            location_id = extra_location_id(primary.location_id, index)
            location = seed.location.model_copy(
                update={
                    "id": location_id,
                    "name": f"{seed.location.name} #{index}",
                    "companyId": primary.location.get("companyId"),
                }
            )
            clone = seed.model_copy(update={"location": location})
            store = Store.open(clone, state_path_for(path, location_id))
            self.stores[location_id] = store
            self.tokens[derived_token(primary_token, location_id)] = location_id

    def standing_tokens(self) -> dict[str, str]:
        """Location id → the token printed for it (the first one issued)."""
        first: dict[str, str] = {}
        for token, location_id in self.tokens.items():
            first.setdefault(location_id, token)
        return first

    def issue(self, location_id: str) -> str:
        token = new_token()
        self.tokens[token] = location_id
        return token

    def revoke(self, location_id: str) -> int:
        """Refuse every token of the location; answers how many."""
        mine = {t for t, loc in self.tokens.items() if loc == location_id}
        self.revoked |= mine
        return len(mine)

    def served(self, location_id: str) -> None:
        """Count one request answered for the location; a scheduled revoke happens on the last one."""
        left = self.revoke_after.get(location_id)
        if left is None:
            return
        if left <= 1:
            del self.revoke_after[location_id]
            self.revoke(location_id)
        else:
            self.revoke_after[location_id] = left - 1

    def location_of(self, token: str) -> str | None:
        """The location a live location token opens (None: unknown, revoked or the agency token)."""
        return None if token in self.revoked else self.tokens.get(token)

    def all_stores(self) -> list[Store]:
        return list(self.stores.values())
