"""Vtiger CRM: the list-view exports (Export to CSV) of Organizations, Contacts and Opportunities.

Sources: Vtiger's help centre (https://help.vtiger.com/article/147862001-Sales-Process-Flow---From-
Leads-to-Deals-to-Quotes, https://help.vtiger.com/article/147596726-Vtiger-Sales-Process-Overview),
the module definitions and language files of vtiger CRM 6 (https://docs.huihoo.com/phpdoc/vtigercrm/
6.1/xref/modules/Leads/Leads.php.source.html; languages/en_us/Potentials.php as kept by the forks
berliCRM/berlicrm and IT-Solutions4You/defalto) and https://usermanual.vtenext.com/books/user-manual-
vtenext-2205/page/91-potentials/revisions/6997 (the potential's fields).

An export writes every field under its label: ``Organization Name``, ``Organization No`` (ACC12),
``Member Of`` (the parent organisation by name), ``Billing Address`` (the street) / ``Billing City`` /
``Billing State`` / ``Billing Code`` / ``Billing Country``; a contact's ``Contact Id`` (CON7),
``Organization Name`` and ``Reports To`` by display name, ``Office Phone`` / ``Mobile Phone`` /
``Home Phone``, ``Primary Email`` / ``Secondary Email``, ``Email Opt Out`` and ``Do Not Call`` as 1 / 0,
the ``Lead Source`` pick list (Cold Call ... Word of mouth) and ``Mailing`` address; a potential's
``Potential Name``, ``Potential No`` (POT3), ``Organization Name`` and ``Contact Name`` by display name,
``Type`` (New Business / Existing Business), ``Sales Stage`` from the default pick list (Prospecting ...
Closed Lost), ``Probability`` and the derived ``Forecast Amount``. ``Assigned To`` names a user by full
name or one of the default groups (Team Selling, Marketing Group). Times are ``YYYY-MM-DD HH:MM:SS``,
dates follow the exporting user's format (mm-dd-yyyy here), money has two decimals.
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    Person,
    companies,
    date,
    destination,
    maybe,
    people,
    rng_for,
    street,
    us_phone,
    write_csv,
    write_json,
)

CASE = "vtiger_crm"
# Dana Whitfield has no destination user; Team Selling is a vtiger group, no person at all
OWNERS = ["Priya Raman", "Marcus Hale", "Dana Whitfield", "Team Selling"]
STAGES = [
    "Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
    "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost",
]  # fmt: skip
PROBABILITY = [10, 20, 25, 30, 40, 50, 65, 80, 100, 0]
SOURCES = ["Cold Call", "Existing Customer", "Self Generated", "Employee", "Partner", "Web Site",
           "Word of mouth", "Trade Show", "Conference"]  # fmt: skip
INDUSTRIES = ["Construction", "Consulting", "Healthcare", "Retail", "Technology", "Food & Beverage"]
ACCOUNT_TYPES = ["Customer", "Prospect", "Partner", "Reseller", "Competitor"]
TITLES = ["Office Manager", "CEO", "Purchasing Manager", "Owner", "Operations Director", "CFO"]
DEPARTMENTS = ["Finance", "Operations", "Sales", "Management", ""]
SALUTATIONS = ["Mr.", "Ms.", "Mrs.", "Dr.", ""]
NEXT_STEPS = ["Send revised quote", "Call back next week", "Book site visit", "Demo for the board"]
NOTES = ["Met at the spring expo.", "Prefers e-mail over calls.", "Renewal due in Q3.", ""]
ORG_HEADER = [
    "Organization Name", "Organization No", "Website", "Phone", "Fax", "Member Of", "Employees",
    "Email", "Industry", "Type", "Annual Revenue", "Email Opt Out", "Assigned To", "Billing Address",
    "Billing City", "Billing State", "Billing Code", "Billing Country", "Created Time",
    "Modified Time", "Description",
]  # fmt: skip
CONTACT_HEADER = [
    "Salutation", "First Name", "Last Name", "Contact Id", "Organization Name", "Title", "Department",
    "Office Phone", "Mobile Phone", "Home Phone", "Primary Email", "Secondary Email", "Date of Birth",
    "Lead Source", "Reports To", "Email Opt Out", "Do Not Call", "Assigned To", "Mailing Street",
    "Mailing City", "Mailing State", "Mailing Zip", "Mailing Country", "Created Time",
    "Modified Time", "Description",
]  # fmt: skip
POTENTIAL_HEADER = [
    "Potential Name", "Potential No", "Amount", "Organization Name", "Contact Name",
    "Expected Close Date", "Type", "Lead Source", "Next Step", "Sales Stage", "Assigned To",
    "Probability", "Forecast Amount", "Created Time", "Modified Time", "Description",
]  # fmt: skip
US_DATE = "{m:02d}-{d:02d}-{y}"
# the destination's stages, worded otherwise than vtiger's pick list
PIPELINE = ["New", "Qualified", "Discovery", "Proposal Sent", "Negotiating", "Won", "Lost"]


def _time(rng: random.Random, year: int) -> str:
    return f"{date(rng, year)} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _org_rows(rng: random.Random, firms: list[str]) -> list[list[str]]:
    rows = []
    for i, name in enumerate(firms, start=1):
        city, state, zip_code = rng.choice(US_PLACES)
        domain = name.split()[0].lower() + name.split()[1].lower() + ".com"
        parent = maybe(rng, 0.2, rng.choice(firms[:4])) if i > 4 else ""
        revenue = maybe(rng, 0.6, f"{rng.randint(2, 90) * 50000}.00")
        rows.append(
            [name, f"ACC{i}", maybe(rng, 0.8, f"www.{domain}"), us_phone(rng), maybe(rng, 0.2, us_phone(rng)),
             parent, maybe(rng, 0.7, str(rng.randint(3, 400))), maybe(rng, 0.6, f"info@{domain}"),
             maybe(rng, 0.8, rng.choice(INDUSTRIES)), maybe(rng, 0.9, rng.choice(ACCOUNT_TYPES)), revenue,
             rng.choice(["0", "0", "0", "1"]), rng.choice(OWNERS), street(rng), city, state, zip_code,
             rng.choice(["United States", "USA", "United States"]), _time(rng, 2022), _time(rng, 2024),
             rng.choice(NOTES)]
        )  # fmt: skip
    return rows


def _contact_rows(rng: random.Random, persons: list[Person], firms: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for i, p in enumerate(persons, start=1):
        firm = maybe(rng, 0.8, rng.choice(firms))
        city, state, zip_code = rng.choice(US_PLACES)
        work = p.email(firm.split()[0].lower() + firm.split()[1].lower() + ".com") if firm else ""
        boss = maybe(rng, 0.25, rng.choice(persons[: i - 1]).full) if i > 3 else ""
        rows.append(
            [rng.choice(SALUTATIONS), p.first, p.last, f"CON{i}", firm, maybe(rng, 0.7, rng.choice(TITLES)),
             maybe(rng, 0.5, rng.choice(DEPARTMENTS)), maybe(rng, 0.85, us_phone(rng)),
             maybe(rng, 0.45, us_phone(rng)), maybe(rng, 0.15, us_phone(rng)), work or p.email("gmail.com"),
             maybe(rng, 0.25, p.email("outlook.com")),
             maybe(rng, 0.3, date(rng, rng.randint(1960, 1995), US_DATE)),
             maybe(rng, 0.8, rng.choice(SOURCES)), boss, rng.choice(["0", "0", "0", "1"]),
             rng.choice(["0", "0", "0", "0", "1"]), rng.choice(OWNERS), maybe(rng, 0.85, street(rng)),
             city, state, zip_code, "United States", _time(rng, 2023), _time(rng, 2024),
             maybe(rng, 0.3, rng.choice(NOTES))]
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firms = companies(rng, 16)
    persons = people(rng, 45)
    org_rows = _org_rows(rng, firms)
    contact_rows = _contact_rows(rng, persons, firms)
    potential_rows = []
    for i in range(40):
        contact = rng.choice(contact_rows)
        stage = i % len(STAGES)
        amount = rng.randint(8, 300) * 100
        prob = PROBABILITY[stage]
        what = rng.choice(["Annual support", "Rollout", "Renewal", "Pilot", "Expansion"])
        potential_rows.append(
            [f"{contact[4] or contact[1] + ' ' + contact[2]} - {what}", f"POT{i + 1}", f"{amount}.00",
             contact[4], f"{contact[1]} {contact[2]}", date(rng, 2025, US_DATE),
             rng.choice(["New Business", "Existing Business", ""]), maybe(rng, 0.7, rng.choice(SOURCES)),
             maybe(rng, 0.5, rng.choice(NEXT_STEPS)), STAGES[stage], rng.choice(OWNERS), f"{prob}.00",
             f"{amount * prob / 100:.2f}", _time(rng, 2024), _time(rng, 2025),
             maybe(rng, 0.3, rng.choice(NOTES))]
        )  # fmt: skip
    write_csv(root / "organizations.csv", ORG_HEADER, org_rows)
    write_csv(root / "contacts.csv", CONTACT_HEADER, contact_rows)
    write_csv(root / "potentials.csv", POTENTIAL_HEADER, potential_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Pipeline": PIPELINE},
            [
                ("Priya", "Raman", "priya@northgateit.com"),
                ("Marcus", "Hale", "marcus@northgateit.com"),
            ],
        ),
    )
