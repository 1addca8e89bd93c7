"""Standard fields a column's values can never fill, whatever its header shares with the field.

Header words mislead in three recurring shapes:

- a yes/no flag named after a channel ('marketing_mails_consent', 'sms_opt_in') is a consent, never
  the e-mail, phone, website or address it mentions: true/false is no way to reach anyone;
- the 'type' half of a {type, id} reference ('company.type' = 'company' beside 'company.id') tags
  which kind of record the id points at; it names nothing of this record, least of all its company;
- a link to the old system's own page of the record (its path holds the row's id) is no website,
  nor is a profile on a social network ('Linkedin / Link URL');
- a nested object's key ('country.id' = 1) is no country: its values are the old system's ids;
- the words of a number beside them ('Net 30' beside payment terms 30) are a setting, not tags;
- an organisation a nested list repeats under every record is the account's own (shared_entries).
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.fields.act_statuses import places_by_an_act
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.nested_keys import fills_no_field
from assistant.propose.fields.number_labels import spelled_number
from assistant.propose.fields.own_record_links import own_record_link
from assistant.propose.fields.phone_parts import phone_region
from assistant.propose.fields.shared_entries import shared_organisation
from assistant.propose.fields.social_profiles import social_profile_on_website
from assistant.propose.normalize import concepts, reads_as_key

S = SemanticType
SURE_FLAG = 0.9
_REACH_KINDS = frozenset({"email", "phone", "url"})
_PLACE_CONCEPTS = frozenset({"address", "city", "region", "postal_code", "country"})


def _flag_on_contact_point(col: ColumnProfile, cand: Candidate) -> bool:
    if col.semantic_type != S.BOOLEAN or col.type_share < SURE_FLAG:
        return False
    return cand.value_kind in _REACH_KINDS or cand.concept in _PLACE_CONCEPTS


def reference_type_tag(ctx: TableContext, col: ColumnProfile) -> bool:
    """'x.type' beside 'x.id': the kind of record a reference points at."""
    prefix, _, leaf = col.column.rpartition(".")
    if not prefix or concepts(leaf) != ("type",):
        return False
    return any(
        c.column.rpartition(".")[0] == prefix and reads_as_key(c.column.rpartition(".")[2])
        for c in ctx.table.columns
        if c is not col
    )


def kind_fits(ctx: TableContext, col: ColumnProfile, cand: Candidate) -> bool:
    """False when the column's values cannot be what the standard field holds."""
    if _flag_on_contact_point(col, cand) or reference_type_tag(ctx, col) or fills_no_field(ctx, col, cand):
        return False
    if places_by_an_act(col, cand) or phone_region(col, cand):  # 'EmailStatus'; a phone's 'Country Code'
        return False
    if social_profile_on_website(col, cand.field):
        return False
    if shared_organisation(ctx, col, cand) is not None:  # the same business unit under every client
        return False
    if cand.field == "tags" and spelled_number(ctx.name, col, ctx.table.columns, ctx.values) is not None:
        return False
    return not (cand.field == "website" and own_record_link(ctx, col) is not None)
