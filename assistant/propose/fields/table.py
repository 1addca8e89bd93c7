"""Field maps for one table: rules first, then the best candidate per column, then custom fields."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import TableProfile
from assistant.propose.fields.account_names import account_name_map
from assistant.propose.fields.assign import assign_columns
from assistant.propose.fields.balance_status import balance_status
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.business_display import business_display_maps
from assistant.propose.fields.company_rows import company_row_maps, kind_column_map
from assistant.propose.fields.copies import copied_through_links
from assistant.propose.fields.deal_tags import tags_on_deal_contact
from assistant.propose.fields.derived_flags import decided_flags
from assistant.propose.fields.documents import printed_number
from assistant.propose.fields.echoes import copied_columns, echo_columns
from assistant.propose.fields.embedded_copies import embedded_copies
from assistant.propose.fields.fallbacks import add_date_fallbacks
from assistant.propose.fields.history import history_field_maps
from assistant.propose.fields.id_lists import id_list_maps
from assistant.propose.fields.json_columns import json_field_maps
from assistant.propose.fields.label_keys import label_keys
from assistant.propose.fields.linked_person_points import linked_detail_skips
from assistant.propose.fields.links import link_maps
from assistant.propose.fields.name_echoes import display_name_map, display_names, joined_names
from assistant.propose.fields.name_pairs import name_pair_maps
from assistant.propose.fields.outcome_codes import closed_status_map
from assistant.propose.fields.own_kind_amounts import own_kind_amounts
from assistant.propose.fields.owner_lists import owner_list_map
from assistant.propose.fields.owner_parts import owner_parts
from assistant.propose.fields.polymorphic import polymorphic_link
from assistant.propose.fields.routed_entries import routed_entry_maps
from assistant.propose.fields.rules import (
    concat_name_map,
    name_complement_map,
    name_split_maps,
    ordered_columns,
    skip_map,
    skip_reason,
)
from assistant.propose.fields.stage_keys import stage_keys
from assistant.propose.fields.tax_parts import TAX_SKIP_CONFIDENCE, tax_part_reason, tax_parts
from assistant.propose.fields.taxable import taxable_flag
from assistant.propose.fields.twin_columns import twin_columns
from assistant.propose.other_names import nested_people

T = TargetObject


def propose_table_fields(ctx: TableContext, tables: dict[str, TableProfile]) -> list[FieldMap]:
    columns = ordered_columns(ctx)
    maps: list[FieldMap] = []
    done: set[str] = set()
    # an archived deal with a lost reason or a status code; 'Company Type'; typed entries ('contactItems')
    lost, kind = closed_status_map(ctx, columns), kind_column_map(ctx, columns)
    for decided in (*(m for m in (lost, kind) if m is not None), *routed_entry_maps(ctx, tables)):
        maps.append(decided)
        done |= set(decided.source_columns)
    for col in columns:
        reason = skip_reason(ctx, col) if col.column not in done else None
        if reason:
            maps.append(skip_map(ctx, col, *reason))
            done.add(col.column)
    skipped = {c for m in maps if m.target.kind == FieldKind.SKIP for c in m.source_columns}
    twins = twin_columns(ctx.table, ctx.values) | own_kind_amounts(ctx.table, ctx.primary.value, ctx.values)
    for column, first in twins.items():  # 'phone-number' and 'phone'; 'Amount' and 'Deal Amount'
        if column not in done and first not in skipped:
            why = f"holds on every row the value of '{first}', which carries it"
            maps.append(skip_map(ctx, next(c for c in columns if c.column == column), why, 0.7))
            done.add(column)
    for column, base in tax_parts(ctx.table, ctx.values).items():  # 'TotalTax' beside 'TotalAmt'
        if column not in done and ctx.field_holder is None:  # a native document keeps no tax figure
            tax = next(c for c in columns if c.column == column)
            maps.append(skip_map(ctx, tax, tax_part_reason(base), TAX_SKIP_CONFIDENCE))
            done.add(column)
    for column, (record, own) in embedded_copies(ctx.table, tables, ctx.values).items():
        if column not in done and own not in skipped:  # a quote's 'task.jobnumber' = its own 'jobnumber'
            why = f"a field of the embedded '{record}' record that holds on every row this row's own '{own}'"
            maps.append(skip_map(ctx, next(c for c in columns if c.column == column), why, 0.7))
            done.add(column)
    link = polymorphic_link(ctx, [c for c in columns if c.column not in done], tables)
    if link is not None:  # before single-table links: its id column only half-resolves into any one table
        maps.append(link)
        done |= set(link.source_columns)
    for col in columns:
        listed = owner_list_map(ctx, col, tables) if col.column not in done else None
        if listed is not None:  # a cell of user ids ([51, 52]): the profile found no key in it
            maps.append(listed)
            done.add(col.column)
        elif col.column not in done and col.foreign_key is not None:
            linked = link_maps(ctx, col, tables)
            if linked:
                maps += linked
                done.add(col.column)
    for col in columns:  # after the keyed links: a single key column is the surer link than a list
        listing = id_list_maps(ctx, col, tables) if col.column not in done else None
        if listing:  # a cell of another table's ids (["12", "15"]): its first is the link
            maps += listing
            done.add(col.column)
    links = {c for m in maps if m.transform.kind == K.LOOKUP for c in m.source_columns}
    copies = {**copied_through_links(ctx.table, tables, ctx.values), **copied_columns(ctx.table, tables)}
    ctx.echoes = echo_columns(columns, links | {c.column for c in columns if c.foreign_key is not None})
    for col in columns:  # a copy of the linked row feeds no field of this record, standard or custom
        if col.column not in done and col.column in copies:
            why = f"repeats the linked record behind '{copies[col.column]}', which has the same column"
            maps.append(skip_map(ctx, col, why, 0.7))
            done.add(col.column)
    for column, (held, sure) in linked_detail_skips(ctx, tables).items():  # the linked row's or person's
        if column not in done:
            maps.append(skip_map(ctx, next(c for c in columns if c.column == column), held, sure))
            done.add(column)
    pending = [c for c in columns if c.column not in done]
    for flag, choice in decided_flags(ctx.primary, ctx.name, pending, ctx.values).items():
        why = f"every value of '{choice}' decides it: that column's map carries the outcome"
        maps.append(skip_map(ctx, next(c for c in columns if c.column == flag), why, 0.7))
        done.add(flag)
    for key, name in stage_keys(ctx.primary, ctx.name, pending, ctx.values).items():
        why = f"the key of the stage '{name}' names on every row: the name is matched to the stages"
        maps.append(skip_map(ctx, next(c for c in columns if c.column == key), why, 0.7))
        done.add(key)
    for key, label in label_keys(ctx.name, [c for c in pending if c.column not in done], ctx.values).items():
        why = f"the key of what '{label}' names on every row: the name carries it"
        maps.append(skip_map(ctx, next(c for c in columns if c.column == key), why, 0.7))
        done.add(key)
    done |= owner_parts(ctx, [c for c in pending if c.column not in done], maps)  # one user, several columns
    for column, (first, last) in joined_names(ctx.table, ctx.values).items():
        if column not in done:  # HighLevel composes the name from the parts this column only joins
            why = f"only joins '{first}' and '{last}' (or repeats the row's company), which the contact has"
            maps.append(skip_map(ctx, next(c for c in columns if c.column == column), why, 0.7))
            done.add(column)
    for column, share in display_names(ctx.table, ctx.values).items():
        if column not in done:  # the person's name on most rows, another's on the rest: text of its own
            col = next(c for c in columns if c.column == column)
            maps += business_display_maps(ctx, col, share) or [display_name_map(ctx, col, share)]
            done.add(column)
    for paired in name_pair_maps(ctx, [c for c in columns if c.column not in done]):  # 'Name' / 'Surname'
        maps.append(paired)  # beside 'Contact first name' / 'Contact surname', filled on the other rows
        done |= set(paired.source_columns)
    complement = name_complement_map(ctx, [c for c in columns if c.column not in done])
    if complement is not None:
        maps.append(complement)
        done |= set(complement.source_columns)
    people_below = nested_people(ctx.table, tables)
    account = account_name_map(ctx, [c for c in columns if c.column not in done], people_below)
    if account is not None:
        maps.append(account)
        done |= set(account.source_columns)
    remaining = [c for c in columns if c.column not in done]
    split = name_split_maps(ctx, remaining, people_below)
    maps += split
    done |= {c for m in split for c in m.source_columns}
    concat = (
        None if ctx.merged_document else concat_name_map(ctx, [c for c in columns if c.column not in done])
    )
    if concat:
        maps.append(concat[0])
        done.add(concat[1])
    packed, unpacked = json_field_maps(ctx, [c for c in columns if c.column not in done])
    maps += packed
    done |= unpacked
    remaining = [c for c in columns if c.column not in done]
    maps += history_field_maps(ctx, remaining) if ctx.primary == T.MESSAGE else assign_columns(ctx, remaining)
    add_date_fallbacks(ctx.primary, maps, columns)
    maps = tags_on_deal_contact(ctx, maps)
    maps += company_row_maps(ctx, maps)  # rows marked as companies: the same columns fill their company
    maps = balance_status(ctx, maps)  # an invoice's balance, where no column says it was paid
    return taxable_flag(ctx, printed_number(ctx, maps, columns), columns)
