"""AccuLynx: a roofing contractor's contacts, jobs and users from AccuLynx's API v2, as JSON.

From AccuLynx's API v2 reference (https://apidocs.acculynx.com/reference, the OpenAPI document
"AccuLynx API V2" 2.2614.0: the ``contact``, ``job``, ``companyRepresentative``, ``financials``,
``jobInsurance`` and ``companyUser`` schemas) and the changelog
https://apidocs.acculynx.com/changelog/appconnection-release-oct-2024; the flattened contact fields
Fivetran's connector lists (https://fivetran.com/docs/connectors/applications/acculynx/connector-schema:
``first_name``, ``company_name``, ``cross_reference``, ``salutation``, mailing and billing addresses with
a state's id, name and abbreviation) say the same. Every record carries a GUID ``id`` and an API
``_link``; a contact holds ``phoneNumbers`` (10 digits, Home / Mobile / Work, ``primary``) and
``emailAddresses`` (Personal / Work / Other) lists and a ``mailingAddress`` / ``billingAddress`` whose
``state`` and ``country`` are nested ``{id, name, abbreviation, _link}`` objects. A job has a
``jobNumber`` (``BR-2431``), a ``jobName`` that joins it to the primary contact's name, the read-only
``currentMilestone`` (Lead, Prospect, Approved, Completed, Invoiced, Closed, Cancelled) with its
``milestoneDate``, ``priority`` Normal / High / Urgent, ``leadDeadReason`` on cancelled leads, a
``locationAddress`` with ``geoLocation``, ``tradeTypes``, ``jobCategory``, ``workType`` (Insurance /
Retail), ``leadSource``, and its ``contacts`` as ``{id, _link, isPrimary, relationToPrimary, contact:
{id, _link}}``. The export also holds what the per-job endpoints return: the sales owner
(``/representatives/sales-owner``: a representative record whose ``user`` is the company user),
``financials`` (``approvedJobValue``, ``balanceDue``, the ``jobId`` it belongs to) and, on insurance
jobs, ``insurance`` (insurance company, claim number, date of loss). Times are UTC ISO 8601.
"""

from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any

from evals.casegen.common import (
    CASES_DIR,
    Person,
    destination,
    maybe,
    people,
    rng_for,
    street,
    write_json,
)

CASE = "acculynx"
API = "https://api.acculynx.com/api/v2"
MILESTONES = ["Lead", "Prospect", "Approved", "Completed", "Invoiced", "Closed", "Cancelled"]
OH_PLACES = [
    ("Columbus", "43215", 39.96, -83.0), ("Dublin", "43017", 40.1, -83.11),
    ("Westerville", "43081", 40.13, -82.93), ("Dayton", "45402", 39.76, -84.19),
    ("Hilliard", "43026", 40.03, -83.16),
]  # fmt: skip
OHIO = {"id": 36, "name": "Ohio", "abbreviation": "OH", "_link": f"{API}/acculynx/countries/1/states/36"}
USA = {"id": 1, "name": "United States", "abbreviation": "US", "_link": f"{API}/acculynx/countries/1"}
TRADES = ["Roofing", "Roofing", "Gutters", "Siding", "Windows"]
CATEGORIES = [
    (1, "Residential"),
    (1, "Residential"),
    (1, "Residential"),
    (3, "Multi-Family"),
]  # a firm: Commercial
WORK_TYPES = [(1, "Insurance", True), (2, "Retail", True)]
SOURCES = ["Door Hanger", "Referral", "Google", "Yard Sign", "Storm Canvassing"]
DEAD = ["Declined", "Went with another contractor", "No damage found", "Insurance denied claim"]
INSURERS = ["State Farm", "Allstate", "Erie Insurance", "Nationwide"]
RELATIONS = ["Spouse", "Tenant", "Property Manager", "Son"]
FIRMS = ["Maple Court Apartments", "Olentangy Commons HOA", "Grace Fellowship Church", "Scioto Self Storage"]
# (first, last, email, role): Tyler and the office user have no destination user.
USERS = [
    ("Jake", "Morrison", "jake@buckeyeroofing.com", "Sales"),
    ("Alyssa", "Ferrante", "alyssa@buckeyeroofing.com", "Sales"),
    ("Tyler", "Graves", "tgraves@buckeyeroofing.com", "Sales"),
    ("Dan", "Kowalski", "dan@buckeyeroofing.com", "Manager"),
    ("Renee", "Sutton", "office@buckeyeroofing.com", "Office"),
]
ROLE_IDS = {"Sales": 5, "Manager": 3, "Office": 4}


def _guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _time(rng: random.Random, year: int, months: tuple[int, int] = (1, 12)) -> str:
    m, d = rng.randint(*months), rng.randint(1, 28)
    return (
        f"{year}-{m:02d}-{d:02d}T{rng.randint(12, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
    )


def _phone(rng: random.Random) -> str:
    return f"{rng.choice([614, 937, 380])}{rng.randint(200, 999)}{rng.randint(1000, 9999)}"


def _address(rng: random.Random) -> dict[str, Any]:
    city, zip_code, _lat, _lon = rng.choice(OH_PLACES)
    return {
        "street1": street(rng),
        "street2": maybe(rng, 0.1, f"Unit {rng.randint(1, 20)}"),
        "city": city,
        "state": OHIO,
        "zipCode": zip_code,
        "country": USA,
    }


def _users(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for first, last, email, role in USERS:
        uid = _guid(rng)
        rows.append(
            {
                "id": uid,
                "displayName": f"{first} {last}",
                "firstName": first,
                "lastName": last,
                "initials": f"{first[0]}{last[0]}",
                "role": {"id": ROLE_IDS[role], "name": role},
                "status": "Active",
                "phone": maybe(rng, 0.5, _phone(rng)),
                "mobilePhone": _phone(rng),
                "email": email,
                "_link": f"{API}/users/{uid}",
            }
        )
    return rows


def _contact(rng: random.Random, p: Person, firm: str) -> dict[str, Any]:
    cid = _guid(rng)
    phones = []
    for n, kind in enumerate(rng.sample(["Mobile", "Home", "Work"], rng.choice([1, 1, 2]))):
        pid = _guid(rng)
        phones.append(
            {
                "id": pid,
                "_link": f"{API}/contacts/{cid}/phone-numbers/{pid}",
                "number": _phone(rng),
                "ext": "",
                "primary": n == 0,
                "hasTextingAvailable": kind == "Mobile",
                "type": kind,
            }
        )
    emails = []
    if rng.random() < 0.9:
        eid = _guid(rng)
        domain = "gmail.com" if not firm else firm.split()[0].lower() + "mgmt.com"
        emails.append(
            {
                "id": eid,
                "_link": f"{API}/contacts/{cid}/email-addresses/{eid}",
                "address": p.email(domain),
                "primary": True,
                "type": "Work" if firm else "Personal",
            }
        )
    mailing = _address(rng)
    return {
        "id": cid,
        "_link": f"{API}/contacts/{cid}",
        "firstName": p.first,
        "lastName": p.last,
        "salutation": rng.choice(["Mr.", "Mrs.", "Ms.", "", ""]),
        "crossReference": maybe(rng, 0.3, f"QB-{rng.randint(1000, 1999)}"),
        "companyName": firm,
        "phoneNumbers": phones,
        "emailAddresses": emails,
        "mailingAddress": mailing,
        "billingAddress": dict(mailing) if rng.random() < 0.3 else None,
    }


def _job(
    rng: random.Random, i: int, contacts: list[dict[str, Any]], users: list[dict[str, Any]]
) -> dict[str, Any]:
    jid = _guid(rng)
    primary = rng.choice(contacts)
    milestone = MILESTONES[i % len(MILESTONES)]
    number = f"BR-{2401 + i}"
    name = primary["companyName"] or f"{primary['firstName']} {primary['lastName']}"
    links = [{"id": _guid(rng), "isPrimary": True, "relationToPrimary": "", "contact": primary}]
    if rng.random() < 0.25:
        other = rng.choice([c for c in contacts if c is not primary])
        links.append(
            {
                "id": _guid(rng),
                "isPrimary": False,
                "relationToPrimary": rng.choice(RELATIONS),
                "contact": other,
            }
        )
    site = dict(primary["mailingAddress"]) if rng.random() < 0.8 else _address(rng)
    lat, lon = next((la, lo) for c, _z, la, lo in OH_PLACES if c == site["city"])
    cat_id, cat_name = rng.choice(CATEGORIES) if not primary["companyName"] else (2, "Commercial")
    wt_id, wt_name, wt_default = rng.choice(WORK_TYPES)
    approved = MILESTONES.index(milestone) in range(2, 6) or (milestone == "Cancelled" and rng.random() < 0.3)
    value = rng.randint(18, 420) * 50.0
    paid = milestone == "Closed"
    owner = rng.choice(users[:3])
    created = _time(rng, 2024)
    job: dict[str, Any] = {
        "id": jid,
        "_link": f"{API}/jobs/{jid}",
        "jobNumber": number,
        "jobName": f"{number}: {name}",
        "currentMilestone": milestone,
        "milestoneDate": _time(rng, 2025, (1, 6)),
        "createdDate": created,
        "modifiedDate": _time(rng, 2025, (7, 11)),
        "priority": rng.choice(["Normal", "Normal", "Normal", "High", "Urgent"]),
        "leadDeadReason": rng.choice(DEAD) if milestone == "Cancelled" else None,
        "locationAddress": site,
        "geoLocation": {
            "latitude": round(lat + rng.uniform(-0.05, 0.05), 5),
            "longitude": round(lon + rng.uniform(-0.05, 0.05), 5),
        },
        "tradeTypes": [
            {"tradeId": _guid(rng), "name": t} for t in sorted(set(rng.sample(TRADES, rng.choice([1, 1, 2]))))
        ],
        "jobCategory": {"id": cat_id, "name": cat_name},
        "workType": {
            "id": wt_id,
            "_link": f"{API}/company-settings/job-file-settings/work-types/{wt_id}",
            "name": wt_name,
            "systemDefault": wt_default,
        },
        "leadSource": {
            "id": _guid(rng),
            "_link": f"{API}/company-settings/leads/lead-sources",
            "name": rng.choice(SOURCES),
            "children": None,
        },
        "initialAppointment": {"_link": f"{API}/jobs/{jid}/initial-appointment"},
        "contacts": [
            {
                "id": link["id"],
                "_link": f"{API}/jobs/{jid}/contacts/{link['id']}",
                "isPrimary": link["isPrimary"],
                "relationToPrimary": link["relationToPrimary"],
                "contact": {"id": link["contact"]["id"], "_link": link["contact"]["_link"]},
            }
            for link in links
        ],
        "salesOwner": {
            "id": _guid(rng),
            "type": "SalesOwner",
            "user": {"id": owner["id"], "_link": owner["_link"]},
            "_link": f"{API}/jobs/{jid}/representatives/sales-owner",
        }
        if milestone != "Lead" or rng.random() < 0.5
        else None,
        "financials": {
            "id": jid,
            "_link": f"{API}/jobs/{jid}/financials",
            "jobId": jid,
            "approvedJobValue": value if approved else None,
            "balanceDue": (0.0 if paid else value) if approved else None,
        },
    }
    if wt_name == "Insurance":
        ins = rng.choice(INSURERS)
        job["insurance"] = {
            "insuranceCompany": {"id": f"ins-{INSURERS.index(ins) + 1}", "name": ins},
            "claimNumber": maybe(
                rng, 0.8, f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}-{rng.randint(100, 999)}"
            ),
            "dateOfLoss": _time(rng, 2024, (4, 7)),
            "claimFiled": rng.random() < 0.8,
            "damagelocation": rng.choice(
                ["Hail damage on south slope", "Wind lifted shingles", "Near the chimney", ""]
            ),
        }
    return job


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    users = _users(rng)
    persons = people(rng, 42)
    firms = iter(FIRMS)
    contacts = [_contact(rng, p, next(firms, "") if i % 10 == 3 else "") for i, p in enumerate(persons)]
    jobs = [_job(rng, i, contacts, users) for i in range(49)]
    write_json(root / "users.json", users)
    write_json(root / "contacts.json", contacts)
    write_json(root / "jobs.json", jobs)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Roofing Jobs": [
                    "New Inquiry",
                    "Estimate in Progress",
                    "Contract Signed",
                    "Build Complete",
                    "Invoice Sent",
                    "Paid & Closed",
                ]
            },
            [
                ("Jake", "Morrison", "jake@buckeyeroofing.com"),
                ("Alyssa", "Ferrante", "alyssa@buckeyeroofing.com"),
                ("Dan", "Kowalski", "dan@buckeyeroofing.com"),
            ],
            custom_fields=[("Claim Number", "opportunity.claim_number", "TEXT", "opportunity")],
        ),
    )
