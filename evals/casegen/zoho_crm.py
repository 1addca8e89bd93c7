"""Zoho CRM: the module exports of Accounts, Contacts and Deals, CSV.

From Zoho CRM's help ("CRM modules & fields": the standard fields of Accounts, Contacts and Deals,
exporting data) and its REST API: every file starts with ``Record Id`` ("zcrm_" and a long number);
a lookup is exported twice, its record id (``Account Name.id``, ``Contact Name.id``) beside the
related record's display name (``Account Name``, ``Contact Name``); owners by the user's full name
(``Account Owner``, ``Contact Owner``, ``Deal Owner``); dates YYYY-MM-DD and times YYYY-MM-DD
HH:MM:SS; booleans true / false (``Email Opt Out``); ``Tag`` holds the record's tags. Standard pick
lists: Account Type (Analyst / Competitor / Customer / Distributor / Integrator / Investor / Other /
Partner / Press / Prospect / Reseller / Vendor), Rating (Acquired / Active / Market Failed / Project
Cancelled / Shut Down), Lead Source (Advertisement / Cold Call / Employee Referral / External
Referral / Partner / Trade Show / Web Download / Web Research / Chat), Deal Type (New Business /
Existing Business). The default Deals stages are Qualification / Needs Analysis / Value Proposition /
Id. Decision Makers / Proposal/Price Quote / Negotiation/Review / Closed Won / Closed Lost / Closed
Lost to Competition, each with its own default ``Probability (%)``. Addresses are Billing (accounts)
and Mailing (contacts) Street / City / State / Code (Zip) / Country.
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    companies,
    date,
    destination,
    maybe,
    people,
    rng_for,
    spelled,
    street,
    us_phone,
    write_csv,
    write_json,
)

CASE = "zoho_crm"
OWNERS = ["Priya Raman", "Colin Avery", "Dario Bruno"]  # Dario has no destination user
STAGES = [
    ("Qualification", "10"),
    ("Needs Analysis", "20"),
    ("Value Proposition", "40"),
    ("Id. Decision Makers", "60"),
    ("Proposal/Price Quote", "75"),
    ("Negotiation/Review", "90"),
    ("Closed Won", "100"),
    ("Closed Lost", "0"),
    ("Closed Lost to Competition", "0"),
]
ACCOUNT_TYPES = ["Customer", "Prospect", "Partner", "Reseller", "Other"]
RATINGS = ["Acquired", "Active", "Market Failed", "Project Cancelled", "Shut Down"]
SOURCES = [
    "Advertisement",
    "Cold Call",
    "Employee Referral",
    "External Referral",
    "Trade Show",
    "Web Research",
]
INDUSTRIES = ["Construction", "Retail", "Healthcare", "Food & Beverage"]
NEXT_STEPS = ["Send quote", "Call back Monday", "Site visit"]
WORK = ["Service plan", "Fit-out", "Supplies"]
TAGS = [["Key account", "key account"], ["Expo 2024", "EXPO 2024", "expo 2024 "], ["Newsletter"]]
TITLES = ["Owner", "Office Manager", "Purchasing Manager", "owner", "Director", "Accountant"]
ACCOUNT_HEADER = [
    "Record Id", "Account Owner", "Account Name", "Phone", "Website", "Account Type", "Industry",
    "Annual Revenue", "Billing Street", "Billing City", "Billing State", "Billing Code", "Billing Country",
    "Rating", "Created Time", "Tag",
]  # fmt: skip
CONTACT_HEADER = [
    "Record Id", "Contact Owner", "First Name", "Last Name", "Account Name.id", "Account Name", "Email",
    "Phone", "Mobile", "Title", "Lead Source", "Mailing Street", "Mailing City", "Mailing State",
    "Mailing Zip", "Mailing Country", "Date of Birth", "Email Opt Out", "Created Time", "Tag",
]  # fmt: skip
DEAL_HEADER = [
    "Record Id", "Deal Owner", "Deal Name", "Account Name.id", "Account Name", "Contact Name.id",
    "Contact Name", "Amount", "Closing Date", "Stage", "Type", "Probability (%)", "Lead Source",
    "Next Step", "Created Time",
]  # fmt: skip


def _zid(rng: random.Random) -> str:
    return f"zcrm_4876876000{rng.randint(10**8, 10**9 - 1)}"


def _time(rng: random.Random, year: int) -> str:
    return f"{date(rng, year)} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _tags(rng: random.Random) -> str:
    return ",".join(spelled(rng, t) for t in rng.sample(TAGS, rng.choice([0, 0, 1, 2])))


def _account_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for name in companies(rng, 14):
        city, state, zip_code = rng.choice(US_PLACES)
        rows.append(
            [_zid(rng), rng.choice(OWNERS), name, us_phone(rng),
             maybe(rng, 0.7, f"www.{name.split()[0].lower()}.com"),
             rng.choice(ACCOUNT_TYPES), rng.choice(INDUSTRIES),
             maybe(rng, 0.5, f"{rng.randint(2, 90) * 25_000}.00"), street(rng), city, state, zip_code,
             "United States", maybe(rng, 0.6, rng.choice(RATINGS)), _time(rng, 2023), _tags(rng)]
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    accounts = _account_rows(rng)
    contacts = []
    for p in people(rng, 44):
        acct = rng.choice(accounts) if rng.random() < 0.8 else None
        city, state, zip_code = rng.choice(US_PLACES)
        contacts.append(
            [_zid(rng), rng.choice(OWNERS), p.first, p.last, acct[0] if acct else "", acct[2] if acct else "",
             p.email(acct[2].split()[0].lower() + ".com" if acct else "yahoo.com"),
             maybe(rng, 0.7, us_phone(rng)),
             maybe(rng, 0.4, us_phone(rng)), maybe(rng, 0.6, rng.choice(TITLES)),
             maybe(rng, 0.7, rng.choice(SOURCES)),
             street(rng), city, state, zip_code, "United States",
             maybe(rng, 0.3, date(rng, rng.randint(1960, 1995))),
             rng.choice(["false", "false", "true"]), _time(rng, 2023), _tags(rng)]
        )  # fmt: skip
    deals = []
    for i in range(40):
        contact = rng.choice([c for c in contacts if c[4]])
        stage, probability = STAGES[i % len(STAGES)]
        deals.append(
            [_zid(rng), rng.choice(OWNERS), f"{contact[5]} - {rng.choice(WORK)}",
             contact[4], contact[5], contact[0], f"{contact[2]} {contact[3]}",
             maybe(rng, 0.9, f"{rng.randint(8, 500) * 25}.00"), date(rng, 2025), stage,
             maybe(rng, 0.8, rng.choice(["New Business", "Existing Business"])), probability,
             maybe(rng, 0.6, rng.choice(SOURCES)), maybe(rng, 0.4, rng.choice(NEXT_STEPS)),
             _time(rng, 2024)]
        )  # fmt: skip
    write_csv(root / "Accounts.csv", ACCOUNT_HEADER, accounts)
    write_csv(root / "Contacts.csv", CONTACT_HEADER, contacts)
    write_csv(root / "Deals.csv", DEAL_HEADER, deals)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Sales": [
                    "Qualification",
                    "Needs analysis",
                    "Value proposition",
                    "Decision makers identified",
                    "Proposal sent",
                    "Negotiation",
                    "Won",
                    "Lost",
                ]
            },
            [("Priya", "Raman", "priya@cedarbuild.com"), ("Colin", "Avery", "colin@cedarbuild.com")],
        ),
    )
