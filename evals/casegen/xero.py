"""Xero: the Contacts export and the Sales invoices export (CSV) of a Melbourne sign and print shop.

Sources: Xero's help centre (https://help.xero.com/us/Contacts_Import and
https://help.xero.com/us/Contacts-Import-Existing: the contacts file's columns, PhoneNumber with
spaces, DueDateSalesDay / DueDateSalesTerm as "Following Month" or "Days After";
https://help.xero.com/nz/ContactsAccountNumber: AccountNumber), a Xero contacts export's full header
as a parser of real files reads it (``*ContactName, AccountNumber, ... POAttentionTo, POAddressLine1-4,
POCity, PORegion, POPostalCode, POCountry, SA... , PhoneNumber, FaxNumber, MobileNumber, DDINumber,
SkypeName, Bank..., TaxNumber, AccountsReceivableTaxCodeName, ..., Person1FirstName ...
Person5IncludeInEmail``), the sales invoice export's columns
(https://docs.milientsoftware.com/help/moment-by-topic/integrations/file-exports/file-export-accounting-system/xero
and its xero-templates page: ``ContactName, EmailAddress, PO/SA address, InvoiceNumber, Reference,
InvoiceDate, DueDate, PlannedDate, Total, TaxTotal, InvoiceAmountPaid, InvoiceAmountDue,
InventoryItemCode, Description, Quantity, UnitAmount, Discount, LineAmount, AccountCode, TaxType,
TaxAmount, TrackingName1/Option1, TrackingName2/Option2, Currency, Type, Sent, Status``, dates
dd/MM/yyyy, Type "Sales invoice", Status "Awaiting Payment") and the API's invoice statuses
(http://developer.xero.com/documentation/api/invoices/; Draft, Awaiting Approval, Awaiting Payment,
Paid, Voided in the app). The invoice export holds one row per line item: the invoice's own columns
(contact, number, dates, totals, status) repeat on each of its lines. A contact names a business or a
person in ``*ContactName``; its primary person is FirstName / LastName, further people Person1... .
An Australian organisation: ABN as the tax number, "GST on Income", AUD, states as VIC / NSW.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    write_csv,
    write_json,
)

CASE = "xero"
PLACES = [
    ("Richmond", "VIC", "3121"),
    ("Fitzroy", "VIC", "3065"),
    ("Collingwood", "VIC", "3066"),
    ("Brunswick", "VIC", "3056"),
    ("Geelong", "VIC", "3220"),
    ("Melbourne", "VIC", "3000"),
    ("Albury", "NSW", "2640"),
]
STREETS = ["Swan St", "Smith St", "Sydney Rd", "Chapel St", "Bridge Rd", "High St", "Gertrude St"]
COUNTRY = ["Australia", "Australia", "Australia", "", "AU"]  # typed or left blank per contact
DEPARTMENTS = ["Signage", "Print", "Install"]
ITEMS = {
    "Signage": [("SIGN-ACM", "ACM panel sign 1200x600", 385.0), ("SIGN-LBX", "Illuminated lightbox", 1450.0)],
    "Print": [("PRT-A1", "A1 poster print (matt)", 28.5), ("PRT-BC", "Business cards 500pk", 89.0)],
    "Install": [("INST-HR", "Installation labour (per hour)", 95.0), ("", "Site measure and quote", 120.0)],
}
REFERENCES = ["Shopfront refresh", "Window graphics", "Event banners", "Vehicle decals", "Menu boards"]
# Draft and Awaiting Approval have not been sent; Voided invoices stay in the export.
STATUS_MIX = ["Paid", "Paid", "Awaiting Payment", "Paid", "Draft", "Awaiting Payment", "Paid",
              "Awaiting Approval", "Paid", "Voided", "Awaiting Payment", "Paid"]  # fmt: skip

# The API's quote statuses; DELETED quotes are not returned.
QUOTE_MIX = ["SENT", "ACCEPTED", "INVOICED", "DRAFT", "SENT", "DECLINED", "INVOICED", "ACCEPTED", "SENT"]
# The salesperson is a tracking category on each line; Dan Okafor has left (no destination user).
SELLERS = ["Priya", "Tom", "Dan", "Priya", ""]
TRACKING_IDS = {"Department": "9c5e7b0e-1d2a-4c61-9a0f-3b8e2f1c4d11",
                "Salesperson": "2f7a1c3e-8b4d-4e90-b1c2-6d5e4f3a2b19"}  # fmt: skip
BRANDING_ID = "5d4dd402-c851-497e-aae1-9ff265c0d15a"
TERMS = "Quote valid for 30 days. 50% deposit required before production."
SUMMARIES = ["Includes removal of old signage", "Council permit not included", "Artwork supplied by client"]

CONTACT_HEADER = [
    "*ContactName",
    "AccountNumber",
    "EmailAddress",
    "FirstName",
    "LastName",
    "POAttentionTo",
    "POAddressLine1",
    "POAddressLine2",
    "POAddressLine3",
    "POAddressLine4",
    "POCity",
    "PORegion",
    "POPostalCode",
    "POCountry",
    "SAAttentionTo",
    "SAAddressLine1",
    "SAAddressLine2",
    "SAAddressLine3",
    "SAAddressLine4",
    "SACity",
    "SARegion",
    "SAPostalCode",
    "SACountry",
    "PhoneNumber",
    "FaxNumber",
    "MobileNumber",
    "DDINumber",
    "SkypeName",
    "BankAccountName",
    "BankAccountNumber",
    "BankAccountParticulars",
    "TaxNumber",
    "AccountsReceivableTaxCodeName",
    "AccountsPayableTaxCodeName",
    "Website",
    "LegalName",
    "Discount",
    "CompanyNumber",
    "DueDateBillDay",
    "DueDateBillTerm",
    "DueDateSalesDay",
    "DueDateSalesTerm",
    "SalesAccount",
    "PurchasesAccount",
    "TrackingName1",
    "SalesTrackingOption1",
    "PurchasesTrackingOption1",
    "TrackingName2",
    "SalesTrackingOption2",
    "PurchasesTrackingOption2",
    "BrandingTheme",
    "DefaultTaxBills",
    "DefaultTaxSales",
] + [f"Person{n}{part}" for n in range(1, 6) for part in ("FirstName", "LastName", "Email", "IncludeInEmail")]
INVOICE_HEADER = [
    "ContactName",
    "EmailAddress",
    "POAddressLine1",
    "POAddressLine2",
    "POAddressLine3",
    "POAddressLine4",
    "POCity",
    "PORegion",
    "POPostalCode",
    "POCountry",
    "SAAddressLine1",
    "SAAddressLine2",
    "SAAddressLine3",
    "SAAddressLine4",
    "SACity",
    "SARegion",
    "SAPostalCode",
    "SACountry",
    "InvoiceNumber",
    "Reference",
    "InvoiceDate",
    "DueDate",
    "PlannedDate",
    "Total",
    "TaxTotal",
    "InvoiceAmountPaid",
    "InvoiceAmountDue",
    "InventoryItemCode",
    "Description",
    "Quantity",
    "UnitAmount",
    "Discount",
    "LineAmount",
    "AccountCode",
    "TaxType",
    "TaxAmount",
    "TrackingName1",
    "TrackingOption1",
    "TrackingName2",
    "TrackingOption2",
    "Currency",
    "Type",
    "Sent",
    "Status",
]


def _phone(rng: random.Random) -> str:
    return rng.choice([f"03 9{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                       f"+61 3 9{rng.randint(100, 999)} {rng.randint(1000, 9999)}"])  # fmt: skip


def _mobile(rng: random.Random) -> str:
    return f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def _abn(rng: random.Random) -> str:
    return f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def _contacts(rng: random.Random) -> list[dict[str, str]]:
    rows = []
    firms = iter(companies(rng, 40))
    everyone = people(rng, 60)
    extra = iter(everyone[40:])
    for i, p in enumerate(everyone[:40]):
        firm = next(firms) if rng.random() < 0.65 else ""
        city, state, postcode = rng.choice(PLACES)
        free_mail = ["gmail.com", "bigpond.com"]
        domain = "".join(firm.lower().split()) + ".com.au" if firm else rng.choice(free_mail)
        row = dict.fromkeys(CONTACT_HEADER, "")
        row.update(
            {
                "*ContactName": firm or p.full, "AccountNumber": maybe(rng, 0.5, f"C{1000 + i}"),
                "EmailAddress": p.email(domain) if firm or rng.random() < 0.85 else "",
                "FirstName": p.first, "LastName": p.last,
                "POAttentionTo": maybe(rng, 0.35, "Accounts Payable") if firm else "",
                "POAddressLine1": f"{rng.randint(1, 420)} {rng.choice(STREETS)}",
                "POAddressLine2": maybe(rng, 0.2, rng.choice(["Level 2", "Suite 4", "Shop 7"])),
                "POCity": city, "PORegion": state, "POPostalCode": postcode, "POCountry": rng.choice(COUNTRY),
                "PhoneNumber": _phone(rng) if firm or rng.random() < 0.25 else "",
                "FaxNumber": maybe(rng, 0.08, _phone(rng)) if firm else "",
                "MobileNumber": maybe(rng, 0.5 if firm else 0.9, _mobile(rng)),
                "DDINumber": maybe(rng, 0.1, _phone(rng)) if firm else "",
                "TaxNumber": maybe(rng, 0.8, _abn(rng)) if firm else "",
                "AccountsReceivableTaxCodeName": maybe(rng, 0.3, "GST on Income"),
                "Website": maybe(rng, 0.5, f"www.{domain}") if firm else "",
                "LegalName": maybe(rng, 0.5, f"{firm} Pty Ltd") if firm else "",
                "Discount": maybe(rng, 0.1, rng.choice(["5", "10"])) if firm else "",
                "BrandingTheme": "Standard",
            }
        )  # fmt: skip
        if firm and rng.random() < 0.3:  # a street address beside the postal one
            line1 = f"{rng.randint(1, 420)} {rng.choice(STREETS)}"
            row.update({"SAAddressLine1": line1, "SACity": city, "SARegion": state,
                        "SAPostalCode": postcode, "SACountry": row["POCountry"]})  # fmt: skip
        if firm and rng.random() < 0.5:  # trade accounts: 20th of the following month, or 14 days
            day, term = rng.choice([("20", "Following Month"), ("14", "Days After"), ("30", "Days After")])
            row.update({"DueDateSalesDay": day, "DueDateSalesTerm": term, "SalesAccount": "200"})
        if rng.random() < 0.4:
            row.update({"TrackingName1": "Department", "SalesTrackingOption1": rng.choice(DEPARTMENTS)})
        if firm and rng.random() < 0.4:  # further people of a business: accounts, site contacts
            for n in (1, 2) if rng.random() < 0.3 else (1,):
                q = next(extra)
                row.update({f"Person{n}FirstName": q.first, f"Person{n}LastName": q.last,
                            f"Person{n}Email": q.email(domain),
                            f"Person{n}IncludeInEmail": rng.choice(["Yes", "No"])})  # fmt: skip
        rows.append(row)
    return rows


def _money(value: float) -> str:
    return f"{value:.2f}"


def _invoice_rows(rng: random.Random, contacts: list[dict[str, str]]) -> list[list[str]]:
    rows = []
    today = datetime.date(2025, 3, 14)
    for i in range(42):
        contact = rng.choice(contacts)
        status = STATUS_MIX[i % len(STATUS_MIX)]
        issued = today - datetime.timedelta(days=rng.randint(5, 400))
        days_after = contact["DueDateSalesTerm"] == "Days After"
        due = issued + datetime.timedelta(days=int(contact["DueDateSalesDay"]) if days_after else 7)
        department = rng.choice(DEPARTMENTS)
        lines = []
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            code, text, price = rng.choice(ITEMS[department] + ITEMS["Install"])
            qty = rng.choice([1, 1, 2, 4, 10]) if code != "INST-HR" else rng.choice([2, 3.5, 6])
            discount = contact["Discount"]
            net = round(qty * price * (1 - float(discount or 0) / 100), 2)
            lines.append((code, text, qty, price, discount, net, round(net * 0.1, 2)))
        tax = round(sum(line[6] for line in lines), 2)
        total = round(sum(line[5] for line in lines) + tax, 2)
        part_paid = status == "Awaiting Payment" and i % 4 == 0
        paid = total if status == "Paid" else round(total * 0.5, 2) if part_paid else 0.0
        due_amount = 0.0 if status in ("Paid", "Voided") else round(total - paid, 2)
        address = [contact[k] for k in INVOICE_HEADER[2:18]]  # the contact's PO and SA address
        reference = maybe(rng, 0.6, rng.choice([*REFERENCES, f"PO {rng.randint(4000, 4999)}"]))
        sent = "Sent" if status not in ("Draft", "Awaiting Approval") and rng.random() < 0.9 else ""
        tracked = rng.random() < 0.7
        for code, text, qty, price, discount, net, line_tax in lines:
            rows.append(
                [contact["*ContactName"], contact["EmailAddress"], *address, f"INV-{i + 1:04d}", reference,
                 issued.strftime("%d/%m/%Y"), due.strftime("%d/%m/%Y"), "", _money(total), _money(tax),
                 _money(paid), _money(due_amount), code, text, f"{qty:g}", _money(price), discount,
                 _money(net), "200", "GST on Income", _money(line_tax), "Department" if tracked else "",
                 department if tracked else "", "", "", "AUD", "Sales invoice", sent, status]
            )  # fmt: skip
    return rows


def _xero_date(day: datetime.date) -> str:
    """The API's .NET JSON date: milliseconds since the epoch, UTC."""
    stamp = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()
    return f"/Date({int(stamp) * 1000}+0000)/"


def _guid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _quotes(rng: random.Random, contacts: list[dict[str, str]]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    today = datetime.date(2025, 3, 14)
    ids = {c["*ContactName"]: _guid(rng) for c in contacts}  # the API's ContactID, absent from the CSV
    for i in range(34):
        contact = rng.choice(contacts)
        status = QUOTE_MIX[i % len(QUOTE_MIX)]
        issued = today - datetime.timedelta(days=rng.randint(3, 300))
        expiry = issued + datetime.timedelta(days=30)
        department = rng.choice(DEPARTMENTS)
        seller = rng.choice(SELLERS)
        lines = []
        for _ in range(rng.choice([1, 2, 2, 3])):
            code, text, price = rng.choice(ITEMS[department] + ITEMS["Install"])
            qty = rng.choice([1, 2, 4]) if code != "INST-HR" else rng.choice([2, 4, 8])
            net = round(qty * price, 2)
            tracking = [{"TrackingCategoryID": TRACKING_IDS["Department"], "Name": "Department",
                         "Option": department}]  # fmt: skip
            if seller:
                tracking.append({"TrackingCategoryID": TRACKING_IDS["Salesperson"], "Name": "Salesperson",
                                 "Option": seller})  # fmt: skip
            lines.append(
                {"LineItemID": _guid(rng), "ItemCode": code, "Description": text, "Quantity": qty,
                 "UnitAmount": price, "DiscountRate": 0, "LineAmount": net, "AccountCode": "200",
                 "TaxType": "OUTPUT", "TaxAmount": round(net * 0.1, 2), "Tracking": tracking}
            )  # fmt: skip
        subtotal = round(sum(float(line["LineAmount"]) for line in lines), 2)  # type: ignore[arg-type]
        tax = round(sum(float(line["TaxAmount"]) for line in lines), 2)  # type: ignore[arg-type]
        rows.append(
            {
                "QuoteID": _guid(rng), "QuoteNumber": f"QU-{i + 1:04d}",
                "Reference": maybe(rng, 0.5, rng.choice(REFERENCES)),
                "Terms": TERMS,
                "Contact": {"ContactID": ids[contact["*ContactName"]], "Name": contact["*ContactName"]},
                "LineItems": lines,
                "Date": _xero_date(issued), "DateString": f"{issued.isoformat()}T00:00:00",
                "ExpiryDate": _xero_date(expiry), "ExpiryDateString": f"{expiry.isoformat()}T00:00:00",
                "Status": status, "CurrencyRate": 1.0, "CurrencyCode": "AUD",
                "SubTotal": subtotal, "TotalTax": tax, "Total": round(subtotal + tax, 2),
                "Title": rng.choice(["Quote", "Quote", f"{department} quote"]),
                "Summary": maybe(rng, 0.4, rng.choice(SUMMARIES)),
                "BrandingThemeID": BRANDING_ID,
                "UpdatedDateUTC": _xero_date(issued + datetime.timedelta(days=rng.randint(0, 20))),
                "LineAmountTypes": "Exclusive",
            }
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    contacts = _contacts(rng)
    write_csv(root / "Contacts.csv", CONTACT_HEADER, [[c[h] for h in CONTACT_HEADER] for c in contacts])
    write_csv(root / "SalesInvoices.csv", INVOICE_HEADER, _invoice_rows(rng, contacts))
    write_json(root / "Quotes.json", _quotes(rng, contacts))
    state = destination(
        CASE,
        "AU",
        {"Sign Quotes": ["Preparing Quote", "Quote Sent", "Customer Accepted", "Invoiced"]},
        [("Priya", "Raman", "priya@yarrasigns.com.au"), ("Tom", "Beckett", "tom@yarrasigns.com.au")],
        [("ABN", "contact.abn", "TEXT", "contact")],
    )
    state["nativeDocuments"] = ["invoice", "estimate"]  # the sub-account takes HighLevel's own documents
    write_json(cases_dir / CASE / "destination.json", state)
