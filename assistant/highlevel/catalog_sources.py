"""Where each HighLevel object is defined in the official spec, and the semantic hint table.

Only *pointers* live here: the fields themselves, their types, formats, enums and required
flags are read from the spec files when the catalog loads (``catalog.py``). The hint table is
the one hand-written piece of knowledge: it says which spec field names carry which kind of
value (email, phone, date...), so the proposer can match by meaning as well as by name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ObjectSource:
    label: str
    spec: str  # spec file stem
    schemas: tuple[str, ...] = ()  # component schemas whose properties are unioned, first wins
    operation: tuple[str, str] | None = None  # (method, path) whose request body defines the object
    create: tuple[str, str] | None = None  # the operation that creates one, when the API has it
    read_only: bool = False  # only readable through API v2 (set up by an admin in HighLevel)


OBJECT_SOURCES: dict[str, ObjectSource] = {
    "contact": ObjectSource(
        "Contact", "contacts", ("CreateContactDto", "UpsertContactDto"), create=("POST", "/contacts/")
    ),
    "business": ObjectSource(
        "Business (company)", "businesses", ("CreateBusinessDto",), create=("POST", "/businesses/")
    ),
    "opportunity": ObjectSource(
        "Opportunity",
        "opportunities",
        ("CreateDto", "UpdateStatusDto"),  # lostReasonId: sent through the status endpoint after the create
        create=("POST", "/opportunities/"),
    ),
    "task": ObjectSource(
        "Task", "contacts", ("CreateTaskParams",), create=("POST", "/contacts/{contactId}/tasks")
    ),
    "note": ObjectSource("Note", "contacts", ("NotesDTO",), create=("POST", "/contacts/{contactId}/notes")),
    "appointment": ObjectSource(
        "Appointment",
        "calendars",
        ("AppointmentCreateSchema",),
        create=("POST", "/calendars/events/appointments"),
    ),
    "user": ObjectSource("User", "users", ("UserSchema",), read_only=True),
    "tag": ObjectSource(
        "Tag", "locations", ("tagBody", "LocationTagsSchema"), create=("POST", "/locations/{locationId}/tags")
    ),
    "location_custom_field": ObjectSource(
        "Custom field (contact/opportunity)",
        "locations",
        ("CreateCustomFieldsDTO",),
        create=("POST", "/locations/{locationId}/customFields"),
    ),
    "custom_object": ObjectSource(
        "Custom object schema", "objects", ("CreateCustomObjectSchemaDTO",), create=("POST", "/objects/")
    ),
    "custom_object_field": ObjectSource(
        "Custom object / business field",
        "custom-fields",
        ("CreateCustomFieldsDTO",),
        create=("POST", "/custom-fields/"),
    ),
    # The spec leaves a record's body open: its fields are the custom object's own fields, which
    # live in the destination state (customFields with model "custom_object" and its objectKey).
    "custom_object_record": ObjectSource(
        "Custom object record",
        "objects",
        ("CreateCustomObjectRecordDto",),
        create=("POST", "/objects/{schemaKey}/records"),
    ),
    "association": ObjectSource(
        "Association definition",
        "associations",
        ("createAssociationReqDto",),
        create=("POST", "/associations/"),
    ),
    "relation": ObjectSource(
        "Association relation",
        "associations",
        ("createRelationReqDto",),
        create=("POST", "/associations/relations"),
    ),
    "pipeline": ObjectSource("Pipeline", "opportunities", ("PipelinesResponseSchema",), read_only=True),
    "media_file": ObjectSource(
        "Media file",
        "medias",
        operation=("POST", "/medias/upload-file"),
        create=("POST", "/medias/upload-file"),
    ),
    "product": ObjectSource("Product", "products", ("CreateProductDto",), create=("POST", "/products/")),
    "price": ObjectSource(
        "Price", "products", ("CreatePriceDto",), create=("POST", "/products/{productId}/price")
    ),
}

# Filled by the client from its context, never mapped from source data.
CONTEXT_FIELDS = frozenset({"locationId"})

# How a record carries values of its custom fields: ``customFields: [{id, field_value}]``.
CUSTOM_VALUES_FIELD = "customFields"

SEMANTIC_HINTS: dict[str, str] = {
    "email": "email",
    "phone": "phone",
    "website": "url",
    "fileUrl": "url",
    "image": "url",
    "firstName": "person_name",
    "lastName": "person_name",
    "contact.name": "person_name",
    "user.name": "person_name",
    "business.name": "company_name",
    "companyName": "company_name",
    "address1": "address",
    "address": "address",
    "city": "city",
    "state": "region",
    "postalCode": "postal_code",
    "country": "country",
    "dateOfBirth": "date",
    "dueDate": "datetime",
    "startTime": "datetime",
    "endTime": "datetime",
    "monetaryValue": "money",
    "amount": "money",
    "setupFee": "money",
    "compareAtPrice": "money",
    "dnd": "boolean",
    "completed": "boolean",
    "pinned": "boolean",
    "tags": "multi_value",
    "status": "picklist",
    "appointmentStatus": "picklist",
    "productType": "picklist",
    "dataType": "picklist",
    "currency": "picklist",
    "timezone": "picklist",
    "assignedTo": "foreign_key",
    "assignedUserId": "foreign_key",
    "userId": "foreign_key",
    "contactId": "foreign_key",
    "pipelineId": "foreign_key",
    "pipelineStageId": "foreign_key",
    "calendarId": "foreign_key",
    "body": "free_text",
    "description": "free_text",
    "title": "free_text",
    "source": "free_text",
    "sku": "identifier",
}
"""Spec field name (or ``object.field`` where the object changes its meaning) → the profile's
``SemanticType`` value it usually holds."""
