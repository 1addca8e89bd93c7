"""Documents whose contact HighLevel would not accept on an invoice or estimate are held back.

HighLevel's create-invoice and create-estimate answer 422 when ``contactDetails.email`` or
``contactDetails.phoneNo`` is empty, though the published docs mark them optional
(GoHighLevel/highlevel-api-docs#16). A document whose contact record has no email or no phone is
therefore reported at compile time, with the contact and what it lacks, and not sent to fail;
its lines follow it (they are compiled after the documents).
"""

from __future__ import annotations

import duckdb

from assistant.execute.lines import is_line_spec
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec
from assistant.execute.transforms.sqltext import lit

FIELD = "contactDetails"


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def hold_documents_without_contact_details(con: duckdb.DuckDBPyConnection, specs: list[RecordSpec]) -> None:
    for spec in specs:
        ref = next((r for r in spec.refs if r.key == "contactId"), None)
        if spec.target not in DOCUMENT_KINDS or is_line_spec(spec) or ref is None:
            continue
        found = f"""SELECT d.source_key, d."row", c.source_key AS contact,
            coalesce(json_extract_string(c."values", '$.email'), '') = '' AS no_email,
            coalesce(json_extract_string(c."values", '$.phone'), '') = '' AS no_phone
            FROM exec.records d JOIN exec.records c ON c.target = {lit(ref.target)}
            AND c.source_object = {lit(ref.source_object)}
            AND c.source_key = json_extract_string(d."values", '$."ref:contactId"')
            WHERE d.target = {lit(spec.target)} AND d.source_object = {lit(spec.source_object)}"""
        missing = (
            "concat_ws(' and ', CASE WHEN no_email THEN 'email' END, CASE WHEN no_phone THEN 'phone' END)"
        )
        message = (
            f"'HighLevel refuses {_article(spec.target)} {spec.target} whose contact has no email or phone "
            f"(contactDetails.email, contactDetails.phoneNo): {ref.source_object} ' || contact || ' has no ' "
            f"|| {missing} || ': record not migrated'"
        )
        con.execute(
            f"""INSERT INTO exec.transform_errors SELECT {lit(spec.source_object)}, {lit(spec.target)},
            source_key, "row", {lit("required:" + FIELD)}, {lit(FIELD)}, {message}, true
            FROM ({found}) WHERE no_email OR no_phone"""
        )
        con.execute(
            f"""DELETE FROM exec.records WHERE target = {lit(spec.target)}
            AND source_object = {lit(spec.source_object)} AND source_key IN (
            SELECT source_key FROM ({found}) WHERE no_email OR no_phone)"""
        )
