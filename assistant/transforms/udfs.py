"""Vectorised Python UDFs for what SQL alone cannot judge: names, phone numbers, email syntax.

Each function receives a whole arrow batch and answers a struct ``{value, error}`` per row, so a
value that cannot be converted is reported (``error``) instead of being sent garbled. Results are
cached per distinct input: exports repeat values, and libphonenumber is the slow part.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

import duckdb
import phonenumbers
import pyarrow as pa
from email_validator import EmailNotValidError, validate_email

from assistant.transforms.countries import country_batch
from assistant.transforms.names import split_name

RESULT = pa.struct([("value", pa.string()), ("error", pa.string())])
NAME = pa.struct([("first", pa.string()), ("last", pa.string())])
RESULT_SQL = "STRUCT(value VARCHAR, error VARCHAR)"
NAME_SQL = "STRUCT(first VARCHAR, last VARCHAR)"


@lru_cache(maxsize=200_000)
def phone_e164(raw: str, region: str) -> tuple[str | None, str | None]:
    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region or None)
    except phonenumbers.NumberParseException as exc:
        return None, f"not a phone number: {exc}"
    if not phonenumbers.is_valid_number(number):
        return None, f"not a valid phone number for region {region or '?'}"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


@lru_cache(maxsize=200_000)
def email_normalised(raw: str) -> tuple[str | None, str | None]:
    candidate = raw.replace(";", ",").split(",")[0].strip()
    try:
        checked = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError as exc:
        return None, f"not a valid email: {exc}"
    return checked.normalized.lower(), None


@lru_cache(maxsize=200_000)
def _name(raw: str, spanish: bool) -> tuple[str | None, str | None]:
    return split_name(raw, spanish)


def _phone_batch(values: pa.Array, regions: pa.Array) -> pa.Array:
    out = [
        None
        if v is None or not v.strip()
        else dict(zip(("value", "error"), phone_e164(v, r or ""), strict=True))
        for v, r in zip(values.to_pylist(), regions.to_pylist(), strict=True)
    ]
    return pa.array(out, type=RESULT)


def _email_batch(values: pa.Array) -> pa.Array:
    out = [
        None
        if v is None or not v.strip()
        else dict(zip(("value", "error"), email_normalised(v), strict=True))
        for v in values.to_pylist()
    ]
    return pa.array(out, type=RESULT)


def _name_batch(values: pa.Array, spanish: pa.Array) -> pa.Array:
    out = [
        None if v is None else dict(zip(("first", "last"), _name(v, bool(s)), strict=True))
        for v, s in zip(values.to_pylist(), spanish.to_pylist(), strict=True)
    ]
    return pa.array(out, type=NAME)


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Make ``hl_phone``, ``hl_email``, ``hl_name`` and ``hl_country`` available on ``con`` (idempotent)."""
    existing = {
        row[0]
        for row in con.execute(
            "SELECT function_name FROM duckdb_functions() WHERE function_name LIKE 'hl\\_%' ESCAPE '\\'"
        ).fetchall()
    }
    specs = [
        ("hl_phone", _phone_batch, ["VARCHAR", "VARCHAR"], RESULT_SQL),
        ("hl_email", _email_batch, ["VARCHAR"], RESULT_SQL),
        ("hl_name", _name_batch, ["VARCHAR", "BOOLEAN"], NAME_SQL),
        ("hl_country", country_batch, ["VARCHAR"], RESULT_SQL),
    ]
    for name, func, params, returns in specs:
        if name not in existing:
            # the stubs do not know arrow UDFs take batches; DuckDB does
            register_udf = cast(Any, con).create_function
            register_udf(name, func, params, returns, type="arrow", side_effects=False)
