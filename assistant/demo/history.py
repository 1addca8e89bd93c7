"""The demo's history setup step: a conversation provider in the stand-in location, named in hlmap.toml.

HighLevel adds history with its original date only through a custom conversation provider that an
admin sets up in the location (a marketplace app's provider; no API creates one). A fresh location
has none, so the fixture destinations hold none either: when the confirmed map carries a ``message``
map, the demo does the admin's step on the stand-in, as an engineer preparing the location would,
and says so. Without a message map nothing is set up.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from rich.console import Console

from assistant.errors import HlmapError
from assistant.mapping import store
from assistant.mapping.models import TargetObject
from assistant.workspace import Workspace


def maps_history(workspace: Path) -> bool:
    doc = store.load_confirmed(Workspace(workspace))
    return any(t.object == TargetObject.MESSAGE for om in doc.objects if om.confirmed for t in om.targets)


def set_up_history(workspace: Path, url: str, token: str, console: Console) -> str | None:
    """Register a provider in the stand-in and write its id to the workspace's settings."""
    if not maps_history(workspace):
        return None
    answer = httpx.post(
        f"{url}/_sandbox/conversation-providers",
        json={"name": "Migrated history", "type": "SMS"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    if answer.status_code != 200:
        raise HlmapError(f"the stand-in refused the conversation provider: {answer.text[:200]}")
    provider = str(answer.json()["id"])
    settings = workspace / "hlmap.toml"
    text = settings.read_text(encoding="utf-8") if settings.exists() else ""
    line = f'conversation_provider_id = "{provider}"\n'
    text = (
        text.replace("[execute]\n", "[execute]\n" + line, 1)
        if "[execute]\n" in text
        else text + "\n[execute]\n" + line
    )
    settings.write_text(text, encoding="utf-8")
    console.print(
        f"History setup: conversation provider {provider} set up in the stand-in location (in HighLevel an "
        "admin installs one) and named in hlmap.toml (execute.conversation_provider_id)",
        markup=False,
    )
    return provider


def set_up_history_in_locations(
    workspaces: list[Path], url: str, agency_token: str, locations: list[str], console: Console
) -> str | None:
    """One provider id installed in every location whose client maps history (an app's provider
    serves each location it is installed in); the caller passes it to apply as the setting."""
    wanted = [loc for ws, loc in zip(workspaces, locations, strict=True) if maps_history(ws)]
    provider = "Prv0MigratedHistory01"
    for location in wanted:
        answer = httpx.post(
            f"{url}/_sandbox/conversation-providers",
            params={"locationId": location},
            json={"id": provider, "name": "Migrated history", "type": "SMS"},
            headers={"Authorization": f"Bearer {agency_token}"},
            timeout=30,
        )
        if answer.status_code != 200:
            raise HlmapError(f"the stand-in refused the conversation provider: {answer.text[:200]}")
    if not wanted:
        return None
    console.print(
        f"History setup: conversation provider {provider} installed in {len(wanted)} stand-in locations "
        "(in HighLevel an admin installs the app's provider in each) and passed to apply as "
        "execute.conversation_provider_id",
        markup=False,
    )
    return provider
