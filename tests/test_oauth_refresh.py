"""OAuth access tokens expire: the client refreshes once on a 401 and retries; no secret is stored."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import TokenRejected
from assistant.settings import HighLevelSettings
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap
from tests.test_execute_support import tiny_workspace


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


@pytest.fixture()
def app(sandbox: SandboxHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A fresh refresh token of the stand-in's OAuth app, given as a user would (environment only)."""
    sandbox.admin("POST", "reset")
    credentials: dict[str, str] = sandbox.admin("POST", "oauth", {"accessTtlSeconds": 86399})
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("HIGHLEVEL_TOKEN", raising=False)
    monkeypatch.setenv("HIGHLEVEL_REFRESH_TOKEN", credentials["refreshToken"])
    monkeypatch.setenv("HIGHLEVEL_CLIENT_SECRET", credentials["clientSecret"])
    monkeypatch.setenv("HLMAP_HIGHLEVEL__OAUTH_CLIENT_ID", credentials["clientId"])
    return credentials


def _settings(sandbox: SandboxHandle, client_id: str) -> HighLevelSettings:
    return HighLevelSettings(base_url=sandbox.url, oauth_client_id=client_id)


def test_stand_in_issues_short_lived_tokens_and_spends_refresh_tokens(
    sandbox: SandboxHandle, app: dict[str, str]
) -> None:
    form = {
        "client_id": app["clientId"],
        "client_secret": app["clientSecret"],
        "grant_type": "refresh_token",
        "refresh_token": app["refreshToken"],
        "user_type": "Location",
    }
    first = httpx.post(f"{sandbox.url}/oauth/token", data=form)
    assert first.status_code == 200 and first.json()["expires_in"] == 86399
    assert httpx.post(f"{sandbox.url}/oauth/token", data=form).status_code == 401  # spent
    wrong = httpx.post(f"{sandbox.url}/oauth/token", data={**form, "client_secret": "nope"})
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    access = first.json()["access_token"]
    where = f"/locations/{sandbox.location_id}"
    assert httpx.get(sandbox.url + where, headers=sandbox.headers(token=access)).status_code == 200
    sandbox.admin("POST", "oauth", {"expireAll": True})
    expired = httpx.get(sandbox.url + where, headers=sandbox.headers(token=access))
    assert expired.status_code == 401 and "expired" in expired.json()["message"]


def test_client_refreshes_once_on_expiry_and_keeps_the_new_refresh_token(
    sandbox: SandboxHandle, app: dict[str, str], tmp_path: Path
) -> None:
    async def run() -> int:
        settings = _settings(sandbox, app["clientId"])
        async with HighLevelClient.from_settings(settings, sandbox.location_id) as hl:
            await hl.location.get()  # no access token yet: one refresh makes it
            sandbox.admin("POST", "oauth", {"expireAll": True})
            await asyncio.gather(*(hl.location.custom_fields() for _ in range(5)))  # five 401s, one refresh
            return hl.token_refreshes

    assert asyncio.run(run()) == 2
    kept = (tmp_path / "config" / "hlmap" / "oauth" / f"{sandbox.location_id}.json").read_text()
    assert app["refreshToken"] not in kept  # the spent one is replaced by the rotated one
    assert asyncio.run(run()) == 2  # the next run starts from the kept token (the env one is spent)


def test_a_refused_refresh_is_one_clear_line(
    sandbox: SandboxHandle, app: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_CLIENT_SECRET", "not-the-app-secret")

    async def run() -> None:
        async with HighLevelClient.from_settings(
            _settings(sandbox, app["clientId"]), sandbox.location_id
        ) as hl:
            await hl.check_token()

    with pytest.raises(TokenRejected, match="refused the OAuth refresh token") as caught:
        asyncio.run(run())
    assert app["refreshToken"] not in str(caught.value) and "not-the-app-secret" not in str(caught.value)


def test_a_run_with_oauth_leaves_no_secret_in_the_workspace(
    sandbox: SandboxHandle, app: dict[str, str], tmp_path: Path
) -> None:
    sandbox.admin("POST", "oauth", {"accessTtlSeconds": 0.5})  # tokens expire during the run
    ws = tiny_workspace(tmp_path / "ws").root
    result = hlmap(ws, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert result.exit_code == 0, result.output
    kept = (tmp_path / "config" / "hlmap" / "oauth" / f"{sandbox.location_id}.json").read_text()
    secrets = [app["refreshToken"], app["clientSecret"], kept.split('"refresh_token": "')[1].split('"')[0]]
    for path in ws.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(s.encode() in data for s in secrets), path
    assert not any(s in result.output for s in secrets)
