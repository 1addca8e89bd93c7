"""Invoice Ninja (v5): the CSV exports of clients, invoices and quotes of a UK IT-support firm.

Sources: Invoice Ninja's export code and translations (github.com/invoiceninja/invoiceninja:
app/Export/CSV/BaseExport.php, ClientExport.php, InvoiceExport.php, QuoteExport.php,
app/Export/Decorators/ClientDecorator.php, InvoiceDecorator.php, app/Models/Invoice.php and
Quote.php ``stringStatus``, app/Transformers/ClientTransformer.php, lang/en/texts.php,
database/seeders/CountriesSeeder.php) and its API reference
(https://invoiceninja.github.io/docs/api-reference/invoices: invoice statuses;
https://glama.ai/mcp/connectors/io.usefulapi/invoice-ninja/tools/invoiceninja_create_client: client
fields). A header is the translated report key, prefixed by the entity when the column belongs to
another export's key list: the client export writes ``Name`` (the business name, blank for a person),
``Street``, ``Apt/Suite``, ``State/Province``, ``Client Phone`` beside ``Contact Phone`` (the first
contact's), ``Custom Value 1`` for a custom field, ``Country`` as the country's full name; the invoice
export writes ``Client Name`` (the display name: the business, or the contact's full name) and
``Invoice Invoice Number``, ``Invoice Amount``, ``Invoice Partial/Deposit``; the quote export ``Quote
Number``, ``Quote Valid Until``. Money is a PHP float (``1260``, ``845.5``), dates ``YYYY-MM-DD``.
Invoice statuses: Draft, Sent, Partial/Deposit, Paid, Cancelled, Reversed; quote statuses: Draft,
Sent, Approved, Converted, Expired. Users are named by their full name.
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

CASE = "invoice_ninja"
UK = "United Kingdom of Great Britain and Northern Ireland"
PLACES = [
    ("Leeds", "West Yorkshire", "LS1 4DY"), ("Leeds", "", "LS6 2AB"),
    ("Bradford", "West Yorkshire", "BD1 1HY"),
    ("York", "North Yorkshire", "YO1 7HH"), ("Sheffield", "South Yorkshire", "S1 2HE"),
    ("Harrogate", "", "HG1 1BX"), ("Manchester", "Greater Manchester", "M1 2HF"),
]  # fmt: skip
STREETS = ["Park Row", "Wellington St", "Kirkgate", "Station Rd", "Victoria Rd", "Otley Rd"]
INDUSTRIES = ["Construction", "Marketing", "Manufacturing", "Photography", "Transportation", "Other"]
SOURCES = ["Google", "Referral", "LinkedIn", "Existing client", "Yell"]
CLIENT_NOTES = ["Pays by BACS", "Remote support only", "Key holder: office manager", "Net 30 agreed"]
WORK = [
    "Annual support contract", "Office network upgrade", "Microsoft 365 migration",
    "New starter laptop setup", "Server replacement", "Backup and recovery review",
]  # fmt: skip
TERMS = "Payment within 14 days by BACS to Pennine IT Services Ltd, sort code 40-11-62."
# Tom Fletcher left before the move: no destination user.
TEAM = ["Rhys Morgan", "Hannah Okoye", "Tom Fletcher"]
INVOICE_MIX = [
    "Paid", "Paid", "Sent", "Paid", "Partial/Deposit", "Draft", "Paid", "Sent", "Cancelled", "Reversed",
]  # fmt: skip
CLIENT_KINDS = ["Business", "Company", "Business", "Partnership"]
INVOICE_NOTES = ["Chased by phone", "Hours agreed with Dave"]
QUOTE_NOTES = ["Competing with a local firm", "Budget signed off"]
QUOTE_MIX = ["Draft", "Sent", "Approved", "Converted", "Converted", "Expired", "Sent"]
CLIENT_HEADER = [
    "Name", "Number", "Balance", "Paid to Date", "Client Currency", "Website", "Private Notes", "Industry",
    "Client Phone", "Street", "Apt/Suite", "City", "State/Province", "Postal Code", "Country",
    "Shipping Street", "Shipping City", "Shipping Postal Code", "VAT Number", "ID Number", "Public Notes",
    "Contact Phone", "First Name", "Last Name", "Email", "Custom Value 1", "Classification", "Status",
]  # fmt: skip
INVOICE_HEADER = [
    "Client Name", "Client Currency", "Invoice Invoice Number", "Invoice Amount", "Invoice Balance",
    "Invoice Paid to Date", "Invoice PO Number", "Invoice Date", "Invoice Due Date", "Invoice Terms",
    "Invoice Status", "Invoice Public Notes", "Invoice Private Notes", "Invoice Discount",
    "Invoice Partial/Deposit", "Invoice Tax Name 1", "Invoice Tax Rate 1", "Invoice Tax Amount",
    "Invoice Assigned User", "Invoice User",
]  # fmt: skip
QUOTE_HEADER = [
    "Client Name", "Client Currency", "Quote Number", "Quote Amount", "Quote PO Number", "Quote Date",
    "Quote Valid Until", "Quote Status", "Quote Public Notes", "Quote Private Notes", "Quote Discount",
    "Quote Tax Amount", "Quote Assigned User", "Quote User",
]  # fmt: skip


def _num(value: float) -> str:
    """A PHP float as the CSV writer prints it: no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def _day(rng: random.Random) -> datetime.date:
    return datetime.date(2024, rng.randint(1, 12), rng.randint(1, 28))


def _phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        return rng.choice([f"07700 900{rng.randint(100, 999)}", f"+44 7700 900{rng.randint(100, 999)}"])
    return rng.choice([f"0113 496 0{rng.randint(100, 999)}", f"(0113) 496 0{rng.randint(100, 999)}"])


def _clients(rng: random.Random) -> list[dict[str, str]]:
    rows = []
    firms = iter(companies(rng, 30))
    for i, p in enumerate(people(rng, 40)):
        firm = next(firms) if rng.random() < 0.6 else ""
        irish = rng.random() < 0.1
        city, county, code = ("Dublin", "Co. Dublin", "D02 X285") if irish else rng.choice(PLACES)
        shipping = rng.random() < 0.1
        domain = firm.split()[0].lower() + ".co.uk" if firm else "gmail.com"
        rows.append(
            {
                "Name": firm, "Number": f"{i + 1:04d}", "Client Currency": "EUR" if irish else "GBP",
                "Website": maybe(rng, 0.5, f"https://www.{domain}") if firm else "",
                "Private Notes": maybe(rng, 0.3, rng.choice(CLIENT_NOTES)),
                "Industry": maybe(rng, 0.5, rng.choice(INDUSTRIES)) if firm else "",
                "Client Phone": maybe(rng, 0.7, _phone(rng, False)) if firm else "",
                "Street": f"{rng.randint(1, 220)} {rng.choice(STREETS)}",
                "Apt/Suite": maybe(rng, 0.2, rng.choice(["Unit 4", "Suite 2", "Flat 3"])),
                "City": city, "State/Province": county, "Postal Code": code,
                "Country": "Ireland" if irish else UK,
                "Shipping Street": f"{rng.randint(1, 90)} {rng.choice(STREETS)}" if shipping else "",
                "Shipping City": rng.choice(PLACES)[0] if shipping else "",
                "Shipping Postal Code": rng.choice(PLACES)[2] if shipping else "",
                "VAT Number": maybe(rng, 0.45, f"IE{rng.randint(1000000, 9999999)}T" if irish else
                                    f"GB{rng.randint(100000000, 999999999)}") if firm else "",
                "ID Number": maybe(rng, 0.3, f"{rng.randint(1000000, 13999999):08d}") if firm else "",
                "Public Notes": maybe(rng, 0.1, "Support hours Mon-Fri 8-6"),
                "Contact Phone": maybe(rng, 0.5 if firm else 0.9, _phone(rng, True)),
                "First Name": p.first, "Last Name": p.last, "Email": p.email(domain),
                "Custom Value 1": maybe(rng, 0.7, rng.choice(SOURCES)),
                "Classification": maybe(rng, 0.75, rng.choice(CLIENT_KINDS) if firm else "Individual"),
                "Status": "Archived" if rng.random() < 0.1 else "Active",
            }
        )  # fmt: skip
    return rows


def _display(client: dict[str, str]) -> str:
    return client["Name"] or f"{client['First Name']} {client['Last Name']}"


def _invoices(rng: random.Random, clients: list[dict[str, str]]) -> list[dict[str, str]]:
    rows = []
    for i in range(55):
        client = rng.choice(clients)
        status = INVOICE_MIX[i % len(INVOICE_MIX)]
        discount = rng.choice([0, 0, 0, 0, 5, 10])
        net = rng.randint(4, 160) * 12.5 * (1 - discount / 100)
        rate = 0 if client["Client Currency"] == "EUR" else 20
        tax = round(net * rate / 100, 2)
        amount = round(net + tax, 2)
        paid = amount if status == "Paid" else round(amount * 0.5, 2) if status == "Partial/Deposit" else 0.0
        balance = 0.0 if status in ("Draft", "Cancelled", "Reversed") else amount - paid
        issued = _day(rng)
        due = issued + datetime.timedelta(days=rng.choice([14, 14, 30]))
        rows.append(
            {
                "Client Name": _display(client), "Client Currency": client["Client Currency"],
                "Invoice Invoice Number": f"{i + 1:04d}", "Invoice Amount": _num(amount),
                "Invoice Balance": _num(balance), "Invoice Paid to Date": _num(paid),
                "Invoice PO Number": maybe(rng, 0.2, f"PO-{rng.randint(1000, 9999)}"),
                "Invoice Date": issued.isoformat(), "Invoice Due Date": maybe(rng, 0.9, due.isoformat()),
                "Invoice Terms": TERMS if rng.random() < 0.85 else "Payment due on receipt.",
                "Invoice Status": status,
                "Invoice Public Notes": maybe(rng, 0.5, "Thank you for your business."),
                "Invoice Private Notes": maybe(rng, 0.12, rng.choice(INVOICE_NOTES)),
                "Invoice Discount": _num(discount),
                "Invoice Partial/Deposit": _num(amount / 2 if i % 9 == 4 else 0),  # a deposit requested
                "Invoice Tax Name 1": "VAT" if rate else "", "Invoice Tax Rate 1": _num(rate),
                "Invoice Tax Amount": _num(tax), "Invoice Assigned User": maybe(rng, 0.6, rng.choice(TEAM)),
                "Invoice User": rng.choice(["Rhys Morgan"] * 4 + ["Hannah Okoye"]),
            }
        )  # fmt: skip
    return rows


def _quotes(rng: random.Random, clients: list[dict[str, str]]) -> list[dict[str, str]]:
    rows = []
    for i in range(35):
        client = rng.choice(clients)
        discount = rng.choice([0, 0, 0, 10])
        net = rng.randint(8, 320) * 12.5 * (1 - discount / 100)
        tax = 0.0 if client["Client Currency"] == "EUR" else round(net * 0.2, 2)
        issued = _day(rng)
        rows.append(
            {
                "Client Name": _display(client), "Client Currency": client["Client Currency"],
                "Quote Number": f"{i + 1:04d}", "Quote Amount": _num(net + tax),
                "Quote PO Number": maybe(rng, 0.15, f"PO-{rng.randint(1000, 9999)}"),
                "Quote Date": issued.isoformat(),
                "Quote Valid Until": (issued + datetime.timedelta(days=30)).isoformat(),
                "Quote Status": QUOTE_MIX[i % len(QUOTE_MIX)], "Quote Public Notes": rng.choice(WORK),
                "Quote Private Notes": maybe(rng, 0.15, rng.choice(QUOTE_NOTES)),
                "Quote Discount": _num(discount), "Quote Tax Amount": _num(tax),
                "Quote Assigned User": maybe(rng, 0.75, rng.choice(TEAM)),
                "Quote User": rng.choice(["Rhys Morgan"] * 3 + ["Hannah Okoye"]),
            }
        )  # fmt: skip
    return rows


def _roll_up(clients: list[dict[str, str]], invoices: list[dict[str, str]]) -> None:
    """A client's Balance and Paid to Date are sums over its invoices, as Invoice Ninja keeps them."""
    for client in clients:
        mine = [r for r in invoices if r["Client Name"] == _display(client)]
        client["Balance"] = _num(sum(float(r["Invoice Balance"]) for r in mine))
        client["Paid to Date"] = _num(sum(float(r["Invoice Paid to Date"]) for r in mine))


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    clients = _clients(rng)
    invoices = _invoices(rng, clients)
    quotes = _quotes(rng, clients)
    _roll_up(clients, invoices)
    write_csv(root / "clients.csv", CLIENT_HEADER, [[c[h] for h in CLIENT_HEADER] for c in clients])
    write_csv(root / "invoices.csv", INVOICE_HEADER, [[r[h] for h in INVOICE_HEADER] for r in invoices])
    write_csv(root / "quotes.csv", QUOTE_HEADER, [[r[h] for h in QUOTE_HEADER] for r in quotes])
    state = destination(
        CASE,
        "GB",
        {"Proposals": ["Drafting", "Proposal Sent", "Client Accepted", "Invoiced"]},
        [("Rhys", "Morgan", "rhys@pennineit.co.uk"), ("Hannah", "Okoye", "hannah@pennineit.co.uk")],
        custom_fields=[("VAT Number", "contact.vat_number", "TEXT", "contact")],
    )
    state["nativeDocuments"] = ["invoice", "estimate"]  # the sub-account takes HighLevel's own documents
    write_json(cases_dir / CASE / "destination.json", state)
