"""What a column's values look like, read from the values themselves rather than the profile's label.

Profiling calls any short, repeated value set a pick-list; but ten distinct scores ('1', '2.0',
'7') are numbers, and four spellings of one date ('03/31', 'March', 'Dec 31') are not choices.
The shapes here let a custom field's dataType follow the value evidence, and spot constant
columns that say nothing about any one record.
"""

from __future__ import annotations

import re

from assistant.mapping.models import DataType
from assistant.profile.models import ColumnProfile, ValueCount
from assistant.profile.patterns import FALSE_WORDS, TRUE_WORDS
from assistant.propose.normalize import concepts, strip_accents

# Spellings of "no value" that must not count as a category or break a numeric reading.
# values that only stand for "no value" (an API's 'NotSet', a form's 'N/A')
PLACEHOLDERS = frozenset(
    {"", "n/a", "na", "n.a.", "none", "null", "nil", "-", "--", "?", "unknown", "tbd"}
    | {"notset", "not set", "undefined", "unset", "notspecified", "not specified"}
)
_NUMBER = re.compile(r"^[+-]?(\d{1,3}([,.\s]\d{3})+|\d+)([.,]\d+)?\s*%?$")
_CODES = "usd|eur|gbp|cad|aud|nzd|mxn|brl|ars|clp|cop|pen|chf|sek|nok|dkk|pln|jpy|cny|inr|zar"
_CURRENCY = re.compile(rf"^[$€£¥]|[$€£¥]$|^({_CODES})\s|\s({_CODES})$", re.IGNORECASE)
_LEADING_ZERO = re.compile(r"^0\d")
_SLASHED = re.compile(r"^\d{1,4}[/.]\d{1,2}([/.]\d{1,4})?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MONTH_NAMES = (
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december enero febrero marzo abril mayo junio julio agosto septiembre "
    "octubre noviembre diciembre janvier fevrier mars avril mai juin juillet aout septembre octobre "
    "novembre decembre januar februar marz juni juli oktober dezember"
)
_MONTHS = frozenset(_MONTH_NAMES.split())
# Numbers under these names are codes of a category (status 2, type 01), not quantities.
CODE_CONCEPTS = frozenset(
    {"type", "status", "stage", "priority", "reference", "identifier", "postal_code", "tax_id", "phone"}
)
NUMERIC_SHARE = 0.9


def shape_of(value: str) -> str:
    """One of number, money, date, text for a single cell."""
    text = value.strip()
    bare = _CURRENCY.sub("", text).strip()
    if _NUMBER.match(text):
        return "number"
    if _ISO.match(text) or _SLASHED.match(text):
        return "date"
    words = strip_accents(text).lower().replace(",", " ").split()
    if words and (words[0].rstrip(".") in _MONTHS or (len(words) == 2 and words[1].rstrip(".") in _MONTHS)):
        return "date"  # 'March', 'Dec 31', '31 dic.'
    if bare != text and _NUMBER.match(bare):
        return "money"
    return "text"


def meaningful(values: list[ValueCount]) -> list[ValueCount]:
    return [v for v in values if v.value.strip().lower() not in PLACEHOLDERS]


def _share(values: list[ValueCount], *shapes: str) -> float:
    total = sum(v.count for v in values)
    return sum(v.count for v in values if shape_of(v.value) in shapes) / total if total else 0.0


def is_code_list(column: ColumnProfile, values: list[ValueCount]) -> bool:
    """Numbers that label categories: zero-padded codes, or a column named for a type or status."""
    if any(_LEADING_ZERO.match(v.value.strip()) for v in values):
        return True
    return bool(set(concepts(column.column)[:1]) & CODE_CONCEPTS)


def options_data_type(column: ColumnProfile) -> DataType | None:
    """The dataType a pick-list's values call for when they are not really choices, else None."""
    values = meaningful(column.picklist or column.top_values)
    if not values:
        return None
    if _share(values, "number", "money") >= NUMERIC_SHARE and not is_code_list(column, values):
        return DataType.MONETORY if _share(values, "money") > 0.5 else DataType.NUMERICAL
    if _share(values, "date") >= NUMERIC_SHARE:
        # Dates in one complete shape are dates; a mix of partial spellings stays readable text.
        complete = all(_ISO.match(v.value.strip()) for v in values)
        return DataType.DATE if complete else DataType.TEXT
    return None


MIN_CONSTANT_ROWS = 10
CONSTANT_FILL = 0.7


def constant_value(column: ColumnProfile) -> str | None:
    """The one value (ignoring case and spaces) a well-filled column holds on every record, else None."""
    filled = column.row_count - column.null_count
    if filled < MIN_CONSTANT_ROWS or not column.row_count or filled / column.row_count < CONSTANT_FILL:
        return None
    values = column.picklist or column.top_values
    if not values or column.distinct_count > len(values):
        return None  # the profile kept only some of the values: cannot be sure
    if sum(v.count for v in values) < CONSTANT_FILL * filled:
        return None  # the counted values cover only some of the filled records
    spellings = {" ".join(v.value.lower().split()) for v in values}
    if len(spellings) == 1:
        return values[0].value.strip()
    # '0', 'no' and 'false' on every record: one flag state in several spellings is still a constant
    # (a spelled-out word among them: letters alone, 's' and 'v', may be codes of something else)
    spelled_out = any(len(v) > 1 and not v.isdigit() for v in spellings)
    for words, state in ((FALSE_WORDS, "false"), (TRUE_WORDS, "true")):
        if spelled_out and spellings <= words:
            return f"{state} (spelled {', '.join(sorted(spellings))})"
    return None


def single_value(col: ColumnProfile) -> str | None:
    """The one value of a column filled on a few records (three or more), else None."""
    values = col.picklist or col.top_values
    filled = col.row_count - col.null_count
    if col.distinct_count != 1 or filled < 3 or len(values) != 1 or values[0].count < filled:
        return None
    return values[0].value.strip()


_UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.IGNORECASE)


def all_uuids(col: ColumnProfile) -> bool:
    """Every value the profile kept (pick-list, top values, samples) a UUID: a key for machines, never a
    number people quote, even when a handful of them reads as a pick-list."""
    kept = [*(v.value for v in col.picklist), *(v.value for v in col.top_values), *col.samples]
    values = [v.strip() for v in kept if v and v.strip()]
    return bool(values) and all(_UUID.fullmatch(v) for v in values)
