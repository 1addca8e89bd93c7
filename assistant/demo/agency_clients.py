"""The client book of ``hlmap demo --agency N``: who comes from which platform, and who shares a map.

Clients come in pairs per platform, the seed platforms in turn: the first of a pair has its own
reviewed map, the second comes from the same platform and reuses that confirmed map (an agency
confirms one map per trade and applies it to every client on it). Each client's export is
generated with its own seed, so no two clients hold the same data.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.fixturegen.generate import DEFAULT_SEED, PLATFORMS, generate_platform

MANIFEST = "agency.toml"


@dataclass
class Client:
    name: str
    platform: str
    seed: int
    map_owner: str | None  # the client whose confirmed map this one reuses; None: its own map
    location: str = ""

    def export(self, root: Path) -> Path:
        return root / "exports" / self.name / self.platform

    def workspace(self, root: Path) -> Path:
        return root / "clients" / self.name

    def map_label(self) -> str:
        return f"shared with {self.map_owner}" if self.map_owner else "own"


def client_book(count: int) -> list[Client]:
    platforms = list(PLATFORMS)
    clients: list[Client] = []
    for index in range(count):
        name = f"client-{index + 1:02d}"
        platform = platforms[(index // 2) % len(platforms)]
        owner = clients[-1].name if index % 2 else None
        clients.append(Client(name, platform, DEFAULT_SEED + index + 1, owner))
    return clients


def owner_of(client: Client, clients: list[Client]) -> Client:
    return next(c for c in clients if c.name == client.map_owner) if client.map_owner else client


def generate_exports(root: Path, clients: list[Client], rows: int) -> None:
    """Each client's source export and its trade's destination snapshot, from the client's own seed."""
    for client in clients:
        generate_platform(client.platform, root / "exports" / client.name, seed=client.seed, rows=rows)


def destination_seed(root: Path, client: Client, clients: list[Client]) -> Path:
    """The state the client's sub-account starts from: the one its confirmed map was made against."""
    return owner_of(client, clients).export(root) / "destination.json"


def write_manifest(root: Path, clients: list[Client]) -> Path:
    """``agency.toml`` for ``hlmap apply --manifest``: one workspace and location per client."""
    lines = ["# written by hlmap demo --agency: one sub-account per client", ""]
    for client in clients:
        folder = client.workspace(root).relative_to(root).as_posix()
        lines += ["[[client]]", f'workspace = "{folder}"', f'location = "{client.location}"']
        if client.map_owner:  # the map confirmed for the client on the same platform
            owner = owner_of(client, clients).workspace(root).relative_to(root).as_posix()
            lines.append(f'map = "{owner}/mapping.confirmed.yaml"')
        lines.append("")
    path = root / MANIFEST
    path.write_text("\n".join(lines), encoding="utf-8")
    tomllib.loads(path.read_text(encoding="utf-8"))  # what apply will read must parse
    return path
