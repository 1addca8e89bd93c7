"""Which step of a migration comes first when something is missing.

A command that needs an earlier step's output names the *first* step not yet done, so an
engineer who skipped ingest is not sent to run profile (which would only fail in turn).
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.errors import HlmapError
from assistant.workspace import Workspace


def _has_rows(workspace: Workspace, schema: str, table: str | None) -> bool:
    con = workspace.connect()
    if table is None:
        sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?"
        row = con.execute(sql, [schema]).fetchone()
        return bool(row and row[0])
    if not workspace.table_exists(schema, table):
        return False
    row = con.execute(f"SELECT count(*) FROM {schema}.{table}").fetchone()
    return bool(row and row[0])


# (step, what its absence looks like, the command that makes it, whether it was done)
STEPS: tuple[tuple[str, str, str, Callable[[Workspace], bool]], ...] = (
    ("ingest", "no raw tables", "hlmap ingest EXPORT_FILES -w {ws}", lambda ws: _has_rows(ws, "raw", None)),
    ("profile", "no profiles", "hlmap profile -w {ws}", lambda ws: _has_rows(ws, "profile", "tables")),
    ("propose", "no mapping document", "hlmap propose -w {ws}", lambda ws: ws.mapping_path.exists()),
    (
        "confirm",
        "no confirmed mapping",
        "hlmap decide --confirm -w {ws}` (or `c` in `hlmap review -w {ws}`)",
        lambda ws: ws.confirmed_mapping_path.exists(),
    ),
)


def require(workspace: Workspace, step: str) -> None:
    """Unless ``step`` was done, raise naming the first step up to it that has not been done."""
    if next(done for name, _, _, done in STEPS if name == step)(workspace):
        return
    for name, missing, command, done in STEPS:
        if not done(workspace):
            where = workspace.root
            raise HlmapError(f"workspace {where} has {missing}: run `{command.format(ws=where)}` first")
        if name == step:
            return
