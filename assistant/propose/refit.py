"""Field maps proposed again for a table whose object map the engineer switched to an alternative.

Switching an invoice table from the native invoice to the file + fields reading (or back) changes
which keys its columns can land in, so its field maps, and those of its line table, are proposed
again for the chosen targets, the way ``propose`` would have made them, and calibrated the same way.
The other tables' object maps stay as they are: they tell the links where each table lands.
"""

from __future__ import annotations

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap
from assistant.profile.models import TableProfile
from assistant.propose.beside_settings import left_to_document
from assistant.propose.calibration import calibrate_document
from assistant.propose.document_beside import beside_maps
from assistant.propose.fields import TableContext, propose_table_fields
from assistant.propose.objects import ObjectDecision
from assistant.propose.targets import standard_fields


def _decision(om: ObjectMap) -> ObjectDecision:
    primary = om.targets[0].object
    return ObjectDecision(primary.value, primary, om)


def refit_fields(
    document: MappingDocument,
    source_objects: list[str],
    profiles: dict[str, TableProfile],
    destination: DestinationState | None,
    threshold: float,
) -> list[FieldMap]:
    """New (pending) field maps of ``source_objects`` under their object maps' current targets."""
    decisions = {om.source_object: _decision(om) for om in document.objects if om.targets}
    catalog = standard_fields()
    country = destination.location.country if destination is not None else None
    fields: list[FieldMap] = []
    for name in source_objects:
        table = profiles.get(name)
        if table is None or name not in decisions:
            continue
        ctx = TableContext(table, decisions[name], decisions, catalog, destination, country or None)
        beside = beside_maps(ctx, profiles)
        fields += left_to_document(ctx, propose_table_fields(ctx, profiles), beside) + beside
    objects = [om.model_copy(deep=True) for om in document.objects]  # calibration rescores them
    scratch = MappingDocument(project=document.project, objects=objects, fields=fields)
    calibrate_document(scratch, threshold)
    return scratch.fields
