"""New custom fields: data type from the profile, model from the object the field lives on.

A custom field's model cannot change once HighLevel has created it, so the model is derived
from one rule only — the object the source table maps to — and the reason is written down.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import CustomFieldSpec
from assistant.mapping.models import DataType, FieldModel, TargetObject
from assistant.profile.id_headers import leads_with_id_word
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.list_items import holds_record_details
from assistant.propose.normalize import (
    concepts,
    normalise,
    phrase_matcher,
    readable,
    reads_as_key,
    singular,
    snake,
    tokens,
)
from assistant.propose.picklist_evidence import written_not_chosen
from assistant.propose.record_qualifiers import qualified_head
from assistant.propose.value_shapes import options_data_type
from assistant.propose.vocabulary import FIELD_CONCEPTS
from assistant.propose.vocabulary_records import RECORD_NOUNS

S = SemanticType
T = TargetObject

MODEL_OF_OBJECT: dict[TargetObject, FieldModel] = {
    T.CONTACT: FieldModel.CONTACT,
    T.OPPORTUNITY: FieldModel.OPPORTUNITY,
    T.COMPANY: FieldModel.COMPANY,
    T.CUSTOM_OBJECT: FieldModel.CUSTOM_OBJECT,
}

_KEY_PREFIX = {
    FieldModel.CONTACT: "contact",
    FieldModel.OPPORTUNITY: "opportunity",
    FieldModel.COMPANY: "business",
}

_TYPE_OF_SEMANTIC: dict[SemanticType, DataType] = {
    S.MONEY: DataType.MONETORY,
    S.DATE: DataType.DATE,
    S.DATETIME: DataType.DATE,
    S.INTEGER: DataType.NUMERICAL,
    S.DECIMAL: DataType.NUMERICAL,
    S.BOOLEAN: DataType.CHECKBOX,
    S.EMAIL: DataType.EMAIL,
    S.PHONE: DataType.PHONE,
    S.PICKLIST: DataType.SINGLE_OPTIONS,
    S.MULTI_VALUE: DataType.MULTIPLE_OPTIONS,
}

_COMPATIBLE: dict[DataType, set[str]] = {
    DataType.TEXT: {"TEXT", "LARGE_TEXT", "SINGLE_OPTIONS", "RADIO"},
    DataType.LARGE_TEXT: {"LARGE_TEXT", "TEXT"},
    DataType.SINGLE_OPTIONS: {"SINGLE_OPTIONS", "RADIO", "TEXT"},
    DataType.MULTIPLE_OPTIONS: {"MULTIPLE_OPTIONS", "CHECKBOX", "TEXT"},
    DataType.CHECKBOX: {"CHECKBOX", "SINGLE_OPTIONS", "RADIO"},
    DataType.NUMERICAL: {"NUMERICAL", "MONETORY"},
    DataType.MONETORY: {"MONETORY", "NUMERICAL"},
}


def _short_items(column: ColumnProfile) -> bool:
    """Multi-value cells of short labels (options), not sentences that merely contain commas."""
    if (column.avg_length or 0) > 30:
        return False
    items = [i for v in column.top_values for i in v.value.split(column.separator or ",")]
    return all(len(i.split()) <= 3 and not i.strip().endswith(".") for i in items)


def data_type_for(column: ColumnProfile) -> DataType:
    """HighLevel dataType for a column's values, from its profiled semantic type."""
    if column.semantic_type == S.MULTI_VALUE and (not _short_items(column) or holds_record_details(column)):
        return DataType.LARGE_TEXT if (column.max_length or 0) > 255 else DataType.TEXT
    labels = concepts(column.column)[:1] == ("tags",) and not column.separator
    if column.semantic_type == S.PICKLIST and labels:
        # labels ('Hot', 'hot ') on a record that holds no tags: kept as written, never options
        return DataType.TEXT
    if column.semantic_type == S.PICKLIST:
        # Few distinct numbers or dates are still numbers or dates: the values decide, not the count.
        by_values = options_data_type(column)
        if by_values is not None:
            return by_values
        if written_not_chosen(column):
            return DataType.LARGE_TEXT if (column.max_length or 0) > 255 else DataType.TEXT
    if concepts(column.column)[:1] == ("tax_id",):
        return DataType.TEXT  # a registration number whose digits may look like a phone or an amount
    if column.semantic_type == S.INTEGER and (
        reads_as_key(column.column) or leads_with_id_word(column.column)
    ):
        return DataType.TEXT  # whole numbers named as keys identify records: nothing to add up
    if column.semantic_type == S.DECIMAL and concepts(column.column)[:1] == ("amount",):
        return DataType.MONETORY  # decimals named as an amount ('Projected Revenue') are money
    if column.semantic_type in _TYPE_OF_SEMANTIC:
        return _TYPE_OF_SEMANTIC[column.semantic_type]
    if (column.max_length or 0) > 255 or (column.avg_length or 0) > 120:
        return DataType.LARGE_TEXT
    return DataType.TEXT


def options_for(column: ColumnProfile, data_type: DataType) -> list[str]:
    if data_type == DataType.CHECKBOX:
        return ["Yes"]
    if data_type not in (DataType.SINGLE_OPTIONS, DataType.MULTIPLE_OPTIONS):
        return []
    values = column.picklist or column.top_values
    if data_type == DataType.MULTIPLE_OPTIONS and column.separator:
        split = [part.strip() for v in values for part in v.value.split(column.separator)]
        return list(dict.fromkeys(p for p in split if p))[:100]
    return [v.value.strip() for v in values if v.value.strip()][:100]


def model_reason(model: FieldModel, source_object: str, target: TargetObject) -> str:
    return (
        f"'{source_object}' maps to HighLevel {target.value} records, so the field is created with "
        f"model {model.value}; a custom field's model cannot be changed after creation"
    )


def field_key(model: FieldModel, name: str, custom_object_key: str | None) -> str:
    if model == FieldModel.CUSTOM_OBJECT:
        return f"{custom_object_key or 'custom_objects.record'}.{snake(name)}"
    return f"{_KEY_PREFIX[model]}.{snake(name)}"


def new_field(
    column: ColumnProfile,
    name: str,
    target: TargetObject,
    source_object: str,
    custom_object_key: str | None = None,
    data_type: DataType | None = None,
) -> CustomFieldSpec:
    model = MODEL_OF_OBJECT[target]
    dtype = data_type or data_type_for(column)
    return CustomFieldSpec(
        name=name,
        field_key=field_key(model, name, custom_object_key),
        data_type=dtype,
        model=model,
        options=options_for(column, dtype),
        model_reason=model_reason(model, source_object, target),
    )


_PREFIXES = {"cf", "custom", "cust", "field", "campo", "personalizado"}
_RECORD_WORDS = {
    "contact",
    "company",
    "deal",
    "opportunity",
    "client",
    "lead",
    "account",
    "job",
    "customer",
    "contacto",
    "cliente",
    "empresa",
}


def label_for(column: ColumnProfile) -> str:
    """A readable name: 'cf_company_annual_revenue' -> 'Annual Revenue' (export prefixes dropped)."""
    words = tokens(column.column)
    start = 0
    while start < len(words) - 1 and words[start] in _PREFIXES:
        start += 1
    if start and start < len(words) - 1 and words[start] in _RECORD_WORDS:
        start += 1
    if start == 0:
        return readable(column.column)
    return readable(" ".join(words[start:]))


record_nouns = phrase_matcher(RECORD_NOUNS)
_VAGUE_CONCEPTS = {"identifier", "name", "date", "notes", "type", "order", "title"}
_KIND_OWN_CONCEPTS = {"reference", "amount", "status", "created_at", "updated_at", "due_date", "paid"}


def _same_record(field_name: str, column: str, table: str) -> bool:
    """A field named for a record kind fits a column naming that kind, or a plain column of such a table."""
    wanted = set(record_nouns(field_name))
    if not wanted or qualified_head(field_name, column):  # 'Payment Terms' is the contact's, for 'Terms'
        return True
    named = set(record_nouns(column))
    if (named or set(record_nouns(" ".join(singular(w) for w in tokens(table))))) & wanted:
        return True
    # the record noun is a word of the one setting both name ('Payment Terms' for 'transactionterms'),
    # never a number, date or amount, which a record of the named kind carries itself
    shared = (set(concepts(field_name)) - _VAGUE_CONCEPTS - _KIND_OWN_CONCEPTS) & set(concepts(column))
    return any(normalise(field_name) in FIELD_CONCEPTS[concept] for concept in shared)


CONCEPT_SIMILARITY = 0.9  # header and field name say one concept ('Numéro TVA', 'N° TVA intra…')
NAME_TIE_BREAK = 0.05  # their spelled similarity, weighed only to part fields of the same concept


def find_reusable(
    spec: CustomFieldSpec,
    column: ColumnProfile,
    destination: DestinationState | None,
    table: str = "",
    taken: frozenset[str] = frozenset(),
) -> tuple[CustomFieldSpec, float] | None:
    """An existing destination field with the same model, a compatible type and a similar name.

    A field whose name names a record kind ('Número de factura') only fits tables of that kind,
    and a field already fed by another column of the same table (``taken``) is not offered twice.
    """
    if destination is None:
        return None
    wanted_model = "business" if spec.model == FieldModel.COMPANY else spec.model.value
    col_concepts = set(concepts(column.column)) - _VAGUE_CONCEPTS
    best: tuple[CustomFieldSpec, float] | None = None
    for cf in destination.customFields:
        if cf.model.lower() not in (spec.model.value, wanted_model) or cf.fieldKey in taken:
            continue
        if not _same_record(cf.name, column.column, table or column.table):
            continue
        if spec.model == FieldModel.CUSTOM_OBJECT and not cf.fieldKey.startswith(
            spec.field_key.rsplit(".", 1)[0] + "."
        ):
            continue  # a field of another custom object
        similarity = (
            max(
                fuzz.token_set_ratio(normalise(spec.name), normalise(cf.name)),
                fuzz.token_set_ratio(normalise(column.column), normalise(cf.name)),
            )
            / 100
        )
        # Loosely typed text may still feed a typed field of the very same name (values converted).
        same_name = similarity >= 0.95 and spec.data_type == DataType.TEXT
        if (
            cf.dataType.upper() not in _COMPATIBLE.get(spec.data_type, {spec.data_type.value})
            and not same_name
        ):
            continue
        if col_concepts & set(concepts(cf.name)):  # two fields of one concept: the nearer name wins the tie
            similarity = max(similarity, CONCEPT_SIMILARITY + NAME_TIE_BREAK * similarity)
        if similarity >= 0.85 and (best is None or similarity > best[1]):
            reused = spec.model_copy(
                update={
                    "name": cf.name,
                    "field_key": cf.fieldKey,
                    "existing_id": cf.id,
                    "data_type": _data_type(cf.dataType, spec.data_type),
                    "options": list(cf.picklistOptions) or spec.options,
                }
            )
            best = (reused, similarity)
    return best


def _data_type(spelled: str, default: DataType) -> DataType:
    try:
        return DataType(spelled.upper())
    except ValueError:
        return default
