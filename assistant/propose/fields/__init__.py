"""The field proposer: one room, one entry point.

``propose_table_fields`` proposes the field maps of one table from profile evidence: rules first
(names, links, JSON columns, polymorphic pointers), then the best candidate per column, then custom
fields and date fallbacks. Other proposer steps that build field maps of their own (documents,
history) use the building blocks exported here, never the room's modules directly.
"""

from __future__ import annotations

# Building blocks first: modules the table step imports may import them from here while it loads.
from assistant.propose.fields.blank_link import blank_link_fallback
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.fields.copies import copied_through_links
from assistant.propose.fields.deal_tags import reads_as_tags
from assistant.propose.fields.display import display_column
from assistant.propose.fields.echoes import copied_columns, echo_columns
from assistant.propose.fields.embedded_copies import embedded_copies
from assistant.propose.fields.fallbacks import add_date_fallbacks
from assistant.propose.fields.held_person_details import held_by_linked_table
from assistant.propose.fields.label_keys import label_keys
from assistant.propose.fields.name_echoes import display_names, joined_names
from assistant.propose.fields.named_values import propose_table_fields  # named lists read by name
from assistant.propose.fields.number_labels import spelled_number
from assistant.propose.fields.rules import skip_map
from assistant.propose.fields.self_references import names_of_other_rows
from assistant.propose.fields.stage_keys import stage_keys

__all__ = [
    "TableContext",
    "add_date_fallbacks",
    "blank_link_fallback",
    "copied_columns",
    "copied_through_links",
    "display_column",
    "display_names",
    "echo_columns",
    "embedded_copies",
    "evidence_of",
    "held_by_linked_table",
    "joined_names",
    "label_keys",
    "make_map",
    "names_of_other_rows",
    "propose_table_fields",
    "reads_as_tags",
    "skip_map",
    "spelled_number",
    "stage_keys",
    "standard_target",
]
