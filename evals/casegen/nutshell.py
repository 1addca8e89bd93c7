"""Nutshell: the Companies, People and Leads list exports, CSV (a US B2B services firm).

Follows Nutshell's help-centre page "What data can I import into Nutshell?" (the same columns its
list exports write: company name, company type, industry, URL, e-mail, phone, address parts with a
country code, owner by user name, tags, note; a person's full name, job title, company, work and
mobile phones, description) and its API documentation for leads: a lead's status is one of Open,
Won, Lost or Cancelled, apart from the stage (milestone) it reached in its pipeline; it has a value,
a confidence, an assignee by name, a primary company and a primary person (by display name),
sources and tags. Dates are the US list format (MM/DD/YYYY); money is display text ("$12,500.00").
"""

from __future__ import annotations

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

CASE = "nutshell"
USERS = ["Kara Lindqvist", "Devon Price", "Theo Marsh"]  # Theo has no destination user
COMPANY_TYPES = ["Customer", "Prospect", "Partner", "Vendor"]
INDUSTRIES = ["Healthcare", "Construction", "Software", "Hospitality", "Manufacturing"]
TITLES = ["Owner", "Operations Manager", "CFO", "Office Manager", "IT Director", "owner", "Buyer", "VP Sales"]
TAGS = [["Trade Show", "trade show", "Trade show "], ["Referral", "referral"], ["Enterprise", "ENTERPRISE"]]
STAGES = ["Qualify", "Discovery Call", "Send Proposal", "Negotiate"]
SOURCES = ["Website", "Trade Show", "Partner referral", "Cold outreach"]
ROLES = ["decision maker", "champion", "signs off"]
DESTINATION_STAGES = ["Qualified", "Discovery", "Proposal Sent", "Negotiation", "Closed Won", "Closed Lost"]
DATE_US = "{m:02d}/{d:02d}/{y}"


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    orgs = companies(rng, 14)
    persons = people(rng, 34)
    company_rows = []
    for i, org in enumerate(orgs, start=1):
        city, state, zip_code = rng.choice(US_PLACES)
        company_rows.append(
            [
                str(100 + i),
                org,
                rng.choice(COMPANY_TYPES),
                rng.choice(INDUSTRIES),
                f"https://{org.split()[0].lower()}{org.split()[1].lower()}.com",
                f"hello@{org.split()[0].lower()}{org.split()[1].lower()}.com",
                us_phone(rng),
                street(rng),
                city,
                state,
                zip_code,
                "US",
                rng.choice(USERS),
                maybe(rng, 0.6, spelled(rng, rng.choice(TAGS))),
                maybe(rng, 0.3, rng.choice(["Met at the spring expo.", "Annual contract renews in Q3."])),
                date(rng, 2023, DATE_US),
            ]
        )
    write_csv(
        root / "companies.csv",
        [
            "Id",
            "Name",
            "Company Type",
            "Industry",
            "URL",
            "Email",
            "Phone",
            "Address 1",
            "City",
            "State",
            "Zip",
            "Country Code",
            "Owner",
            "Tags",
            "Note",
            "Created",
        ],
        company_rows,
    )
    employer = {p.full: rng.choice(orgs) for p in persons}
    people_rows = []
    for i, p in enumerate(persons, start=1):
        city, state, zip_code = rng.choice(US_PLACES)
        org = employer[p.full]
        people_rows.append(
            [
                str(500 + i),
                p.full,
                maybe(rng, 0.85, rng.choice(TITLES)),
                org,
                p.email(f"{org.split()[0].lower()}{org.split()[1].lower()}.com"),
                us_phone(rng),
                maybe(rng, 0.5, us_phone(rng)),
                street(rng),
                city,
                state,
                zip_code,
                "US",
                rng.choice(USERS),
                maybe(rng, 0.4, spelled(rng, rng.choice(TAGS))),
                maybe(rng, 0.3, f"Prefers e-mail; {rng.choice(ROLES)}."),
            ]
        )
    write_csv(
        root / "people.csv",
        [
            "Id",
            "Name",
            "Job Title",
            "Company",
            "Email",
            "Work Phone",
            "Mobile Phone",
            "Address 1",
            "City",
            "State",
            "Zip",
            "Country Code",
            "Owner",
            "Tags",
            "Description",
        ],
        people_rows,
    )
    lead_rows = []
    statuses = ["Open", "Open", "Open", "Won", "Lost", "Cancelled"]
    for i in range(42):
        p = persons[(i * 7) % len(persons)]
        status = statuses[i % len(statuses)]
        amount = rng.randint(12, 480) * 250
        lead_rows.append(
            [
                str(9000 + i),
                f"{employer[p.full]} - {rng.choice(['Managed services', 'Onboarding', 'Annual licence'])}",
                status,
                "Sales Process",
                STAGES[i % len(STAGES)],
                f"${amount:,.2f}",
                f"{rng.choice([10, 25, 50, 75, 90])}%",
                rng.choice(USERS),
                employer[p.full],
                p.full,
                rng.choice(SOURCES),
                maybe(rng, 0.5, spelled(rng, rng.choice(TAGS))),
                date(rng, 2024, DATE_US),
                date(rng, 2025, DATE_US),
                date(rng, 2025, DATE_US) if status != "Open" else "",
            ]
        )
    write_csv(
        root / "leads.csv",
        [
            "Id",
            "Name",
            "Status",
            "Pipeline",
            "Stage",
            "Value",
            "Confidence",
            "Assignee",
            "Primary Company",
            "Primary Person",
            "Sources",
            "Tags",
            "Created",
            "Due Date",
            "Closed Date",
        ],
        lead_rows,
    )
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Process": DESTINATION_STAGES},
            [("Kara", "Lindqvist", "kara@brightwaveit.com"), ("Devon", "Price", "devon@brightwaveit.com")],
        ),
    )
