"""QuickBooks Online: the Accounting API's Customer, Estimate and Invoice lists (JSON) of an Oregon
landscape design firm.

Sources: Intuit's API reference for the entities
(https://developer.intuit.com/app/developer/qbo/docs/api/accounting/most-commonly-used/estimate and
the customer and invoice pages beside it), the Estimate columns as a data connector lists them
(https://developer.mescius.com/componentone/docs/services/online-dataconnector/estimates.html:
DocNumber, TxnDate, TxnStatus, LinkedTxn, Line, CustomField, MetaData_CreateTime ...) and recorded
API payloads in public code (``TxnStatus`` Pending / Accepted / Closed / Rejected; an accepted
estimate turned into an invoice links it in ``LinkedTxn`` ``{TxnId, TxnType: "Invoice"}``; a custom
field as ``{DefinitionId, Name, Type: "StringType", StringValue}``). A customer has a numeric-string
``Id``, ``DisplayName`` (unique: the business, or the person), ``CompanyName`` (blank for people),
``GivenName`` / ``FamilyName``, ``PrimaryEmailAddr.Address``, ``PrimaryPhone.FreeFormNumber``,
``Mobile.FreeFormNumber``, ``BillAddr`` (``Line1``, ``City``, ``CountrySubDivisionCode``,
``PostalCode``), ``Notes``, ``Balance``, ``Taxable``, ``Active``, ``PreferredDeliveryMethod``,
``SalesTermRef.value`` (an id of a term the export does not hold), ``SyncToken`` and ``MetaData``
times as ``2024-03-05T10:32:05-08:00``. Estimates and invoices name the customer by
``CustomerRef.value`` (the Id) with ``CustomerRef.name`` (its display name) beside it; their lines
are ``SalesItemLineDetail`` lines (item, quantity, unit price) followed by one
``SubTotalLineDetail`` line. An invoice has no status of its own: ``Balance`` (the unpaid part)
beside ``TotalAmt`` says whether it is paid. The firm keeps its salesperson in a custom field named
"Sales Rep" on estimates.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

from evals.casegen.common import (
    CASES_DIR,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    write_json,
)

CASE = "quickbooks_online"
OREGON = [("Portland", "97205"), ("Portland", "97214"), ("Beaverton", "97005"), ("Lake Oswego", "97034"),
          ("Tigard", "97223")]  # fmt: skip
STREETS = ["NE Alberta St", "SE Hawthorne Blvd", "NW 23rd Ave", "SW Broadway", "N Mississippi Ave"]
ITEMS = [
    ("12", "Design:Landscape Plan", "Landscape design plan", 850.0),
    ("15", "Hardscape:Paver Patio", "Paver patio, per sq ft", 24.0),
    ("17", "Planting:Shrubs", "Native shrub, 5 gal", 42.0),
    ("19", "Irrigation:Drip System", "Drip irrigation zone", 640.0),
    ("21", "Labor:Crew Hours", "Crew labor (hour)", 75.0),
]
MEMOS = ["Thank you for your business!", "Deposit of 30% due on acceptance.", ""]
NOTES = ["Gate code 4412", "Dog in backyard", "Prefers text messages", "HOA approval needed"]
# Rick Alvarez left the firm: no destination user.
SALES_REPS = ["Jordan Ellis", "Maya Chen", "Rick Alvarez", "Jordan Ellis"]
ESTIMATE_MIX = ["Pending", "Accepted", "Closed", "Pending", "Rejected", "Closed", "Accepted", "Pending"]
TAX_RATE = 0.0  # Oregon has no sales tax: TotalTax is 0 on every document


def _stamp(day: datetime.date, rng: random.Random) -> str:
    return (
        f"{day.isoformat()}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}-08:00"
    )


def _meta(day: datetime.date, rng: random.Random) -> dict[str, str]:
    return {
        "CreateTime": _stamp(day, rng),
        "LastUpdatedTime": _stamp(day + datetime.timedelta(days=rng.randint(0, 40)), rng),
    }


def _day(rng: random.Random, year: int = 2024) -> datetime.date:
    return datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))


def _phone(rng: random.Random) -> str:
    area, mid, end = rng.choice([503, 503, 971]), rng.randint(200, 999), rng.randint(1000, 9999)
    return rng.choice([f"({area}) {mid}-{end}", f"{area}-{mid}-{end}", f"{area}.{mid}.{end}"])


def _customers(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    firms = iter(companies(rng, 40))
    for i, p in enumerate(people(rng, 42)):
        firm = next(firms) if rng.random() < 0.4 else ""
        city, zip_code = rng.choice(OREGON)
        domain = "".join(firm.lower().split()) + ".com" if firm else rng.choice(["gmail.com", "comcast.net"])
        day = _day(rng, 2023)
        row: dict[str, Any] = {
            "Id": str(58 + i), "SyncToken": str(rng.randint(0, 4)), "domain": "QBO", "sparse": False,
            "MetaData": _meta(day, rng),
            "DisplayName": firm or p.full, "CompanyName": firm, "GivenName": p.first, "FamilyName": p.last,
            "FullyQualifiedName": firm or p.full, "PrintOnCheckName": firm or p.full,
            "Active": rng.random() > 0.08, "Taxable": False, "Job": False, "BillWithParent": False,
            "PrimaryEmailAddr": {"Address": p.email(domain)} if rng.random() < 0.9 else {},
            "PrimaryPhone": {"FreeFormNumber": _phone(rng)} if firm or rng.random() < 0.5 else {},
            "Mobile": {"FreeFormNumber": _phone(rng)} if rng.random() < 0.55 else {},
            "WebAddr": {"URI": f"https://www.{domain}"} if firm and rng.random() < 0.5 else {},
            "BillAddr": {
                "Id": str(200 + i), "Line1": f"{rng.randint(100, 9999)} {rng.choice(STREETS)}", "City": city,
                "CountrySubDivisionCode": rng.choice(["OR", "OR", "OR", "Oregon"]), "PostalCode": zip_code,
            },
            "Notes": maybe(rng, 0.3, rng.choice(NOTES)),
            "Balance": 0.0, "BalanceWithJobs": 0.0,
            "CurrencyRef": {"value": "USD", "name": "United States Dollar"},
            "PreferredDeliveryMethod": rng.choice(["Email", "Email", "Print", "None"]),
            "SalesTermRef": {"value": rng.choice(["3", "3", "1"])} if firm else {},
        }  # fmt: skip
        rows.append(_present(row))
    return rows


def _lines(rng: random.Random) -> tuple[list[dict[str, Any]], float]:
    lines: list[dict[str, Any]] = []
    for n, (item_id, item_name, text, price) in enumerate(
        rng.sample(ITEMS, rng.choice([1, 2, 2, 3])), start=1
    ):
        qty = rng.choice([1, 1, 2]) if price > 500 else rng.choice([8, 12, 40, 120])
        amount = round(qty * price, 2)
        lines.append(
            {"Id": str(n), "LineNum": n, "Description": text, "Amount": amount,
             "DetailType": "SalesItemLineDetail",
             "SalesItemLineDetail": {"ItemRef": {"value": item_id, "name": item_name}, "UnitPrice": price,
                                     "Qty": qty, "TaxCodeRef": {"value": "NON"}}}
        )  # fmt: skip
    subtotal = round(sum(line["Amount"] for line in lines), 2)
    lines.append({"Amount": subtotal, "DetailType": "SubTotalLineDetail", "SubTotalLineDetail": {}})
    return lines, subtotal


def _present(record: dict[str, Any]) -> dict[str, Any]:
    """The API leaves out a property that has no value (no empty object, no empty string)."""
    return {key: value for key, value in record.items() if value not in ({}, "")}


def _memo(rng: random.Random) -> dict[str, str]:
    memo = rng.choice(MEMOS)
    return {"value": memo} if memo else {}


def _ref(customer: dict[str, Any]) -> dict[str, str]:
    return {"value": customer["Id"], "name": customer["DisplayName"]}


def _estimates(rng: random.Random, customers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i in range(36):
        customer = rng.choice(customers)
        status = ESTIMATE_MIX[i % len(ESTIMATE_MIX)]
        day = _day(rng)
        lines, total = _lines(rng)
        rep = rng.choice(SALES_REPS) if rng.random() < 0.85 else ""
        rows.append(
            _present({
                "Id": str(1400 + i * 3), "SyncToken": str(rng.randint(0, 3)), "domain": "QBO",
                "sparse": False, "MetaData": _meta(day, rng),
                "CustomField": [_present({"DefinitionId": "1", "Name": "Sales Rep", "Type": "StringType",
                                          "StringValue": rep})],
                "DocNumber": str(1001 + i), "TxnDate": day.isoformat(),
                "CurrencyRef": {"value": "USD", "name": "United States Dollar"},
                "TxnStatus": status,
                "LinkedTxn": [{"TxnId": str(2300 + i), "TxnType": "Invoice"}] if status == "Closed" else [],
                "Line": lines, "TxnTaxDetail": {"TotalTax": TAX_RATE},
                "CustomerRef": _ref(customer),
                "CustomerMemo": _memo(rng),
                "BillEmail": customer.get("PrimaryEmailAddr", {}),
                "TotalAmt": total, "ApplyTaxAfterDiscount": False,
                "PrintStatus": "NotSet", "EmailStatus": rng.choice(["EmailSent", "EmailSent", "NotSet"]),
                "ExpirationDate": (day + datetime.timedelta(days=30)).isoformat(),
                "AcceptedBy": f"{customer['GivenName']} {customer['FamilyName']}"
                if status in ("Accepted", "Closed") and rng.random() < 0.6 else "",
                "AcceptedDate": (day + datetime.timedelta(days=rng.randint(1, 20))).isoformat()
                if status in ("Accepted", "Closed") else "",
            })
        )  # fmt: skip
    return rows


def _invoices(rng: random.Random, customers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i in range(48):
        customer = rng.choice(customers)
        day = _day(rng)
        lines, total = _lines(rng)
        terms = 15 if customer.get("SalesTermRef", {}).get("value") == "1" else 30
        paid = i % 5 != 0 and i % 7 != 0  # a few open, a few partly paid
        balance = 0.0 if paid else round(total * (0.5 if i % 7 == 0 else 1.0), 2)
        customer["Balance"] = customer["BalanceWithJobs"] = round(customer["Balance"] + balance, 2)
        rows.append(
            _present({
                "Id": str(2100 + i * 2), "SyncToken": str(rng.randint(0, 5)), "domain": "QBO",
                "sparse": False, "MetaData": _meta(day, rng),
                "DocNumber": str(1201 + i), "TxnDate": day.isoformat(),
                "CurrencyRef": {"value": "USD", "name": "United States Dollar"},
                "LinkedTxn": [{"TxnId": str(3100 + i), "TxnType": "Payment"}] if balance < total else [],
                "Line": lines, "TxnTaxDetail": {"TotalTax": TAX_RATE},
                "CustomerRef": _ref(customer),
                "CustomerMemo": _memo(rng),
                "SalesTermRef": {"value": "1" if terms == 15 else "3"},
                "DueDate": (day + datetime.timedelta(days=terms)).isoformat(),
                "TotalAmt": total, "Balance": balance,
                "PrintStatus": "NotSet", "EmailStatus": rng.choice(["EmailSent", "EmailSent", "NeedToSend"]),
                "BillEmail": customer.get("PrimaryEmailAddr", {}),
                "AllowOnlineCreditCardPayment": rng.random() < 0.7,
                "AllowOnlineACHPayment": rng.random() < 0.4,
            })
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    customers = _customers(rng)
    estimates = _estimates(rng, customers)
    invoices = _invoices(rng, customers)
    write_json(root / "Customer.json", customers)
    write_json(root / "Estimate.json", estimates)
    write_json(root / "Invoice.json", invoices)
    state = destination(
        CASE,
        "US",
        {"Design Projects": ["Site Visit", "Proposal Out", "Client Approved", "Invoiced"]},
        [
            ("Jordan", "Ellis", "jordan@rosecitylandscapes.com"),
            ("Maya", "Chen", "maya@rosecitylandscapes.com"),
        ],
    )
    state["nativeDocuments"] = ["invoice", "estimate"]  # the sub-account takes HighLevel's own documents
    write_json(cases_dir / CASE / "destination.json", state)
