"""Odoo CRM: the list-view exports of Contacts (``res.partner``) and Leads/Opportunities (``crm.lead``),
CSV with the field labels as headers (Odoo's export dialog without "import-compatible").

Follows Odoo's CRM documentation and source: ``crm.lead`` fields Opportunity (``name``), Customer
(``partner_id``, exported as the partner's display name: "Company, Person" for a person of a
company), Contact Name, Company Name, Email, Phone, Salesperson (``user_id``), Sales Team,
Expected Revenue, Probability, Stage (the default stages New / Qualified / Proposition / Won of
``crm_stage_data.xml``), Tags (comma-separated), Expected Closing, Priority (Low / Medium / High /
Very High), Source, Medium, Lost Reason, Active (a lost opportunity is archived: False) and
Created on; ``res.partner`` fields Name, Company Type (Individual / Company), Related Company (by
name), Job Position, Email, Phone, Mobile, Street, City, State (display name "Texas (US)"), Zip,
Country, Website, Tags, Salesperson and Notes (HTML). The ID column is the export's external id.
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
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

CASE = "odoo"
SALESPEOPLE = ["Sofia Marchetti", "Luca Bianchi", "Administrator"]  # the generic admin login has no user
PLACES = [
    ("Austin", "Texas (US)", "78701"),
    ("Denver", "Colorado (US)", "80202"),
    ("Tampa", "Florida (US)", "33602"),
    ("Raleigh", "North Carolina (US)", "27601"),
]
STAGES = ["New", "Qualified", "Proposition", "Won"]
LEAD_TAGS = ["Product", "Services", "Consulting", "Training"]
PARTNER_TAGS = ["Customer", "Prospect", "Supplier", "VIP"]
POSITIONS = [
    "Purchasing Manager",
    "CEO",
    "Office Manager",
    "Consultant",
    "Accountant",
    "Store Manager",
    "CEO",
]
PROJECTS = ["Website redesign", "Support plan"]
LOST_REASONS = ["Too expensive", "We don't have people/skills", "Not enough stock"]


def _external_id(rng: random.Random, model: str, n: int) -> str:
    return f"__export__.{model}_{n}_{rng.getrandbits(32):08x}"


def _created_on(rng: random.Random) -> str:
    return f"{date(rng, 2024)} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _tags(rng: random.Random, names: list[str], share: float) -> str:
    return ",".join(rng.sample(names, rng.randint(1, 2))) if rng.random() < share else ""


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    orgs = companies(rng, 10)
    persons = people(rng, 28)
    employer = {p.full: (rng.choice(orgs) if rng.random() < 0.7 else "") for p in persons}
    partner_rows = []
    for i, org in enumerate(orgs, start=1):
        city, state, zip_code = rng.choice(PLACES)
        slug = "".join(org.lower().split())
        partner_rows.append(
            [
                _external_id(rng, "res_partner", 10 + i),
                org,
                "Company",
                "",
                "",
                f"info@{slug}.com",
                us_phone(rng),
                "",
                street(rng),
                city,
                state,
                zip_code,
                "United States",
                f"https://www.{slug}.com",
                _tags(rng, PARTNER_TAGS, 0.7),
                rng.choice(SALESPEOPLE),
                maybe(rng, 0.3, "<p>Net 30 terms agreed.</p>"),
            ]
        )
    for i, p in enumerate(persons, start=1):
        city, state, zip_code = rng.choice(PLACES)
        org = employer[p.full]
        partner_rows.append(
            [
                _external_id(rng, "res_partner", 40 + i),
                p.full,
                "Individual",
                org,
                maybe(rng, 0.7, rng.choice(POSITIONS)),
                p.email("example.com"),
                maybe(rng, 0.6, us_phone(rng)),
                maybe(rng, 0.5, us_phone(rng)),
                street(rng),
                city,
                state,
                zip_code,
                "United States",
                "",
                _tags(rng, PARTNER_TAGS, 0.4),
                rng.choice(SALESPEOPLE),
                maybe(rng, 0.3, f"<p>Call {p.first} before 10 am.</p>"),
            ]
        )
    write_csv(
        root / "res_partner.csv",
        [
            "ID",
            "Name",
            "Company Type",
            "Related Company",
            "Job Position",
            "Email",
            "Phone",
            "Mobile",
            "Street",
            "City",
            "State",
            "Zip",
            "Country",
            "Website",
            "Tags",
            "Salesperson",
            "Notes",
        ],
        partner_rows,
    )
    lead_rows = []
    for i in range(40):
        p = persons[(i * 3) % len(persons)]
        org = employer[p.full]
        stage = STAGES[i % len(STAGES)]
        lost = stage != "Won" and i % 5 == 4
        customer = rng.choice([f"{org}, {p.full}", org]) if org else p.full
        lead_rows.append(
            [
                _external_id(rng, "crm_lead", 100 + i),
                f"{org or p.full}'s opportunity" if i % 3 else rng.choice(PROJECTS),
                customer if i % 4 else "",
                p.full,
                org,
                p.email("example.com"),
                us_phone(rng),
                rng.choice(SALESPEOPLE),
                rng.choice(["Sales", "Website"]),
                f"{rng.randint(4, 160) * 250:.1f}",
                f"{rng.choice([10, 30, 70, 100]) if stage == 'Won' else rng.choice([10, 30, 70])}.0",
                stage,
                _tags(rng, LEAD_TAGS, 0.6),
                date(rng, 2025),
                rng.choice(["Low", "Low", "Medium", "High", "Very High"]),
                rng.choice(["Search engine", "Newsletter", "Facebook", ""]),
                rng.choice(["Email", "Phone", "Website", "Direct"]),
                rng.choice(LOST_REASONS) if lost else "",
                "False" if lost else "True",
                _created_on(rng),
            ]
        )
    write_csv(
        root / "crm_lead.csv",
        [
            "ID",
            "Opportunity",
            "Customer",
            "Contact Name",
            "Company Name",
            "Email",
            "Phone",
            "Salesperson",
            "Sales Team",
            "Expected Revenue",
            "Probability",
            "Stage",
            "Tags",
            "Expected Closing",
            "Priority",
            "Source",
            "Medium",
            "Lost Reason",
            "Active",
            "Created on",
        ],
        lead_rows,
    )
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Pipeline": ["New Lead", "Qualified", "Proposal", "Won", "Lost"]},
            [("Sofia", "Marchetti", "sofia@lumenstudio.com"), ("Luca", "Bianchi", "luca@lumenstudio.com")],
        ),
    )
