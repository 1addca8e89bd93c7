"""Bitrix24 CRM: the REST API's lead, contact, company, deal and user lists (JSON).

From Bitrix24's REST documentation (apidocs.bitrix24.com: crm.lead.fields, crm.contact.fields,
crm.company.fields, crm.deal.fields, "Deals in CRM", the CRM reference guides crm.status.list and
user.get). Every record is a flat object of upper-case field codes whose values are strings: ``ID``,
``TITLE``, ``NAME`` / ``SECOND_NAME`` / ``LAST_NAME``, ``POST`` (job title), ``COMPANY_TITLE`` (a
lead's company), ``STATUS_ID`` (a lead's status: NEW, IN_PROCESS, PROCESSED, JUNK, CONVERTED),
``SOURCE_ID`` (CALL, EMAIL, WEB, ADVERTISING, PARTNER, RECOMMENDATION, TRADE_SHOW, WEBFORM, OTHER),
``TYPE_ID`` (a contact's CLIENT / SUPPLIER / PARTNER / OTHER; a deal's SALE / COMPLEX / GOODS /
SERVICES / SERVICE), ``COMPANY_TYPE``, ``INDUSTRY`` (IT, TELECOM, MANUFACTURING, BANKING,
CONSULTING, FINANCE, ...), ``EMPLOYEES`` (EMPLOYEES_1..4), ``REVENUE``, ``ADDRESS`` and its parts
(``ADDRESS_CITY``, ``ADDRESS_REGION``, ``ADDRESS_PROVINCE``, ``ADDRESS_POSTAL_CODE``,
``ADDRESS_COUNTRY``), ``BIRTHDATE``, ``COMMENTS``, ``OPENED`` / ``EXPORT`` / ``CLOSED`` (Y / N),
``ASSIGNED_BY_ID`` (the responsible user's id), ``DATE_CREATE`` (ISO 8601 with the portal's
offset). Phones and e-mails are multi-fields: lists of ``{ID, VALUE_TYPE, VALUE, TYPE_ID}`` with
VALUE_TYPE WORK, MOBILE, HOME. A deal has ``CATEGORY_ID`` (its pipeline, "direction") and
``STAGE_ID``: the general direction's NEW, PREPARATION, PREPAYMENT_INVOICE, EXECUTING,
FINAL_INVOICE, WON, LOSE, APOLOGY; another direction's stages are prefixed ``C<id>:``.
``OPPORTUNITY`` is the amount (a decimal string) in ``CURRENCY_ID``; ``CONTACT_ID`` and
``COMPANY_ID`` are its client.
"""

from __future__ import annotations

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
    street,
    us_phone,
    write_json,
)

CASE = "bitrix24"
# (ID, first, last, exported e-mail, position); Sara has no destination user, Mark exports a private
# address but is the destination's mark@ user.
USERS = [
    ("1", "Olga", "Petrova", "olga@northwindhvac.com", "Director"),
    ("7", "Mark", "Jensen", "mark.jensen77@gmail.com", "Sales manager"),
    ("12", "Sara", "Lind", "sara@northwindhvac.com", "Sales manager"),
]
GENERAL = ["NEW", "PREPARATION", "PREPAYMENT_INVOICE", "EXECUTING", "FINAL_INVOICE", "WON", "LOSE", "APOLOGY"]
SERVICE = ["C1:NEW", "C1:PREPARATION", "C1:EXECUTING", "C1:WON", "C1:LOSE"]
LEAD_STATUS = ["NEW", "IN_PROCESS", "PROCESSED", "JUNK", "CONVERTED"]
SOURCES = [
    "CALL",
    "EMAIL",
    "WEB",
    "ADVERTISING",
    "PARTNER",
    "RECOMMENDATION",
    "TRADE_SHOW",
    "WEBFORM",
    "OTHER",
]
INDUSTRIES = ["IT", "MANUFACTURING", "CONSULTING", "FINANCE", "DELIVERY", "OTHER"]


def _when(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:00-05:00"


def _multi(rng: random.Random, values: list[tuple[str, str]], kind: str) -> list[dict[str, str]]:
    return [
        {"ID": str(rng.randint(100, 9999)), "VALUE_TYPE": vtype, "VALUE": value, "TYPE_ID": kind}
        for value, vtype in values
    ]


def _address(rng: random.Random) -> dict[str, str]:
    city, state, zip_code = rng.choice(US_PLACES)
    return {
        "ADDRESS": street(rng),
        "ADDRESS_CITY": city,
        "ADDRESS_REGION": maybe(rng, 0.3, f"{city} County"),
        "ADDRESS_PROVINCE": state,
        "ADDRESS_POSTAL_CODE": zip_code,
        "ADDRESS_COUNTRY": rng.choice(["United States", "USA", ""]),
    }


def _companies(rng: random.Random) -> list[dict[str, Any]]:
    return [
        {
            "ID": str(2 * i + 2),
            "TITLE": name,
            "COMPANY_TYPE": rng.choice(["CUSTOMER", "CUSTOMER", "PARTNER", "SUPPLIER"]),
            "INDUSTRY": rng.choice(INDUSTRIES),
            "EMPLOYEES": rng.choice(["EMPLOYEES_1", "EMPLOYEES_2", "EMPLOYEES_3", "EMPLOYEES_4"]),
            "REVENUE": f"{rng.randint(2, 90) * 50000}.00",
            "CURRENCY_ID": "USD",
            **_address(rng),
            "ASSIGNED_BY_ID": rng.choice(USERS)[0],
            "COMMENTS": maybe(rng, 0.3, "Annual maintenance contract"),
            "OPENED": "Y",
            "DATE_CREATE": _when(rng, 2023),
            "PHONE": _multi(rng, [(us_phone(rng), "WORK")], "PHONE"),
        }
        for i, name in enumerate(companies(rng, 12))
    ]


def _person(rng: random.Random, first: str, last: str, email: str) -> dict[str, Any]:
    phones = [(us_phone(rng), rng.choice(["WORK", "MOBILE"]))]
    if rng.random() < 0.25:
        phones.append((us_phone(rng), "HOME"))
    return {
        "NAME": first,
        "SECOND_NAME": maybe(rng, 0.15, rng.choice(["J.", "Marie", "Lee"])),
        "LAST_NAME": last,
        "PHONE": _multi(rng, phones, "PHONE"),
        "EMAIL": _multi(rng, [(email, rng.choice(["WORK", "HOME"]))], "EMAIL"),
    }


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    users = [
        {"ID": i, "ACTIVE": True, "NAME": f, "LAST_NAME": last, "EMAIL": e, "WORK_POSITION": pos}
        for i, f, last, e, pos in USERS
    ]
    firms = _companies(rng)
    contacts = []
    for i, p in enumerate(people(rng, 32)):
        firm = rng.choice(firms) if rng.random() < 0.7 else None
        contacts.append(
            {
                "ID": str(10 + i),
                "HONORIFIC": maybe(rng, 0.3, rng.choice(["HNR_EN_1", "HNR_EN_2", "HNR_EN_3"])),
                **_person(rng, p.first, p.last, p.email(rng.choice(["gmail.com", "outlook.com"]))),
                "POST": maybe(
                    rng, 0.6, rng.choice(["Facilities Manager", "Owner", "Office Manager", "Owner"])
                ),
                "COMPANY_ID": firm["ID"] if firm else "",
                "TYPE_ID": rng.choice(["CLIENT", "CLIENT", "PARTNER", "OTHER"]),
                "SOURCE_ID": rng.choice(SOURCES),
                "BIRTHDATE": maybe(
                    rng,
                    0.25,
                    f"{rng.randint(1960, 1995)}-{rng.randint(1, 12):02d}-"
                    f"{rng.randint(1, 28):02d}T00:00:00-05:00",
                ),
                **_address(rng),
                "ASSIGNED_BY_ID": rng.choice(USERS)[0],
                "OPENED": "Y",
                "EXPORT": rng.choice(["Y", "Y", "N"]),
                "COMMENTS": maybe(rng, 0.25, "Prefers email contact"),
                "DATE_CREATE": _when(rng, 2023),
            }
        )
    leads = []
    for i, p in enumerate(people(rng, 26)):
        leads.append(
            {
                "ID": str(300 + i),
                "TITLE": f"{rng.choice(['Furnace', 'AC install', 'Heat pump', 'Duct cleaning'])} - {p.last}",
                **_person(rng, p.first, p.last, p.email(rng.choice(["yahoo.com", "gmail.com"]))),
                "COMPANY_TITLE": maybe(rng, 0.3, rng.choice(firms)["TITLE"]),
                "POST": maybe(rng, 0.3, rng.choice(["Owner", "Property Manager"])),
                "STATUS_ID": LEAD_STATUS[i % len(LEAD_STATUS)],
                "SOURCE_ID": rng.choice(SOURCES),
                "OPPORTUNITY": maybe(rng, 0.5, f"{rng.randint(8, 120) * 50}.00"),
                "CURRENCY_ID": "USD",
                "ASSIGNED_BY_ID": rng.choice(USERS)[0],
                "COMMENTS": maybe(rng, 0.4, "Asked for a callback in the morning"),
                "DATE_CREATE": _when(rng, 2024),
            }
        )
    deals = []
    for i in range(46):
        service = i % 3 == 2
        stages = SERVICE if service else GENERAL
        stage = stages[i % len(stages)]
        contact = rng.choice(contacts)
        closed = stage.endswith(("WON", "LOSE", "APOLOGY"))
        deals.append(
            {
                "ID": str(500 + i),
                "TITLE": rng.choice(
                    [
                        "Rooftop unit replacement",
                        "Boiler service plan",
                        "New build HVAC",
                        "Maintenance contract",
                    ]
                ),
                "TYPE_ID": rng.choice(["SALE", "SERVICES", "SERVICE", "COMPLEX"]),
                "CATEGORY_ID": "1" if service else "0",
                "STAGE_ID": stage,
                "PROBABILITY": maybe(rng, 0.5, str(rng.choice([10, 30, 50, 70, 90]))),
                "OPPORTUNITY": f"{rng.randint(20, 900) * 25}.00",
                "CURRENCY_ID": "USD",
                "CONTACT_ID": contact["ID"],
                "COMPANY_ID": contact["COMPANY_ID"],
                "BEGINDATE": _when(rng, 2024),
                "CLOSEDATE": _when(rng, 2025),
                "CLOSED": "Y" if closed else "N",
                "ASSIGNED_BY_ID": rng.choice(USERS)[0],
                "SOURCE_ID": rng.choice(SOURCES),
                "COMMENTS": maybe(rng, 0.3, "Needs crane for rooftop access"),
                "DATE_CREATE": _when(rng, 2024),
            }
        )
    write_json(root / "users.json", users)
    write_json(root / "companies.json", firms)
    write_json(root / "contacts.json", contacts)
    write_json(root / "leads.json", leads)
    write_json(root / "deals.json", deals)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Sales Pipeline": [
                    "New Deal",
                    "Preparing Proposal",
                    "Deposit Invoiced",
                    "In Progress",
                    "Final Invoice Sent",
                    "Won",
                    "Lost",
                ],
                "Service Contracts": [
                    "New Request",
                    "Preparing Contract",
                    "Servicing",
                    "Renewed",
                    "Cancelled",
                ],
            },
            [("Olga", "Petrova", "olga@northwindhvac.com"), ("Mark", "Jensen", "mark@northwindhvac.com")],
        ),
    )
