"""Zoho Invoice: the API v3 contact, invoice and estimate lists (JSON) of a Texas photo and video studio.

Sources: Zoho Invoice's API reference (https://www.zoho.com/invoice/api/v3/contacts/, the Books API it
shares: https://www.zoho.com/books/api/v3/contacts, a list-contacts payload in
https://prismatic.io/docs/example-payloads/zoho/actions/booksGetRecords.json), its help centre
(https://www.zoho.com/invoice/help/customers/invoice-customers.html: customer, billing and shipping
fields; https://www.zoho.com/en-sg/invoice/kb/invoices/estimates-invoices-status.md: estimate statuses
Sent / Accepted / Declined / Invoiced / Expired) and the Finance widget reference
(https://www.zoho.com/finance/developer/widget-sdk-documentation/books/v1/module-reference/invoice:
invoice keys). A contact has a numeric-string ``contact_id``, ``contact_name`` (the display name: the
business, or the person's full name) beside ``customer_name`` (the same), ``company_name`` (blank for
individuals), ``customer_sub_type`` business / individual, ``status`` active / inactive, first and
last name, ``email``, ``phone``, ``mobile``, ``payment_terms`` (days) and ``payment_terms_label``,
``outstanding_receivable_amount``, ``source``, the ``billing_address`` object (attention, address,
street2, city, state, zip, country, phone, fax) and ``created_time`` as ``2024-03-05T10:32:05-0600``.
An invoice names its customer by ``customer_id`` with ``customer_name`` beside it; ``status`` is
draft / sent / viewed / overdue / partially_paid / paid / void, ``invoice_number`` ``INV-000042``,
``due_days`` a phrase (``Overdue by 12 days``), money as numbers with ``balance`` the unpaid part. An
estimate's ``status`` is draft / sent / accepted / declined / invoiced / expired, ``reference_number``
the customer's reference (often the project), ``salesperson_name`` the salesperson by name.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    write_json,
)

CASE = "zoho_invoice"
TEXAS = [("Austin", "78701"), ("Austin", "78704"), ("Round Rock", "78664"), ("San Marcos", "78666")]
STREETS = ["Congress Ave", "Lamar Blvd", "Burnet Rd", "S 1st St"]
STATE = ["TX", "TX", "Texas", "Tx"]  # typed by hand on each customer
TERMS = {0: "Due on Receipt", 15: "Net 15", 30: "Net 30"}
NOTES = ["Send proofs to marketing lead", "Pays by check", "Prefers weekday shoots", "W-9 on file"]
PROJECTS = ["Headshots", "Product catalog shoot", "Brand video", "Event coverage", "Website photos"]
# Kevin Tran left the studio: no destination user.
SALES = ["Maria Delgado", "Jordan Blake", "Kevin Tran"]
INVOICE_MIX = ["paid", "paid", "sent", "overdue", "paid", "partially_paid", "draft", "viewed", "paid", "void"]
ESTIMATE_MIX = ["draft", "sent", "accepted", "invoiced", "invoiced", "declined", "expired", "sent"]


def _zid(base: int, i: int) -> str:
    """Zoho's record ids: long numeric strings sharing the organisation's prefix."""
    return f"4815000000{base + i * 37:07d}"


def _stamp(day: datetime.date, rng: random.Random) -> str:
    return (
        f"{day.isoformat()}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}-0600"
    )


def _edited(day: datetime.date, rng: random.Random) -> str:
    return _stamp(day + datetime.timedelta(days=rng.randint(0, 60)), rng)


def _day(rng: random.Random, year: int = 2024) -> datetime.date:
    return datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))


def _texas(rng: random.Random) -> tuple[str, str, str]:
    city, zip_code = rng.choice(TEXAS)
    return city, rng.choice(STATE), zip_code


def _phone(rng: random.Random) -> str:
    area, mid, end = rng.choice([512, 512, 737]), rng.randint(200, 999), rng.randint(1000, 9999)
    return rng.choice([f"({area}) {mid}-{end}", f"{area}-{mid}-{end}", f"+1 {area}{mid}{end}"])


def _contacts(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    firms = iter(companies(rng, 28))
    for i, p in enumerate(people(rng, 40)):
        firm = next(firms) if rng.random() < 0.6 else ""
        texas = rng.random() < 0.85
        city, state, zip_code = _texas(rng) if texas else rng.choice(US_PLACES)
        domain = (
            "".join(firm.lower().split()[:2]) + ".com" if firm else rng.choice(["gmail.com", "yahoo.com"])
        )
        phone = _phone(rng) if firm or rng.random() < 0.3 else ""
        terms = rng.choice([0, 15, 30, 30]) if firm else 0
        rows.append(
            {
                "contact_id": _zid(43000, i), "contact_name": firm or p.full, "customer_name": firm or p.full,
                "company_name": firm, "contact_type": "customer",
                "customer_sub_type": "business" if firm else "individual",
                "status": "inactive" if rng.random() < 0.1 else "active",
                "website": maybe(rng, 0.5, f"www.{domain}") if firm else "",
                "first_name": p.first, "last_name": p.last,
                "email": p.email(domain),
                "phone": phone, "mobile": maybe(rng, 0.4 if firm else 0.9, _phone(rng)),
                "payment_terms": terms, "payment_terms_label": TERMS[terms], "currency_code": "USD",
                "outstanding_receivable_amount": 0.0, "source": rng.choice(["user", "user", "user", "csv"]),
                "billing_address": {
                    "attention": maybe(rng, 0.3, "Accounts Payable") if firm else "",
                    "address": f"{rng.randint(100, 9999)} {rng.choice(STREETS)}",
                    "street2": maybe(rng, 0.25, rng.choice(["Suite 210", "Ste 4B", "Unit 12"])),
                    "city": city, "state": state, "zip": zip_code,
                    "country": rng.choice(["U.S.A.", "U.S.A.", "United States", ""]),
                    "phone": phone, "fax": maybe(rng, 0.05, _phone(rng)) if firm else "",
                },
                "notes": maybe(rng, 0.3, rng.choice(NOTES)),
                "created_time": _stamp(_day(rng, 2023), rng),
            }
        )  # fmt: skip
    return rows


def _invoices(rng: random.Random, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    today = datetime.date(2025, 2, 15)  # the day of the export: due_days counts from it
    for i in range(55):
        contact = rng.choice(contacts)
        status = INVOICE_MIX[i % len(INVOICE_MIX)]
        total = round(rng.randint(3, 120) * 37.5 * 1.0825, 2)
        balance = (
            0.0
            if status in ("paid", "void")
            else round(total * 0.4, 2)
            if status == "partially_paid"
            else total
        )
        issued = _day(rng)
        due = issued + datetime.timedelta(days=contact["payment_terms"])
        late = (today - due).days
        rows.append(
            {
                "invoice_id": _zid(65000, i), "customer_name": contact["contact_name"],
                "customer_id": contact["contact_id"], "status": status, "invoice_number": f"INV-{i + 1:06d}",
                "reference_number": maybe(rng, 0.2, f"PO {rng.randint(1000, 9999)}"),
                "date": issued.isoformat(), "due_date": due.isoformat(),
                "due_days": f"Overdue by {late} days" if status == "overdue" else "",
                "currency_code": "USD", "total": total, "balance": balance, "email": contact["email"],
                "salesperson_name": maybe(rng, 0.5, rng.choice(SALES)),
                "last_payment_date": (issued + datetime.timedelta(days=rng.randint(2, 40))).isoformat()
                if status in ("paid", "partially_paid") else "",
                "is_emailed": status != "draft",
                "created_time": _stamp(issued, rng), "last_modified_time": _edited(issued, rng),
            }
        )  # fmt: skip
        contact["outstanding_receivable_amount"] = round(
            contact["outstanding_receivable_amount"] + balance, 2
        )
    return rows


def _estimates(rng: random.Random, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i in range(36):
        contact = rng.choice(contacts)
        issued = _day(rng)
        rows.append(
            {
                "estimate_id": _zid(79000, i), "customer_name": contact["contact_name"],
                "customer_id": contact["contact_id"], "status": ESTIMATE_MIX[i % len(ESTIMATE_MIX)],
                "estimate_number": f"EST-{i + 1:06d}",
                "reference_number": maybe(rng, 0.8, rng.choice(PROJECTS)),
                "date": issued.isoformat(), "expiry_date": (issued + datetime.timedelta(days=30)).isoformat(),
                "currency_code": "USD", "total": round(rng.randint(4, 200) * 37.5 * 1.0825, 2),
                "salesperson_name": maybe(rng, 0.8, rng.choice(SALES)), "is_emailed": i % 8 != 0,
                "created_time": _stamp(issued, rng), "last_modified_time": _edited(issued, rng),
            }
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    contacts = _contacts(rng)
    invoices = _invoices(rng, contacts)
    write_json(root / "contacts.json", contacts)
    write_json(root / "invoices.json", invoices)
    write_json(root / "estimates.json", _estimates(rng, contacts))
    state = destination(
        CASE,
        "US",
        {"Sales Quotes": ["New Quote", "Quote Sent", "Quote Approved", "Invoiced"]},
        [("Maria", "Delgado", "maria@lonestarframes.com"), ("Jordan", "Blake", "jordan@lonestarframes.com")],
    )
    state["nativeDocuments"] = ["invoice", "estimate"]  # the sub-account takes HighLevel's own documents
    write_json(cases_dir / CASE / "destination.json", state)
