"""A pick-list label that holds a separator ('Channel Partner / Reseller') is one label, not a list."""

from __future__ import annotations

from pathlib import Path

from assistant.profile import profile_workspace
from assistant.profile.models import SemanticType
from assistant.workspace import Workspace

TYPES = "['Prospect', 'Customer - Direct', 'Channel Partner / Reseller', 'Other', 'Prospect', 'Other']"
TAGS = "['VIP / Repeat', 'Repeat', 'VIP', 'Repeat / Referral', 'Referral', 'VIP / Referral']"


def _profiles(tmp_path: Path) -> dict[str, SemanticType]:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        f'CREATE TABLE raw.accounts AS SELECT {TYPES}[i % 6 + 1] AS "Type", '
        f'{TAGS}[i % 6 + 1] AS "Labels", i + 1 AS _row FROM range(36) t(i)'
    )
    (accounts,) = profile_workspace(workspace)
    workspace.close()
    return {c.column: c.semantic_type for c in accounts.columns}


def test_one_label_with_a_slash_stays_a_pick_list_while_varying_combinations_are_a_list(
    tmp_path: Path,
) -> None:
    types = _profiles(tmp_path)
    assert types["Type"] is SemanticType.PICKLIST
    assert types["Labels"] is SemanticType.MULTI_VALUE
