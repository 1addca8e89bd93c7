"""Pick-list values outside a field's options are named in the plan, field by field, with counts."""

from __future__ import annotations

from pathlib import Path

from assistant.mapping.items import CustomFieldSpec
from assistant.mapping.models import DataType, FieldModel, TargetObject
from tests.test_execute_flow import hlmap
from tests.test_execute_support import document, field_map, tiny_workspace

TIERS = {"C1": "gold", "C2": "Platinum", "C3": "platinum", "C4": "bronze", "C5": "", "C6": "silver"}


def test_plan_lists_values_the_field_has_no_option_for(tmp_path: Path) -> None:
    tier = CustomFieldSpec(
        name="Tier",
        field_key="contact.tier",
        data_type=DataType.SINGLE_OPTIONS,
        model=FieldModel.CONTACT,
        options=["gold", "silver"],
        existing_id="Fld0Tier000000000001",
    )
    doc = document()
    doc.fields.append(field_map("clients", ["tier"], TargetObject.CONTACT, custom=tier))
    ws = tiny_workspace(tmp_path / "ws", doc)
    con = ws.connect()
    con.execute("ALTER TABLE raw.clients ADD COLUMN tier VARCHAR")
    for key, value in TIERS.items():
        con.execute("UPDATE raw.clients SET tier = ? WHERE id = ?", [value, key])
    ws.close()
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert (
        "contact:clients field cf:contact.tier: values outside its options, which HighLevel drops — "
        "'Platinum' ×1, 'bronze' ×1, 'platinum' ×1; add them to the field's options" in out
    ), out
    assert "'gold'" not in out and "'silver'" not in out
