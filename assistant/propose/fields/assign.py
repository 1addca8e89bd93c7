"""The columns no earlier step decided: each claims its best standard field, or becomes a custom field.

Claims are settled across the whole table at once (a tie goes to the record the table is read as, a
mostly empty column yields to a filled one), so two columns never fill one field.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate, retrieve_candidates
from assistant.propose.document_targets import fits_document
from assistant.propose.embedded_people import embedded_objects, offered
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.business_names import with_business_name_evidence
from assistant.propose.fields.currency_amounts import with_currency_evidence
from assistant.propose.fields.custom import fallback_map
from assistant.propose.fields.document_totals import with_total_evidence
from assistant.propose.fields.kind_guards import kind_fits
from assistant.propose.fields.line_amounts import with_line_amount_evidence
from assistant.propose.fields.line_rows import line_role
from assistant.propose.fields.name_claims import names_another_record
from assistant.propose.fields.outcome_stage import outcome_places_the_deal
from assistant.propose.fields.own_kind_amounts import derived_amount_penalty
from assistant.propose.fields.own_kind_title import with_own_kind_title, with_title_as_name
from assistant.propose.fields.owner_lists import owner_doubt
from assistant.propose.fields.owner_rivals import held_rival_owners, workers_beside_sellers
from assistant.propose.fields.self_references import names_of_other_rows
from assistant.propose.fields.siblings import contested
from assistant.propose.fields.standard_fields import allowed, standard_maps
from assistant.propose.fields.tax_parts import RECORD_AMOUNTS, tax_parts
from assistant.propose.fields.whole_address import address_yield, note_whole_addresses, whole_addresses
from assistant.propose.normalize import is_plain
from assistant.propose.signals import lead_concept
from assistant.propose.stage_values import with_stage_evidence

T = TargetObject
S = SemanticType
STANDARD_MIN_SCORE = 0.55  # below this a standard field is no candidate: a custom field is proposed


def assign_columns(ctx: TableContext, columns: list[ColumnProfile]) -> list[FieldMap]:
    objects = [ctx.decision.object_map.targets[0].object]
    if any(t.object == T.FILE for t in ctx.decision.object_map.targets[1:]):
        objects.append(T.FILE)
    objects += embedded_objects(ctx.decision.object_map.targets[1:])
    role = line_role(ctx)  # a flat document export's rows are its lines
    cands = {
        c.column: with_stage_evidence(
            c,
            [
                cand
                for cand in retrieve_candidates(c, objects, ctx.catalog, ctx.destination, ctx.k)
                if offered(cand.object, cand.field, objects[0])
                and fits_document(c, cand.object, cand.field, role)
            ],
            ctx.destination,
            objects[0],
        )
        for c in columns
    }
    for c in columns:
        with_business_name_evidence(ctx, c, cands[c.column])
        with_currency_evidence(ctx, c, cands[c.column], columns)
        with_total_evidence(ctx, c, cands[c.column])  # 'Amount' = 'Balance' + 'Paid to Date'
        with_own_kind_title(ctx, c, cands[c.column])
        with_title_as_name(ctx, c, cands[c.column])
    with_line_amount_evidence(ctx, cands, columns)  # quantity x unit price = the line's amount
    other_rows = names_of_other_rows(ctx.table, ctx.values)  # 'Reports To': another row's name
    taxes = tax_parts(ctx.table, ctx.values)  # 'TotalTax' beside 'TotalAmt': never the record's amount
    pool = [
        (cand.score, col, cand)
        for col in columns
        for cand in cands[col.column]
        if cand.kind == FieldKind.STANDARD
        and (not ctx.merged_document or cand.value_kind == "owner")  # a merged row may name the owner
        and cand.score >= STANDARD_MIN_SCORE
        and allowed(col, cand, objects[0])
        and kind_fits(ctx, col, cand)
        and not names_another_record(ctx, col, cand, other_rows)
        and not (col.column in taxes and cand.field in RECORD_AMOUNTS)
    ]
    rivals = contested(pool) | workers_beside_sellers(pool, objects[0])  # ties; a seller owns the deal
    wholes = whole_addresses(ctx.table, ctx.values)  # '664 Oak St, Raleigh' beside its street and city
    yields = address_yield(wholes, columns)
    pool = [item for item in pool if (item[1].column, item[2].object.value, item[2].field) not in rivals]
    # on a tie the record the table is read as takes the column ('Name' of a deal row names the deal)
    pool.sort(
        key=lambda item: (
            -_claim_strength(*item) + yields(item[1], item[2]) + owner_doubt(item, cands),
            item[1].position,
            item[2].object != objects[0],
        )
    )
    chosen: dict[str, Candidate] = {}
    for _score, col, cand in pool:
        if col.column not in chosen and ctx.claim(cand.object, cand.field):
            chosen[col.column] = cand
    outcome_places_the_deal(ctx, chosen, cands, {c.column: c for c in columns})  # no stage: the outcome's
    # Plainly named columns ('total-amount') claim an existing custom field before qualified ones.
    pending = sorted(
        (c for c in columns if c.column not in chosen), key=lambda c: (not _plain(c), c.position)
    )
    fallbacks = {c.column: fallback_map(ctx, c, cands[c.column]) for c in pending}
    maps: list[FieldMap] = []
    for col in columns:
        if col.column in chosen:
            maps += standard_maps(ctx, col, chosen[col.column], cands[col.column])
        else:
            maps.append(fallbacks[col.column])
    held_rival_owners(ctx, maps, ctx.table.columns)  # 'Assign To' beside 'Sold By': the engineer decides
    note_whole_addresses(maps, wholes)
    return maps


# A contact holds one phone, one e-mail and one address: of two such columns the one filled on most
# rows is the main one ('Work' beside a mostly empty 'Mobile', a state beside a mostly empty county,
# a billing address beside a mostly empty shipping one),
# whichever header reads more like the field. A record's title is alike: a mostly blank 'Summary'
# holding one repeated line does not name the deals a filled 'Name' names.
_CONTACT_POINTS = (S.PHONE, S.EMAIL, S.REGION, S.CITY)
_TITLES = frozenset({"name", "title"})
_ADDRESS_PARTS = frozenset({"address", "address1", "city", "state", "postalCode", "country"})
EMPTY_WEIGHT = 0.15
CONSTANT_WEIGHT = 0.1  # a title that repeats one value on every filled row tells no record apart


def _claim_strength(score: float, col: ColumnProfile, cand: Candidate) -> float:
    if col.semantic_type in _CONTACT_POINTS or cand.field in _ADDRESS_PARTS:
        return score - EMPTY_WEIGHT * col.null_share
    if cand.field in _TITLES and cand.kind == FieldKind.STANDARD:
        constant = col.distinct_count <= 1 and col.row_count - col.null_count > 1
        return score - EMPTY_WEIGHT * col.null_share - (CONSTANT_WEIGHT if constant else 0.0)
    return score - derived_amount_penalty(col, cand.field)


def _plain(col: ColumnProfile) -> bool:
    lead = lead_concept(col)
    return lead is not None and is_plain(col.column, lead)
