"""Where OAuth credentials come from, and where a rotated refresh token is kept between runs.

HighLevel spends a refresh token when it is used and answers a new one, so the new one must
outlive the run: it goes to the OS keyring (entry ``hlmap`` / ``<location>:oauth``) when one is
usable, else to a file only its owner can read under ``$XDG_CONFIG_HOME/hlmap/oauth/`` (default
``~/.config``). Never to the workspace. The kept token records which starting token it descends
from, so a new refresh token put in the environment wins over an old chain.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from assistant.highlevel.auth import KEYRING_LOCK, KEYRING_SERVICE, Secret
from assistant.highlevel.errors import CredentialsMissing
from assistant.settings import HighLevelSettings


@dataclass
class OAuthCredentials:
    client_id: str
    client_secret: Secret
    refresh_token: Secret
    store: RefreshStore
    user_type: str = "Location"


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:24]


class RefreshStore:
    def __init__(self, location_id: str, origin: str) -> None:
        self.location_id = location_id
        self.origin = origin  # digest of the refresh token the chain started from

    @property
    def path(self) -> Path:
        config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        return config / "hlmap" / "oauth" / f"{self.location_id}.json"

    def load(self) -> tuple[str, str] | None:
        """(refresh token, origin digest) kept by an earlier run, if any."""
        raw = _keyring_get(f"{self.location_id}:oauth")
        if raw is None and self.path.exists():
            raw = self.path.read_text(encoding="utf-8")
        try:
            kept = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            return None
        if not isinstance(kept, dict) or not kept.get("refresh_token"):
            return None
        return str(kept["refresh_token"]), str(kept.get("origin", ""))

    def save(self, refresh_token: Secret) -> None:
        payload = json.dumps({"origin": self.origin, "refresh_token": refresh_token.reveal()})
        if _keyring_set(f"{self.location_id}:oauth", payload):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(payload)


def resolve_oauth(settings: HighLevelSettings, location_id: str) -> OAuthCredentials | None:
    """The OAuth app's credentials when a refresh token is configured (None: a token alone is used)."""
    given = os.environ.get(settings.refresh_token_env, "").strip() or _keyring_get(
        f"{location_id}:refresh_token"
    )
    store = RefreshStore(location_id, digest(given) if given else "")
    kept = store.load()
    if kept and (not given or kept[1] == store.origin):
        refresh, store.origin = kept[0], kept[1]
    elif given:
        refresh = given
    else:
        return None
    if not settings.oauth_client_id:
        raise CredentialsMissing(
            "an OAuth refresh token is configured but no client id: set highlevel.oauth_client_id"
        )
    secret = os.environ.get(settings.client_secret_env, "").strip() or _keyring_get(
        f"{settings.oauth_client_id}:client_secret"
    )
    if not secret:
        raise CredentialsMissing(
            f"an OAuth refresh token is configured but no client secret: set {settings.client_secret_env} "
            f"or keyring entry {KEYRING_SERVICE!r} / '{settings.oauth_client_id}:client_secret'"
        )
    return OAuthCredentials(
        settings.oauth_client_id,
        Secret(secret, f"the client secret of {settings.oauth_client_id}"),
        Secret(refresh, "the OAuth refresh token"),
        store,
    )


def _keyring_get(user: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        with KEYRING_LOCK:
            return keyring.get_password(KEYRING_SERVICE, user) or None
    except KeyringError:
        return None


def _keyring_set(user: str, value: str) -> bool:
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return False
    try:
        with KEYRING_LOCK:
            keyring.set_password(KEYRING_SERVICE, user, value)
    except KeyringError:
        return False
    return True
