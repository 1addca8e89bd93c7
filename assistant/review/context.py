"""What review shows beside the document: profiles, the destination and the catalog's fields.

Each comes from its own stage's loader. A stage that has not run yet (no profiles, no
destination snapshot) leaves a notice instead of an error, so the document can still be
reviewed; the notices are shown in the UI so nothing is missing silently.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.errors import HlmapError
from assistant.highlevel.state import DestinationState
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.review.targets import TargetChoice, build_choices
from assistant.workspace import Workspace


@dataclass
class ReviewContext:
    """Read-only facts the review screens and the edit picker draw on."""

    profiles: dict[str, TableProfile] = field(default_factory=dict)
    destination: DestinationState | None = None
    standard_fields: dict[TargetObject, list[str]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    def column(self, table: str, column: str) -> ColumnProfile | None:
        profile = self.profiles.get(table)
        if profile is None:
            return None
        return next((c for c in profile.columns if c.column == column), None)

    def choices_for(self, document: MappingDocument, source_object: str) -> list[TargetChoice]:
        """Valid targets for a field of ``source_object`` (its object map's targets)."""
        objects = _object_targets(document, source_object)
        fields = dict(self.standard_fields)
        if not fields:
            fields = standard_fields_in_document(document)
        return build_choices(objects, fields, self.destination)


def _object_targets(document: MappingDocument, source_object: str) -> list[TargetObject]:
    found = [t.object for o in document.objects if o.source_object == source_object for t in o.targets]
    found += [
        f.target.object for f in document.fields if f.source_object == source_object and f.target.object
    ]
    return list(dict.fromkeys(found))


def standard_fields_in_document(document: MappingDocument) -> dict[TargetObject, list[str]]:
    """Fallback when the catalog cannot be read: the standard fields the proposer already used."""
    out: dict[TargetObject, list[str]] = {}
    for item in document.fields:
        target = item.target
        if target.kind is FieldKind.STANDARD and target.object and target.field:
            names = out.setdefault(target.object, [])
            if target.field not in names:
                names.append(target.field)
    return out


def load_context(workspace: Workspace) -> ReviewContext:
    """Profiles, destination and catalog from their stages' loaders, each optional."""
    context = ReviewContext()
    profiles = _try(context, "profiles", "assistant.profile.store", "load_profiles", workspace)
    if isinstance(profiles, list):
        context.profiles = {p.table: p for p in profiles if isinstance(p, TableProfile)}
    destination = _try(
        context, "destination snapshot", "assistant.highlevel.snapshot", "load_destination", workspace
    )
    if isinstance(destination, DestinationState):
        context.destination = destination
    catalog = _try(context, "HighLevel catalog", "assistant.highlevel.catalog", "load_catalog")
    if catalog is not None:
        context.standard_fields = catalog_fields(catalog)
    return context


# The catalog names two objects after HighLevel's API rather than the mapping document.
_CATALOG_NAME = {TargetObject.COMPANY: "business", TargetObject.FILE: "media_file"}


def catalog_fields(catalog: Any) -> dict[TargetObject, list[str]]:
    """Mappable standard field names per target object, from ``assistant.highlevel.catalog``."""
    out: dict[TargetObject, list[str]] = {}
    for obj in TargetObject:
        spec = catalog.objects.get(_CATALOG_NAME.get(obj, obj.value))
        if spec is not None:
            out[obj] = [f.name for f in spec.fields if f.mappable]
    return out


def _try(context: ReviewContext, what: str, module: str, function: str, *args: Any) -> Any:
    try:
        loader: Callable[..., Any] = getattr(importlib.import_module(module), function)
    except (ImportError, AttributeError):
        context.notices.append(f"{what}: {module}.{function} is not available")
        return None
    try:
        return loader(*args)
    except HlmapError as exc:
        context.notices.append(f"{what}: {exc}")
        return None
