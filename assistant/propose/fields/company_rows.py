"""Field maps of a table whose rows are companies or people (see ``propose.company_rows``).

A company row carries the same columns as a person's: its e-mail, phone and address. Each contact
field with a company twin gets a second map onto the company, taken only by the rows the company
target's condition selects. The company's name is the first of the person's name columns, then of
the employer columns ('Organisation'), that the company rows fill. A column naming each person's
company ('Related Company', the contact's company name) links the person's contact to the company
row of that name (among the company rows only); its map's evidence counts the names that find one.
"""

from __future__ import annotations

from assistant.mapping.conditions import value_condition
from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, FieldKind, TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.company_rows import ROLE, other_kinds
from assistant.propose.fields.build import TableContext, make_map, standard_target
from assistant.propose.fields.rules import skip_map
from assistant.propose.name_references import name_key

T = TargetObject
TWINS = {
    "email": "email",
    "phone": "phone",
    "address1": "address",
    "city": "city",
    "state": "state",
    "postalCode": "postalCode",
    "country": "country",
    "website": "website",
}
NAME_FIELDS = ("firstName", "name", "lastName", "companyName")  # where a company row's name may sit
TWIN_CONFIDENCE = 0.9  # the column is the contact's field: a company row's value is the same kind
FILLED = 0.8  # of the company rows, the share a column must fill to be their name
Row = dict[str, str | None]


def company_row_maps(ctx: TableContext, maps: list[FieldMap]) -> list[FieldMap]:
    """The company's name and its twins of the contact's fields, and each person's company link."""
    target = next((t for t in ctx.decision.object_map.targets if t.role == ROLE), None)
    split = value_condition(target.condition) if target is not None else None
    if split is None or target is None or ctx.values is None:
        return []
    contact = [m for m in maps if m.target.object == T.CONTACT and m.target.kind == FieldKind.STANDARD]
    # every column of a name map: 'Name' and 'Contact first name' fill the first name on other rows
    names = [c for f in NAME_FIELDS for m in contact if m.target.field == f for c in m.source_columns]
    rows = ctx.values.rows(ctx.name, list(dict.fromkeys([split[0], *[c.column for c in ctx.table.columns]])))
    marked = [r for r in rows if _is_company(r, split)]
    filled = [c for c in dict.fromkeys(names) if _filled(marked, c) >= FILLED]
    name = _company_name(marked, filled, contact)
    # a company row that also names a person ('Liam' beside 'Oakridge Apartments') is the person at the
    # company: its e-mail, phone and address are the person's, the company takes only its name
    person = next((c for c in filled if c != name), None) if name is not None and name != filled[0] else None
    out: list[FieldMap] = []
    if name is not None:
        why = f"the {len(marked)} rows marked '{split[1]}' in '{split[0]}' are companies: '{name}' names them"
        if person is not None:
            why += f"; they also name a person ('{person}'), "
            why += "whose e-mail, phone and address stay the contact's"
        # the column's type is read over every row, mostly people's: a company row's name is its own
        evidence = [Evidence(source="values", detail=why)]
        out.append(_twin(ctx, name, "name", Transform(), TWIN_CONFIDENCE, why, evidence))
    taken: set[str] = set()
    for fm in [] if person is not None else contact:
        field = TWINS.get(fm.target.field or "")
        if field is None or field in taken or len(fm.source_columns) != 1:
            continue
        taken.add(field)
        why = (
            f"a row marked '{split[1]}' in '{split[0]}' is a company: '{fm.source_columns[0]}' is its {field}"
        )
        transform = fm.transform.model_copy(deep=True)
        out.append(
            _twin(
                ctx,
                fm.source_columns[0],
                field,
                transform,
                min(fm.confidence, TWIN_CONFIDENCE),
                why,
                fm.evidence,
            )
        )
    if name is not None:
        _link_evidence(rows, split, name, maps)
    return out


def _company_name(marked: list[Row], filled: list[str], contact: list[FieldMap]) -> str | None:
    """The first name column the company rows fill; but when they also fill the employer column with
    another name ('Oakridge Apartments' beside 'Liam'), the person's columns name the person on site
    and the employer column names the company."""
    employer = next((m.source_columns[0] for m in contact if m.target.field == "companyName"), None)
    first = filled[0] if filled else None
    if first is None or employer is None or employer not in filled or employer == first:
        return first
    differ = sum(1 for r in marked if name_key(r.get(employer) or "") != name_key(r.get(first) or ""))
    return employer if differ >= FILLED * len(marked) else first


def _is_company(row: Row, split: tuple[str, str, bool]) -> bool:
    return (row.get(split[0]) or "").strip().casefold() == split[1].strip().casefold()


def _filled(rows: list[Row], column: str) -> float:
    return sum(1 for r in rows if (r.get(column) or "").strip()) / len(rows) if rows else 0.0


def _twin(
    ctx: TableContext,
    column: str,
    field: str,
    transform: Transform,
    confidence: float,
    why: str,
    evidence: list[Evidence],
) -> FieldMap:
    alternatives = [Alternative(target="skip", score=0.1, value={"kind": "skip"})]
    target = standard_target(T.COMPANY, field)
    return make_map(
        ctx, [column], target, transform, confidence, why, list(evidence), alternatives, "@company"
    )


def _link_evidence(rows: list[Row], split: tuple[str, str, bool], name: str, maps: list[FieldMap]) -> None:
    """On the person's company-name map: how many of its names are company rows. Confirmed, the
    executor links each person's contact to the company row its value names (among company rows)."""
    companies = {name_key(r[name] or "") for r in rows if _is_company(r, split)}
    people = [r for r in rows if not _is_company(r, split)]
    for fm in maps:
        if fm.target.object != T.CONTACT or fm.target.field != "companyName":
            continue
        column = fm.source_columns[0]
        held = {name_key(r.get(column) or "") for r in people if (r.get(column) or "").strip()}
        if not held:
            continue
        found = len(held & companies)
        detail = (
            f"{found} of {len(held)} names people hold in '{column}' are rows marked '{split[1]}' "
            f"(by '{name}'): each such person's contact is linked to that company"
        )
        fm.evidence.append(Evidence(source="values", detail=detail))


def kind_column_map(ctx: TableContext, columns: list[ColumnProfile]) -> FieldMap | None:
    """The column saying what each row is: it decides the record, so it is no field of it; unless some
    of its values name a third kind ('Estate agent'), a label the record keeps as a field of its own."""
    target = next((t for t in ctx.decision.object_map.targets if t.role == ROLE), None)
    split = value_condition(target.condition) if target is not None else None
    column = next((c for c in columns if split is not None and c.column == split[0]), None)
    if column is None or other_kinds(column):
        return None
    return skip_map(ctx, column, "it says whether the row is a company or a person: the record it makes", 0.8)
