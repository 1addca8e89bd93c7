"""Each detector and format on real-shaped raw tables (Spanish API dump, US CSV export)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.profile import profile_workspace
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.workspace import Workspace
from tests.test_profile_data import load_all


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, TableProfile]]:
    workspace = Workspace(tmp_path_factory.mktemp("ws")).ensure()
    load_all(workspace.connect())
    yield {p.table: p for p in profile_workspace(workspace)}
    workspace.close()


def col(profiles: dict[str, TableProfile], table: str, column: str) -> ColumnProfile:
    return next(c for c in profiles[table].columns if c.column == column)


def test_email_detected_with_evidence(profiles: dict[str, TableProfile]) -> None:
    email = col(profiles, "clients", "email")
    assert email.semantic_type is SemanticType.EMAIL
    assert email.type_share == 1.0
    assert "email pattern" in email.evidence[0]


def test_spanish_phone_gets_country_es(profiles: dict[str, TableProfile]) -> None:
    phone = col(profiles, "clients", "phone")
    assert (phone.semantic_type, phone.country) == (SemanticType.PHONE, "ES")


def test_us_phone_gets_country_us(profiles: dict[str, TableProfile]) -> None:
    phone = col(profiles, "us_clients", "Phone")
    assert (phone.semantic_type, phone.country) == (SemanticType.PHONE, "US")


def test_url(profiles: dict[str, TableProfile]) -> None:
    assert col(profiles, "clients", "website").semantic_type is SemanticType.URL


def test_person_and_company_names(profiles: dict[str, TableProfile]) -> None:
    assert col(profiles, "clients", "name").semantic_type is SemanticType.PERSON_NAME
    assert col(profiles, "clients", "legal-name").semantic_type is SemanticType.COMPANY_NAME


def test_address_parts(profiles: dict[str, TableProfile]) -> None:
    expected = {
        "main-address.address-data": SemanticType.ADDRESS,
        "main-address.city-town": SemanticType.CITY,
        "main-address.province": SemanticType.REGION,
        "main-address.postal-code": SemanticType.POSTAL_CODE,
        "main-address.country": SemanticType.COUNTRY,
    }
    assert {name: col(profiles, "clients", name).semantic_type for name in expected} == expected
    us = {c.column: c.semantic_type for c in profiles["us_clients"].columns}
    assert (us["Street"], us["State"], us["Zip"]) == (
        SemanticType.ADDRESS,
        SemanticType.REGION,
        SemanticType.POSTAL_CODE,
    )


def test_spanish_tax_id_is_identifier(profiles: dict[str, TableProfile]) -> None:
    nif = col(profiles, "clients", "tax-identification-number")
    assert nif.semantic_type is SemanticType.IDENTIFIER
    assert "tax ids" in nif.evidence[0]


def test_iso_offset_datetime(profiles: dict[str, TableProfile]) -> None:
    created = col(profiles, "clients", "creation-date")
    assert (created.semantic_type, created.format) == (SemanticType.DATETIME, "iso-offset")
    assert created.min_value is not None and created.min_value.startswith("2025-01-01")


def test_day_first_date(profiles: dict[str, TableProfile]) -> None:
    alta = col(profiles, "clients", "alta")
    assert (alta.semantic_type, alta.format) == (SemanticType.DATE, "%d/%m/%Y")
    assert (alta.min_value, alta.max_value) == ("2024-01-01 00:00:00", "2024-12-28 00:00:00")


def test_month_first_date(profiles: dict[str, TableProfile]) -> None:
    created = col(profiles, "us_clients", "Created")
    assert (created.semantic_type, created.format) == (SemanticType.DATE, "%m/%d/%Y")


def test_ymd_hm_datetime(profiles: dict[str, TableProfile]) -> None:
    scheduled = col(profiles, "us_clients", "Scheduled")
    assert (scheduled.semantic_type, scheduled.format) == (SemanticType.DATETIME, "%Y-%m-%d %H:%M")


def test_spanish_money(profiles: dict[str, TableProfile]) -> None:
    balance = col(profiles, "clients", "balance")
    assert (balance.semantic_type, balance.locale, balance.currency) == (SemanticType.MONEY, "es", "EUR")
    assert balance.min_value is not None and float(balance.min_value) == 1000.0


def test_us_money(profiles: dict[str, TableProfile]) -> None:
    total = col(profiles, "us_clients", "Total")
    assert (total.semantic_type, total.locale, total.currency) == (SemanticType.MONEY, "en", "USD")
    assert total.max_value is not None and float(total.max_value) == 5159.59


def test_integer(profiles: dict[str, TableProfile]) -> None:
    discount = col(profiles, "clients", "discount-percentage")
    assert (discount.semantic_type, discount.min_value, discount.max_value) == (
        SemanticType.INTEGER,
        "0",
        "15",
    )


def test_booleans(profiles: dict[str, TableProfile]) -> None:
    activo = col(profiles, "clients", "activo")
    assert (activo.semantic_type, activo.true_values) == (SemanticType.BOOLEAN, ["sí"])
    taxable = col(profiles, "us_clients", "Taxable")
    assert (taxable.semantic_type, taxable.true_values) == (SemanticType.BOOLEAN, ["Y"])
    settled = col(profiles, "salesEstimates", "settled")
    assert (settled.semantic_type, settled.true_values) == (SemanticType.BOOLEAN, ["true"])


def test_picklist_with_frequencies(profiles: dict[str, TableProfile]) -> None:
    estado = col(profiles, "clients", "estado")
    assert estado.semantic_type is SemanticType.PICKLIST
    assert {(v.value, v.count) for v in estado.picklist} == {
        ("Pendiente", 30),
        ("Aceptado", 30),
        ("Rechazado", 30),
        ("Enviado", 30),
    }


def test_tag_cells_are_multi_value(profiles: dict[str, TableProfile]) -> None:
    tags = col(profiles, "clients", "tags")
    assert (tags.semantic_type, tags.separator) == (SemanticType.MULTI_VALUE, ";")


def test_several_emails_in_one_cell(profiles: dict[str, TableProfile]) -> None:
    emails = col(profiles, "us_clients", "Emails")
    assert (emails.semantic_type, emails.separator) == (SemanticType.MULTI_VALUE, ";")


def test_free_text_and_empty(profiles: dict[str, TableProfile]) -> None:
    assert col(profiles, "clients", "comments").semantic_type is SemanticType.FREE_TEXT
    notas = col(profiles, "clients", "notas")
    assert (notas.semantic_type, notas.null_share) == (SemanticType.EMPTY, 1.0)


def test_mostly_empty_column_keeps_its_type_and_null_share(profiles: dict[str, TableProfile]) -> None:
    fax = col(profiles, "clients", "fax")
    assert fax.semantic_type is SemanticType.PHONE
    assert fax.null_count == 118 and round(fax.null_share, 2) == 0.98


def test_stats(profiles: dict[str, TableProfile]) -> None:
    estado = col(profiles, "clients", "estado")
    assert (estado.row_count, estado.distinct_count, estado.null_count) == (120, 4, 0)
    assert estado.top_values[0].count == 30 and len(estado.samples) == 4
    assert (estado.min_length, estado.max_length) == (7, 9)
    ident = col(profiles, "clients", "id")
    assert ident.unique_share == 1.0 and len(ident.samples) == 5


def test_primary_key_candidates(profiles: dict[str, TableProfile]) -> None:
    assert profiles["clients"].primary_key == "id"
    assert profiles["us_clients"].primary_key == "Client ID"
    assert profiles["salesEstimates__lines"].primary_key is None


def test_account_id_and_path_resolve_to_clients(profiles: dict[str, TableProfile]) -> None:
    account = col(profiles, "salesEstimates", "account-id")
    assert account.semantic_type is SemanticType.FOREIGN_KEY
    assert account.foreign_key is not None
    fk = account.foreign_key
    assert (fk.target_table, fk.target_column, fk.path_column) == ("clients", "id", "account-path")
    assert fk.resolved_share == pytest.approx(79 / 80)  # one estimate points at a deleted client
    assert col(profiles, "salesEstimates", "account-path").semantic_type is SemanticType.FOREIGN_KEY


def test_child_table_parent(profiles: dict[str, TableProfile]) -> None:
    assert profiles["salesEstimates__lines"].parent_table == "salesEstimates"
    assert all(not c.column.startswith("_") for c in profiles["salesEstimates__lines"].columns)


def test_duplicate_emails_differing_in_case(profiles: dict[str, TableProfile]) -> None:
    groups = [g for g in profiles["clients"].duplicates if g.column == "email"]
    assert [(g.value, g.row_numbers) for g in groups] == [("juan.0@correo.es", [1, 8])]


def test_duplicate_phones_digits_normalised(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        "CREATE TABLE raw.leads AS SELECT * FROM (VALUES "
        "('+34 612 345 678', 1), ('612345678', 2), ('0034 612-345-678', 3), ('+34 699 111 222', 4), "
        "('+34 655 000 111', 5)) t(phone, _row)"
    )
    (leads,) = profile_workspace(workspace)
    assert [(g.value, g.row_numbers) for g in leads.duplicates] == [("612345678", [1, 2, 3])]
    workspace.close()


def test_csv_reference_columns_and_list_shapes(tmp_path: Path) -> None:
    """A US CSV export: `Job #` references, comma tag lists vs prose with commas, JSON arrays."""
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        "CREATE TABLE raw.jobs AS SELECT 'J-' || (10000 + i) AS \"Job #\", i + 1 AS _row FROM range(50) t(i)"
    )
    con.execute(
        "CREATE TABLE raw.invoices AS SELECT 'INV-' || i AS \"Invoice #\", "
        "'J-' || (10000 + i % 40) AS \"Job #\", "
        "['Commercial, Maintenance Plan', 'Residential', 'Commercial', 'VIP, Residential'][i % 4 + 1] "
        'AS "Tags", '
        "['Bring ladder, two story house. Call first.', 'Gate code at the office, ask Mike.', "
        " 'Customer prefers mornings, not weekends.'][i % 3 + 1] AS \"Notes\", "
        "['[]', '[\"Moroso\"]', '[\"Captado por web\", \"VIP\"]'][i % 3 + 1] AS tags_json, "
        "i + 1 AS _row FROM range(60) t(i)"
    )
    profiles = {p.table: p for p in profile_workspace(workspace)}
    workspace.close()
    job = col(profiles, "invoices", "Job #")
    assert job.foreign_key is not None
    assert (job.foreign_key.target_table, job.foreign_key.target_column) == ("jobs", "Job #")
    assert job.foreign_key.resolved_share == 1.0
    tags = col(profiles, "invoices", "Tags")
    assert (tags.semantic_type, tags.separator) == (SemanticType.MULTI_VALUE, ",")
    assert col(profiles, "invoices", "Notes").semantic_type is not SemanticType.MULTI_VALUE
    arrays = col(profiles, "invoices", "tags_json")
    assert (arrays.semantic_type, arrays.separator) == (SemanticType.MULTI_VALUE, "json")
    assert profiles["invoices"].primary_key == "Invoice #"


def test_sampled_table_still_sees_a_sparse_column(tmp_path: Path) -> None:
    """Above the sample size, a column filled on 0.2% of rows is still typed from its own values."""
    workspace = Workspace(tmp_path).ensure()
    workspace.connect().execute(
        "CREATE TABLE raw.leads AS SELECT "
        "CASE WHEN i % 500 = 0 THEN 'lead' || i || '@mail.com' END AS email, "
        "CASE WHEN i % 3 = 0 THEN 'sí' ELSE 'no' END AS optin, i + 1 AS _row FROM range(50000) t(i)"
    )
    (leads,) = profile_workspace(workspace)
    workspace.close()
    email = col({"leads": leads}, "leads", "email")
    assert (email.semantic_type, email.null_count, email.row_count) == (SemanticType.EMAIL, 49900, 50000)
    optin = col({"leads": leads}, "leads", "optin")
    assert optin.semantic_type is SemanticType.BOOLEAN
    assert {(v.value, v.count) for v in optin.top_values} == {("sí", 16667), ("no", 33333)}


def test_iso_times_with_and_without_offset_are_one_datetime_column(tmp_path: Path) -> None:
    """A small history export mixes offsets (+0100, .000+01:00) with wall-clock times: every value is
    an ISO date-time, so the column is one, however few rows carry an offset."""
    workspace = Workspace(tmp_path).ensure()
    values = [
        "2023-01-19T10:43:00+0100",
        "2022-08-08T18:13:00",
        "2023-06-21T13:46:00.000+01:00",
        "2023-03-29T16:50:00",
        "2022-04-27T11:57:00+0200",
        "2023-11-14T18:37:00",
        "2022-07-31T08:02:00+0200",
        "2023-12-16T13:49:00",
        "2024-11-24T18:57:00+0100",
        "2024-05-17T18:31:00.000+01:00",
        "2024-03-08T13:18:00",
        "2022-06-08T11:17:00+0200",
    ]
    rows = ", ".join(f"('{v}', {n})" for n, v in enumerate(values, start=1))
    workspace.connect().execute(f"CREATE TABLE raw.history AS SELECT * FROM (VALUES {rows}) t(date, _row)")
    (history,) = profile_workspace(workspace)
    workspace.close()
    date = col({"history": history}, "history", "date")
    assert (date.semantic_type, date.format) == (SemanticType.DATETIME, "iso-offset")
    assert any("without offset" in e for e in date.evidence)


def test_tags_separated_by_star_slash_star_are_a_list(tmp_path: Path) -> None:
    """A marketing CRM writes several tags as 'Customer*/*Webinar lead': one list, not whole cells."""
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        "CREATE TABLE raw.contacts AS SELECT "
        "['Customer*/*Webinar lead', 'Newsletter', 'VIP*/*Customer', 'Webinar lead', "
        " 'Newsletter*/*VIP*/*Customer'][i % 5 + 1] AS \"Contact Tags\", i + 1 AS _row FROM range(40) t(i)"
    )
    (contacts,) = profile_workspace(workspace)
    workspace.close()
    tags = col({contacts.table: contacts}, "contacts", "Contact Tags")
    assert (tags.semantic_type, tags.separator) == (SemanticType.MULTI_VALUE, "*/*")
