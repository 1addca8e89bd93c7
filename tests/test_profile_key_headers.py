"""Five-digit ids that repeat under a key header ('site.id') are ids, not postal codes."""

from __future__ import annotations

from pathlib import Path

from assistant.profile import profile_workspace
from assistant.profile.models import SemanticType
from assistant.workspace import Workspace


def test_repeated_five_digit_values_read_as_postal_codes_only_without_a_key_header(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        'CREATE TABLE raw.jobs AS SELECT 880100 + i AS id, 50160 + 10 * (i % 12) AS "site.id", '
        '50160 + 10 * (i % 12) AS "siteId", 50160 + 10 * (i % 12) AS zip, i + 1 AS _row FROM range(40) t(i)'
    )
    (jobs,) = profile_workspace(workspace)
    workspace.close()
    kinds = {c.column: c.semantic_type for c in jobs.columns}
    assert kinds["zip"] == SemanticType.POSTAL_CODE
    assert kinds["site.id"] != SemanticType.POSTAL_CODE
    assert kinds["siteId"] != SemanticType.POSTAL_CODE
