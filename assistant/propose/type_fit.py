"""How well a column's profiled value type fits a target field's kind.

1 fits; a low figure means landing the values there would lose data or meaning (a date in a number
field, a company name in an owner field).
"""

from __future__ import annotations

from assistant.profile.models import SemanticType

S = SemanticType

_TEXTUAL = {
    S.PERSON_NAME,
    S.COMPANY_NAME,
    S.ADDRESS,
    S.CITY,
    S.REGION,
    S.POSTAL_CODE,
    S.COUNTRY,
    S.FREE_TEXT,
    S.IDENTIFIER,
}

# How well a profiled value type fits a target field's kind (1 fits, low means a conversion would lose data).
_FIT: dict[SemanticType, dict[str, float]] = {
    S.EMAIL: {"email": 1.0, "text": 0.5, "owner": 0.9},
    S.PHONE: {"phone": 1.0, "text": 0.5},
    S.URL: {"url": 1.0, "text": 0.6},
    S.DATE: {"date": 1.0, "text": 0.4},
    S.DATETIME: {"date": 1.0, "text": 0.4},
    S.MONEY: {"money": 1.0, "number": 0.8, "text": 0.4},
    S.DECIMAL: {"number": 1.0, "money": 0.85, "text": 0.5},
    S.INTEGER: {"number": 1.0, "money": 0.7, "text": 0.6, "lookup": 0.6, "owner": 0.6, "stage": 0.6},
    S.BOOLEAN: {"boolean": 1.0, "options": 0.8, "text": 0.4},
    S.PICKLIST: {
        "options": 1.0,
        "stage": 1.0,
        "pipeline": 1.0,
        "outcome": 1.0,
        "text": 0.9,
        "tags": 0.85,
        "owner": 0.8,
        "boolean": 0.6,
    },
    S.MULTI_VALUE: {"tags": 1.0, "options": 0.9, "text": 0.7, "email": 0.75, "phone": 0.75},
    S.FOREIGN_KEY: {"lookup": 1.0, "owner": 1.0, "stage": 1.0, "text": 0.5},
}


def type_fit(semantic: SemanticType, value_kind: str) -> float:
    if semantic == S.EMPTY:
        return 0.7
    if semantic in _TEXTUAL:
        person_or_key = semantic in (S.PERSON_NAME, S.IDENTIFIER)
        table = {
            "text": 1.0,
            "options": 0.7,
            "url": 0.5,
            "owner": 0.8 if person_or_key else 0.4,
            "pipeline": 0.8,
            "outcome": 0.6,
            "stage": 0.8,
            "lookup": 0.8 if semantic == S.IDENTIFIER else 0.3,
        }
        return table.get(value_kind, 0.25)
    return _FIT.get(semantic, {}).get(value_kind, 0.3)
