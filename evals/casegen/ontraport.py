"""Ontraport: the Contacts collection and the Deals app exported to CSV.

From Ontraport's help centre ("Importing Contacts", https://support.ontraport.com/hc/en-us/articles/
217881238-Importing-Contacts; "Import contacts and other records", https://ontraport.com/support/crm/
import-contacts/; "Contact Management Overview", https://support.ontraport.com/hc/en-us/articles/
217881208-Contact-Management-Overview; "Using the Deals app", https://ontraport.com/support/
No-code-web-apps/using-the-deals-app) and the contact fields its integrations list
(https://zapier.com/apps/ontraport/integrations/ontraport/231539, https://docs.tealium.com/
server-side-connectors/ontraport-connector): the default contact fields First Name, Last Name,
Email, Title, Company, Address, Address 2, City, State, Zip Code, Country, Office Phone, SMS Number,
Fax, Birthday, Website and Contact Tags (several tags in one cell, separated by ``*/*``); the
``Bulk Email Status`` enumeration (Single Opt-In, Double Opt-In, Transactional Only, Pending Review,
Hard Bounce, Unconfirmed); the collection's Date Added / Date Modified columns. A contact's
company is a text field (no companies table here). Deal records hold a Deal Value, an Expected Win %,
the Weighted Deal Value an automation computes from them, a primary contact, the company, the
expected and actual close dates and a Deal Size colour field; the Deals app's stages are defined by
the account (here a sales pipeline ending in Closed Won / Closed Lost, no separate status column).
Dates as the US account writes them (MM/DD/YYYY), money as "$4,250.00", owners by user name.
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

CASE = "ontraport"
OWNERS = ["Dana Whitfield", "Marco Ruiz", "Priya Sethi"]  # Priya has no destination user
US_DATE = "{m:02d}/{d:02d}/{y}"
STAGES = ["Lead In", "Discovery Call Booked", "Proposal Sent", "Negotiating", "Closed Won", "Closed Lost"]
TAGS = [["Webinar Lead", "webinar lead", "Webinar lead"], ["VIP", "vip"], ["Customer"],
        ["Newsletter", "newsletter "], ["Coaching Program", "coaching program"]]  # fmt: skip
TITLES = ["Owner", "Marketing Manager", "owner", "Coach", "CEO", "Founder", "Office Manager"]
BULK = ["Single Opt-In", "Single Opt-In", "Double Opt-In", "Transactional Only", "Hard Bounce",
        "Unconfirmed", "Pending Review"]  # fmt: skip
CONTACT_HEADER = [
    "Contact ID", "First Name", "Last Name", "Email", "Title", "Company", "Address", "Address 2",
    "City", "State", "Zip Code", "Country", "Office Phone", "SMS Number", "Fax", "Birthday",
    "Website", "Contact Tags", "Bulk Email Status", "Owner", "Date Added", "Date Modified",
]  # fmt: skip
DEAL_HEADER = [
    "Deal ID", "Name", "Primary Contact", "Company", "Stage", "Deal Value", "Expected Win %",
    "Weighted Deal Value", "Expected Close Date", "Actual Close Date", "Deal Size", "Owner",
    "Date Added",
]  # fmt: skip
WIN = {"Lead In": 10, "Discovery Call Booked": 25, "Proposal Sent": 50, "Negotiating": 75,
       "Closed Won": 100, "Closed Lost": 0}  # fmt: skip


def _money(value: float) -> str:
    return f"${value:,.2f}"


def _tags(rng: random.Random) -> str:
    picked = rng.sample(TAGS, rng.randint(0, 3))
    return "*/*".join(spelled(rng, t) for t in picked)


def _contact_rows(rng: random.Random) -> list[list[str]]:
    firms = companies(rng, 12)
    rows = []
    for i, p in enumerate(people(rng, 45), start=1):
        firm = maybe(rng, 0.6, rng.choice(firms))
        city, state, zip_code = rng.choice(US_PLACES)
        has_address = rng.random() < 0.7
        rows.append(
            [str(i), p.first, p.last, p.email(rng.choice(["gmail.com", "outlook.com", "yahoo.com"])),
             maybe(rng, 0.5, rng.choice(TITLES)), firm, street(rng) if has_address else "",
             maybe(rng, 0.2, f"Suite {rng.randint(100, 450)}") if has_address else "",
             city if has_address else "", state if has_address else "", zip_code if has_address else "",
             "US" if has_address else "", maybe(rng, 0.5, us_phone(rng)), maybe(rng, 0.7, us_phone(rng)),
             maybe(rng, 0.08, us_phone(rng)), maybe(rng, 0.3, date(rng, rng.randint(1960, 1998), US_DATE)),
             maybe(rng, 0.25, f"https://www.{firm.split()[0].lower()}.com") if firm else "",
             _tags(rng), rng.choice(BULK), rng.choice(OWNERS), date(rng, 2023, US_DATE),
             date(rng, 2025, US_DATE)]
        )  # fmt: skip
    return rows


def _deal_rows(rng: random.Random, contacts: list[list[str]]) -> list[list[str]]:
    rows = []
    for i in range(1, 41):
        contact = rng.choice(contacts)
        stage = STAGES[i % len(STAGES)]
        value = rng.randint(3, 120) * 250
        win = WIN[stage]
        closed = stage.startswith("Closed")
        size = "Large" if value >= 15000 else "Medium" if value >= 5000 else "Small"
        person = f"{contact[1]} {contact[2]}"
        offer = rng.choice(["Coaching", "Course", "Mastermind"])
        rows.append(
            [str(i), f"{contact[5] or person} - {offer}", person, contact[5], stage, _money(value), str(win),
             _money(value * win / 100), maybe(rng, 0.8, date(rng, 2025, US_DATE)),
             date(rng, 2025, US_DATE) if closed else "", size, rng.choice(OWNERS), date(rng, 2024, US_DATE)]
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    contacts = _contact_rows(rng)
    write_csv(root / "contacts.csv", CONTACT_HEADER, contacts)
    write_csv(root / "deals.csv", DEAL_HEADER, _deal_rows(rng, contacts))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Pipeline": ["New", "Call Scheduled", "Quote Sent", "Negotiation", "Won", "Lost"]},
            [
                ("Dana", "Whitfield", "dana@brightcoaching.co"),
                ("Marco", "Ruiz", "marco@brightcoaching.co"),
            ],
        ),
    )
