"""From the confirmed mapping document to record specs: which source rows become which records.

A ``RecordSpec`` is one (source object, record kind) pair with the field maps its records carry
and the references (``contactId`` …) that resolve at apply time to the HighLevel ids of parents
migrated earlier. Record kinds are HighLevel objects plus two shapes the seeds call for:
``contact_fields`` (a document's number, total, status written onto the contact it belongs to) and
``file`` (a document kept as a link in a note on its contact).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.execute.company_rows import company_link
from assistant.execute.deal_tags_spec import DEAL_TAGS, deal_tag_fields
from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.transforms.values import field_key as field_key  # the executor names it here too

# Order of the record passes; schema operations (pass 0) precede them all.
PASSES: dict[str, int] = {
    "product": 1,
    "company": 1,
    "contact": 2,
    "company_link": 3,
    "contact_fields": 3,
    "opportunity": 4,
    "contact_tags": 4,  # a deal row's tags, added to the contact it links to (opportunities hold none)
    "task": 5,
    "note": 6,
    "kept_opportunity": 6,  # an opportunity HighLevel would merge away, kept as a note on its contact
    "extra_values": 6,  # a contact's further phones or emails, and values its fields refuse, as a note on it
    "later_child": 6,  # a merged child row after its parent's first, as a note on the parent contact
    "document_as_note": 6,  # an invoice or estimate HighLevel would refuse, as a note on its contact
    "history_as_note": 6,  # a call or e-mail the location cannot hold as a message, as a dated note
    "refused_values": 6,  # values a deal's, task's or document's fields refuse, as a note on its contact
    "appointment": 7,
    "message": 7,  # history on a contact's conversation, with its original date
    "file": 7,
    "custom_object": 8,
    "invoice": 9,  # after every record a document can point at
    "estimate": 9,
}
# The kind that takes over some rows of a kind, sent as notes on their contact instead: a later duplicate
# opportunity, a call or e-mail the location cannot hold as a message, a document HighLevel would refuse.
TAKER_OF = {
    "opportunity": "kept_opportunity",
    "message": "history_as_note",
    "invoice": "document_as_note",
    "estimate": "document_as_note",
}
RECORD_TARGETS = frozenset(PASSES) - {"company_link", "contact_fields", "contact_tags"}
HL_OBJECT = {
    "contact_fields": "contact",
    "file": "note",
    "kept_opportunity": "note",
    "extra_values": "note",
    "later_child": "note",
    "document_as_note": "note",
    "history_as_note": "note",
    "refused_values": "note",
}  # the HighLevel object a record kind is written to
REF_TARGETS = {
    "contactId": "contact",
    "companyId": "company",
    "businessId": "company",
    "opportunityId": "opportunity",
}
NEEDS_CONTACT = frozenset(
    {"opportunity", "task", "note", "appointment", "file", "contact_fields", "invoice", "estimate", "message"}
) | {"contact_tags"}
DOCUMENT_KINDS = frozenset({"invoice", "estimate"})  # native documents: their lines travel inside them
# lines: a note per document; a document's values: fields on its contact, or a note per document
ROLE_KINDS = {"document_fields": "contact_fields", "line_items": "note", "document_note": "note"}
MERGE_ROLE = "merge_into_parent"
BESIDE_ROLE = "native_document"  # a native document made from the same row as another record


@dataclass(frozen=True)
class Ref:
    """``key`` of a record holds a source key of ``source_object``; send the id of its ``target`` record."""

    key: str
    target: str
    source_object: str
    same_row: bool = False  # the parent record comes from the same source row (client -> contact + company)
    column: str | None = None  # the source column holding the key, when no field map of this record has it
    through: str | None = None  # the key is that of the contact a row of this source object names
    # the sibling record's lookup, when it resolves the column's value (a name) rather than reading a key
    via: FieldMap | None = field(default=None, compare=False)


@dataclass
class RecordSpec:
    target: str  # record kind: a key of PASSES
    source_object: str
    object_map: ObjectMap
    object_target: ObjectTarget
    fields: list[FieldMap] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    merge_into: str | None = None  # parent source object whose records absorb these values

    @property
    def name(self) -> str:
        return f"{self.target}:{self.source_object}"

    @property
    def hl_object(self) -> str:
        return HL_OBJECT.get(self.target, self.target)

    @property
    def custom_object_key(self) -> str | None:
        return self.object_target.custom_object_key


def record_specs(doc: MappingDocument) -> list[RecordSpec]:
    """One spec per confirmed object map target that becomes HighLevel records, in pass order."""
    specs: list[RecordSpec] = []
    for om in doc.objects:
        if not om.confirmed:
            continue
        kinds = {t.object.value for t in om.targets}
        for target in om.targets:
            kind = ROLE_KINDS.get(target.role or "", target.object.value)
            if kind not in PASSES or kind == "company_link":
                continue
            if target.role == "line_items" and not om.parent_object:
                continue  # lines whose document is unknown: listed by the plan
            if target.role == "line_items":  # lines of a native document travel inside it
                kind = _document_kind(doc, om.parent_object) or kind
            spec = RecordSpec(kind, om.source_object, om, target)
            spec.fields = [fm for fm in doc.fields if _belongs(fm, om, target, len(om.targets))]
            link = company_link(om, doc) if kind == "contact" else None
            spec.fields += [link] if link is not None else []  # a person's company among company rows
            if target.role == MERGE_ROLE and om.parent_object:
                spec.merge_into = om.parent_object
            spec.refs = _refs(spec, kinds, doc)
            specs.append(spec)
        specs += _contact_tags(om, kinds, doc)
    _links_from_children(specs)
    merged = {s.source_object: s.merge_into for s in specs if s.merge_into}
    for spec in specs:  # a document's lines go to the contact the document's own record goes to
        if spec.object_target.role == "line_items":
            document = spec.object_map.parent_object or ""
            document = merged.get(document, document)  # a merged document's record is its parent's
            spec.refs = next(
                (
                    [Ref("contactId", r.target, r.source_object, column=r.column)]
                    for s in specs
                    if s.source_object == document and not s.merge_into
                    for r in s.refs
                    if r.key == "contactId"
                ),
                spec.refs,
            )
    for spec in specs:  # a document beside a merge reaches its contact through the merge's parent
        if spec.target in DOCUMENT_KINDS and spec.object_target.role == BESIDE_ROLE:
            spec.refs = _through_parent(spec, specs) or spec.refs
    return sorted(specs, key=lambda s: (PASSES[s.target], s.merge_into is None, s.source_object))


def merge_parent(child: RecordSpec, specs: list[RecordSpec]) -> RecordSpec | None:
    """The spec whose records a merged child's rows fold into (None for a spec that merges nowhere)."""
    found = (p for p in specs if p.source_object == child.merge_into and p.target == child.target)
    return next((p for p in found if not p.merge_into), None) if child.merge_into else None


def _links_from_children(specs: list[RecordSpec]) -> None:
    """A merged child's link its parent lacks (a contact's nested company) becomes the parent's: the
    child's value fills the parent's record, which then has to resolve it."""
    for child in specs:
        parent = merge_parent(child, specs)
        if parent is not None:
            have = {r.key for r in parent.refs}
            parent.refs += [r for r in child.refs if r.key not in have and not (r.same_row or r.through)]


def _contact_tags(om: ObjectMap, kinds: set[str], doc: MappingDocument) -> list[RecordSpec]:
    """A deal table's tags: one spec adding each row's tags to the contact the row links to."""
    fields = deal_tag_fields(om, kinds, doc)
    if not fields:
        return []
    deal = next(t for t in om.targets if t.object == TargetObject.OPPORTUNITY)
    spec = RecordSpec(DEAL_TAGS, om.source_object, om, deal, fields)
    spec.refs = _refs(spec, kinds, doc)
    return [spec]


def _through_parent(spec: RecordSpec, specs: list[RecordSpec]) -> list[Ref] | None:
    """The contact ref of a document whose row merges into another record (an estimate into its job)."""
    om = spec.object_map
    if om.targets[0].role != MERGE_ROLE or not om.parent_object:
        return None
    for parent in specs:
        if parent.source_object == om.parent_object and not parent.merge_into:
            for ref in parent.refs:
                if ref.key == "contactId" and not ref.same_row:
                    return [Ref("contactId", ref.target, ref.source_object, through=om.parent_object)]
    return None


def _belongs(fm: FieldMap, om: ObjectMap, target: ObjectTarget, n_targets: int) -> bool:
    if not fm.confirmed or fm.source_object != om.source_object or fm.target.kind == FieldKind.SKIP:
        return False
    if fm.target.object is None:
        return n_targets == 1
    return fm.target.object == target.object


def _refs(spec: RecordSpec, kinds: set[str], doc: MappingDocument) -> list[Ref]:
    refs: list[Ref] = []
    for fm in spec.fields:
        key = field_key(fm)
        if fm.transform.kind == TransformKind.LOOKUP and key in REF_TARGETS:
            refs.append(_lookup_ref(fm, key, doc))
    have = {r.key for r in refs}
    if spec.target in NEEDS_CONTACT and "contactId" not in have:
        sibling = next(
            (
                fm
                for fm in doc.fields
                if fm.confirmed
                and fm.source_object == spec.source_object
                and fm.transform.kind == TransformKind.LOOKUP
                and field_key(fm) == "contactId"
            ),
            None,
        )
        if (
            "contact" in kinds
            and spec.target != "contact_fields"
            and spec.object_target.role != "document_note"
        ):
            refs.append(Ref("contactId", "contact", spec.source_object, same_row=True))
        elif sibling is not None:  # e.g. an invoice's file and fields go to the contact its lookup names
            ref = _lookup_ref(sibling, "contactId", doc)
            via = sibling if sibling.transform.params.get("by_names") else None
            column = sibling.source_columns[0]
            refs.append(Ref(ref.key, ref.target, ref.source_object, column=column, via=via))
        elif spec.object_map.parent_object:
            refs.append(Ref("contactId", "contact", spec.object_map.parent_object))
    if spec.target == "contact" and "company" in kinds and "companyId" not in have:
        refs.append(Ref("companyId", "company", spec.source_object, same_row=True))
    return refs


def _lookup_ref(fm: FieldMap, key: str, doc: MappingDocument) -> Ref:
    params = fm.transform.params
    tables, objects = params.get("tables"), params.get("objects")
    if isinstance(tables, dict) and isinstance(objects, dict):  # a typed link resolves to a contact's key
        contact = next((str(tables[v]) for v, o in objects.items() if o == "contact" and v in tables), "")
        return Ref(key, "contact", contact)
    parent = str(params.get("table") or params.get("object") or "")
    named = str(params.get("object") or "")
    target = named if named in RECORD_TARGETS and named != parent else REF_TARGETS[key]
    return Ref(key, target if target in RECORD_TARGETS else _first_target(doc, parent), parent)


def _document_kind(doc: MappingDocument, parent: str | None) -> str | None:
    """``invoice`` or ``estimate`` when the lines' document is sent as that native HighLevel document."""
    for om in doc.objects:
        if om.source_object == parent and om.confirmed:
            kinds = [t.object.value for t in om.targets if t.object.value in DOCUMENT_KINDS]
            return kinds[0] if kinds else None
    return None


def _first_target(doc: MappingDocument, source_object: str) -> str:
    for om in doc.objects:
        if om.source_object == source_object and om.targets:
            first = om.targets[0].object
            return first.value if first != TargetObject.NO_EQUIVALENT else "contact"
    return "contact"
