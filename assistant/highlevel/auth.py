"""The HighLevel token: read from the environment or the OS keyring at the moment it is needed.

It is held in a :class:`Secret` whose ``repr``/``str`` are masked, so a client, an error or a log
line that prints it shows ``Secret('****')``. It is never written to settings or the workspace.
"""

from __future__ import annotations

import os
import threading

from assistant.highlevel.errors import CredentialsMissing

KEYRING_SERVICE = "hlmap"


class Secret:
    """A string that does not print itself."""

    __slots__ = ("_value", "source")

    def __init__(self, value: str, source: str = "the token given") -> None:
        self._value = value
        self.source = source  # where it was read, for errors: a variable or a keyring entry

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('****')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


# keyring detects its backend on first use, loading every plugin's entry points; location threads of a
# fan-out that ask together would each detect it. One at a time, the first detects and the rest reuse.
KEYRING_LOCK = threading.Lock()


def from_keyring(location_id: str | None) -> str | None:
    if not location_id:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        with KEYRING_LOCK:
            value = keyring.get_password(KEYRING_SERVICE, location_id)
    except KeyringError:
        return None
    return value or None


def stored_secret(token_env: str, keyring_user: str | None) -> Secret | None:
    """A secret from ``$token_env``, else from the keyring entry ``("hlmap", keyring_user)``."""
    value = os.environ.get(token_env, "").strip()
    if value:
        return Secret(value, f"the environment variable {token_env}")
    value = from_keyring(keyring_user) or ""
    if value:
        return Secret(value, f"the keyring entry {KEYRING_SERVICE!r} / {keyring_user!r}")
    return None


def resolve_token(token_env: str, location_id: str | None) -> Secret:
    """Token from ``$token_env``, else from the keyring entry ``("hlmap", location_id)``."""
    found = stored_secret(token_env, location_id)
    if found is not None:
        return found
    where = f"keyring service {KEYRING_SERVICE!r} user {location_id!r}" if location_id else "the keyring"
    raise CredentialsMissing(
        f"no HighLevel token: set the environment variable {token_env} or store it in {where}"
    )


def optional_token(token_env: str) -> Secret | None:
    """An access token from ``$token_env`` when set (with a refresh token, none is needed)."""
    value = os.environ.get(token_env, "").strip()
    return Secret(value, f"the environment variable {token_env}") if value else None
