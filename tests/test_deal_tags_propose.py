"""A deal table's tags column lands on the deal's contact (HighLevel opportunities carry no tags).

A small synthetic export, ingested and profiled as an engineer would: people, and deals that name
their person by id in one export and by display name in another. The deals' tags column, or a
column of labels typed in case variants under another header, is proposed as ``contact.tags`` with
evidence saying why, above the review threshold, and its labels join the tag clusters. Deals that
name no contact keep the opportunity custom field held below the threshold.
"""

from __future__ import annotations

from pathlib import Path

from assistant.ingest import ingest_paths
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile import profile_workspace
from assistant.propose.engine import propose_offline
from assistant.propose.fields import reads_as_tags
from assistant.propose.service import build_inputs
from assistant.workspace import Workspace
from tests.propose_factory import S, col

DESTINATION = Path(__file__).parents[1] / "evals/cases/tiny_example/destination.json"
FIRST = ["Owen", "Nora", "Eli", "Ruth", "Liam", "Mia", "Noah", "Zoe", "Ivan", "Lena", "Omar", "Tess"]
LAST = [
    "Turner",
    "Lopez",
    "Hughes",
    "Baker",
    "Price",
    "Ward",
    "Ellis",
    "Grant",
    "Hale",
    "Quinn",
    "Stone",
    "Reyes",
]
LABELS = ["Referral, Priority", "referral", "Trade Show", "trade show , PRIORITY", "Priority", "Referral", ""]


def _export(root: Path, deal_link: str, tags_header: str) -> Path:
    source = root / "export"
    source.mkdir(parents=True)
    people = ["Person ID,First Name,Last Name,Email"]
    people += [
        f"P{i},{f},{last},{f.lower()}.{last.lower()}@example.com"
        for i, (f, last) in enumerate(zip(FIRST, LAST, strict=True))
    ]
    (source / "people.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    deals = (
        [f"Deal ID,Name,{deal_link},Value,Stage,{tags_header}"]
        if deal_link
        else [f"Deal ID,Name,Value,Stage,{tags_header}"]
    )
    for i in range(24):
        person = i % len(FIRST)
        link = {"Person ID": f"P{person},", "Primary Contact": f"{FIRST[person]} {LAST[person]},", "": ""}[
            deal_link
        ]
        deals.append(
            f"D{i},Deal {i},{link}{1000 + 50 * i},{('Open', 'Won', 'Lost')[i % 3]},"
            f'"{LABELS[i % len(LABELS)]}"'
        )
    (source / "deals.csv").write_text("\n".join(deals) + "\n", encoding="utf-8")
    return source


def _propose(root: Path, deal_link: str, tags_header: str = "Tags") -> MappingDocument:
    ws = Workspace(root / "ws").ensure()
    try:
        ingest_paths(ws, [_export(root, deal_link, tags_header)])
        profile_workspace(ws)
        return propose_offline(build_inputs(ws, DESTINATION, None))
    finally:
        ws.close()


def _field(doc: MappingDocument, table: str, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_object == table and f.source_columns == [column])


def test_tags_of_deals_linked_by_id_land_on_the_deals_contact(tmp_path: Path) -> None:
    doc = _propose(tmp_path, "Person ID")
    assert _field(doc, "deals", "Person ID").target.field == "contactId"
    tags = _field(doc, "deals", "Tags")
    assert (tags.target.kind, tags.target.object, tags.target.field) == (
        FieldKind.STANDARD,
        TargetObject.CONTACT,
        "tags",
    )
    assert tags.confidence >= 0.7
    assert "opportunities carry none" in tags.rationale and "'Person ID'" in tags.rationale
    assert any(a.value.get("model") == "opportunity" for a in tags.alternatives)  # the other reading
    clusters = {c.canonical: set(c.members) for c in doc.tags}
    assert any({"Referral", "referral"} <= members for members in clusters.values()), clusters
    assert all("deals.Tags" in c.sources for c in doc.tags)


def test_deals_naming_their_person_by_name_and_labels_under_another_header(tmp_path: Path) -> None:
    doc = _propose(tmp_path, "Primary Contact", tags_header="Groups")
    assert _field(doc, "deals", "Primary Contact").target.field == "contactId"
    labels = _field(doc, "deals", "Groups")  # case/space variants: tags, whatever the header says
    assert (labels.target.object, labels.target.field) == (TargetObject.CONTACT, "tags")
    assert "'Primary Contact'" in labels.rationale


def test_deals_naming_no_contact_keep_a_held_custom_field(tmp_path: Path) -> None:
    doc = _propose(tmp_path, "")
    tags = _field(doc, "deals", "Tags")
    assert tags.target.object == TargetObject.OPPORTUNITY and tags.target.kind == FieldKind.CUSTOM_NEW
    assert tags.confidence < 0.7


def test_case_variants_under_a_header_naming_something_else_are_no_tags() -> None:
    variants = {"Priya Shah, Tom Becker": 5, "priya shah": 4, "Tom Becker": 4, "tom becker ": 3}
    crew = col("deals", "Visits assigned to", S.MULTI_VALUE, values=variants, separator=",")
    groups = col("deals", "Groups", S.MULTI_VALUE, values=variants, separator=",")
    assert reads_as_tags(groups) and not reads_as_tags(crew)  # people assigned, however typed
