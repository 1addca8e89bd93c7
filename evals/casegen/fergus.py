"""Fergus: a New Zealand plumbing firm's customers, jobs, notes and users from the Fergus REST API, JSON.

From Fergus's help centre and its API (api.fergus.com/docs, OpenAPI 3.1) as its public clients
record it:
- help.fergus.com/en/articles/10700169-creating-managing-customers (a customer's Customer/Company
  name, customer source, main contact with first name, last name, title and phone, physical address
  with address, city, suburb, postcode, region and country, a billing contact "same as main contact
  by default", a postal address "same as physical address by default", other contacts) and
  .../1895377-keep-up-with-your-jobs-using-the-status-board (quoted or estimated jobs start in the
  pricing column; charge-up jobs skip pricing);
- github.com/Jayco-Design/fergus-mcp, src/tools/schemas.ts (address ``address1``, ``address2``,
  ``addressSuburb``, ``addressCity``, ``addressRegion``, ``addressPostcode``, ``addressCountry``; a
  contact's ``contactItems`` as ``{contactType: email | phone | mobile | other | fax | website,
  contactValue}``), src/tools/jobs.ts (``jobType`` Quote / Estimate / Charge Up; the job status
  filter Active, Completed, Estimate Rejected, Estimate Sent, Inactive, Quote Sent, Quote Rejected,
  To Price; the read model gives the job title as ``description``) and
  src/tools/customers/create-customer.ts (``customerFullName``, ``mainContact``);
- the Fergus API investigation notes and domain model reference recorded from the OpenAPI spec and
  live calls (job ``id``, ``jobNo``, ``description``, ``longDescription``, ``createdAt``,
  ``lastModified``, ``jobType``, ``status``, ``assignedGroups`` ``[{id}]``, ``customer {id,
  customerFullName}``, ``siteAddress {id, name}``, ``mainContact``, ``activeQuote``, ``onHold``,
  ``archived``, HATEOAS ``links`` ``[{href, rel, type}]`` on every resource; customer ``companyId``,
  ``billingContact``, ``postalAddress`` (nullable), ``pricingTier {id, name}``, ``customerSource``;
  note ``text``, ``entityName`` (JOB, CUSTOMER ...), ``entityId``, ``isPinned``, ``parentId``,
  ``createdById``; user ``firstName``, ``lastName``, ``email``, ``userType``, ``status``
  active / disabled / invited, ``payRate``, ``chargeOutRate``; ISO 8601 times in UTC).

A customer's name is the business or the home owner; its main contact is the person. The billing
contact repeats the main contact unless an accounts person was set. Jobs name their customer and
site; nothing on a job or customer names a staff member (jobs are assigned to groups).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, companies, destination, maybe, people, rng_for, write_json

CASE = "fergus"
Row = dict[str, Any]
DOMAIN = "kowhaiplumbing.co.nz"
COMPANY_ID = 48213
USERS = [  # id, first, last, email, userType, status
    (173187, "Mike", "Johnson", f"mike@{DOMAIN}", "admin", "active"),
    (173188, "Aroha", "Ngata", f"aroha@{DOMAIN}", "office", "active"),
    (173192, "Ben", "Walsh", "benwalsh.plumbing@gmail.com", "tradesman", "active"),
    (173195, "Tama", "Reid", f"tama@{DOMAIN}", "tradesman", "disabled"),
    (173201, "Chloe", "Kim", f"chloe@{DOMAIN}", "apprentice", "invited"),
]
PLACES = [  # suburb, city, region, postcode
    ("Ponsonby", "Auckland", "Auckland", "1011"),
    ("Remuera", "Auckland", "Auckland", "1050"),
    ("Takapuna", "Auckland", "Auckland", "0622"),
    ("Te Aro", "Wellington", "Wellington", "6011"),
    ("Riccarton", "Christchurch", "Canterbury", "8011"),
    ("Frankton", "Hamilton", "Waikato", "3204"),
]
STREETS = ["Karangahape Rd", "Great North Rd", "Jervois Rd", "Cuba St", "Riccarton Rd", "Victoria St"]
SOURCES = ["Google", "Word of mouth", "Facebook", "Website", "Repeat customer"]
TIERS = [(1, "Default"), (2, "Commercial"), (3, "Trade")]
STATUSES = {
    "Quote": ["To Price", "Quote Sent", "Quote Rejected", "Active", "Completed", "Inactive"],
    "Estimate": ["To Price", "Estimate Sent", "Estimate Rejected", "Active", "Completed"],
    "Charge Up": ["Active", "Completed", "Inactive"],
}
TITLES = [
    ("Replace hot water cylinder", "Remove old 180L cylinder, supply and fit new mains pressure unit."),
    ("Blocked drain", "Kitchen drain blocked, water backing up into sink. Camera inspection if needed."),
    ("Bathroom renovation", "Strip out and re-pipe bathroom, new vanity, shower mixer and toilet."),
    ("Leaking tap", "Kitchen mixer dripping, replace cartridge."),
    ("Gas hob install", "Connect new gas hob, pressure test, issue gas certificate."),
]
NOTES = [
    "Customer asked for a call 30 min before arrival.",
    "Quote followed up by phone, waiting on landlord approval.",
    "Parts ordered from supplier, ETA Thursday.",
    "Dog on property, use side gate.",
    "Invoice queried: customer wants labour itemised.",
]


def _stamp(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.000Z"


def _mobile(rng: random.Random) -> str:
    return f"02{rng.choice([1, 2, 7])} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _landline(rng: random.Random) -> str:
    return f"0{rng.choice([3, 4, 7, 9])} {rng.randint(200, 999)} {rng.randint(1000, 9999)}"


class _Ids:
    """Sub-records (contacts, addresses, contact items) share one id sequence, as the API's do."""

    def __init__(self, start: int) -> None:
        self.next_id = start

    def __call__(self) -> int:
        self.next_id += 1
        return self.next_id


def _items(rng: random.Random, ids: _Ids, email: str) -> list[Row]:
    items = [{"id": ids(), "contactType": "email", "contactValue": email}]
    if rng.random() < 0.85:
        items.append({"id": ids(), "contactType": "mobile", "contactValue": _mobile(rng)})
    if rng.random() < 0.35:
        items.append({"id": ids(), "contactType": "phone", "contactValue": _landline(rng)})
    return items


def _address(rng: random.Random, ids: _Ids) -> Row:
    suburb, city, region, postcode = rng.choice(PLACES)
    return {
        "id": ids(),
        "address1": f"{rng.randint(1, 300)} {rng.choice(STREETS)}",
        "address2": maybe(rng, 0.15, f"Unit {rng.randint(1, 12)}"),
        "addressSuburb": suburb,
        "addressCity": city,
        "addressRegion": region,
        "addressPostcode": postcode,
        "addressCountry": "New Zealand",
    }


def _links(path: str, *extra: tuple[str, str, str]) -> list[Row]:
    rows = [(path, "self", "GET"), (path, "edit", "PUT"), *extra]
    return [{"href": href, "rel": rel, "type": verb} for href, rel, verb in rows]


def _customers(rng: random.Random, ids: _Ids) -> list[Row]:
    firms = iter(companies(rng, 40))
    accounts = iter(people(rng, 40))
    rows = []
    for i, p in enumerate(people(rng, 40)):
        business = rng.random() < 0.35
        name = f"{next(firms)} Ltd" if business else p.full
        domain = f"{name.split()[0].lower()}.co.nz" if business else rng.choice(["xtra.co.nz", "gmail.com"])
        main = {
            "id": ids(),
            "firstName": p.first,
            "lastName": p.last,
            "position": rng.choice(["Owner", "Office Manager", "Facilities"]) if business else "",
            "company": name if business and rng.random() < 0.6 else "",
            "contactItems": _items(rng, ids, p.email(domain)),
        }
        payer = next(accounts)
        billing = (
            {
                "id": ids(),
                "firstName": payer.first,
                "lastName": payer.last,
                "position": "Accounts Payable",
                "company": name,
                "contactItems": [{"id": ids(), "contactType": "email", "contactValue": f"accounts@{domain}"}],
            }
            if business and rng.random() < 0.5
            else main
        )
        cid = 9778200 + 7 * i
        rows.append(
            {
                "id": cid,
                "companyId": COMPANY_ID,
                "customerFullName": name,
                "createdAt": _stamp(rng, 2023),
                "mainContact": main,
                "physicalAddress": _address(rng, ids),
                "postalAddress": _address(rng, ids) | {"address1": f"PO Box {rng.randint(100, 9999)}"}
                if rng.random() < 0.25
                else None,
                "billingContact": billing,
                "pricingTier": dict(zip(("id", "name"), TIERS[1] if business else TIERS[0], strict=True))
                if rng.random() < 0.9
                else dict(zip(("id", "name"), TIERS[2], strict=True)),
                "customerSource": maybe(rng, 0.8, rng.choice(SOURCES)),
                "links": _links(f"/customers/{cid}"),
            }
        )
    return rows


def _jobs(rng: random.Random, ids: _Ids, customers: list[Row]) -> list[Row]:
    rows = []
    kinds = ["Quote", "Quote", "Estimate", "Charge Up"]
    for i in range(54):
        customer = rng.choice(customers)
        kind = kinds[i % len(kinds)]
        status = STATUSES[kind][(i // len(kinds)) % len(STATUSES[kind])]
        title, detail = rng.choice(TITLES)
        jid = 20909300 + 3 * i
        address = customer["physicalAddress"]
        business = customer["customerFullName"].endswith(" Ltd")
        site = rng.choice(["Head Office", "Warehouse"]) if business else address["address1"]
        quoted = status not in ("To Price",) and kind != "Charge Up"
        contact = customer["mainContact"]
        rows.append(
            {
                "id": jid,
                "jobNo": f"J-{1040 + i}",
                "description": title,
                "longDescription": detail,
                "createdAt": _stamp(rng, 2025),
                "lastModified": _stamp(rng, 2025),
                "jobType": kind,
                "status": status,
                "assignedGroups": [{"id": rng.choice([1, 1, 2])}],
                "customer": {"id": customer["id"], "customerFullName": customer["customerFullName"]},
                "siteAddress": {"id": customer["id"] + 1, "name": site},
                "mainContact": {"firstName": contact["firstName"], "lastName": contact["lastName"]},
                "activeQuote": {"id": 500 + i, "versionNumber": rng.choice([1, 1, 2]), "title": title}
                if quoted
                else None,
                "onHold": status == "Active" and rng.random() < 0.2,
                "archived": status == "Inactive" and rng.random() < 0.5,
                "links": _links(f"/jobs/{jid}", (f"/jobs/{jid}/finalise", "finalise", "POST")),
            }
        )
    return rows


def _notes(rng: random.Random, customers: list[Row], jobs: list[Row]) -> list[Row]:
    rows: list[Row] = []
    for i in range(32):
        on_job = rng.random() < 0.65
        entity = rng.choice(jobs if on_job else customers)
        reply = bool(rows) and rng.random() < 0.15
        rows.append(
            {
                "id": 61000 + i,
                "text": rng.choice(NOTES),
                "entityName": "JOB" if on_job else "CUSTOMER",
                "entityId": entity["id"],
                "isPinned": rng.random() < 0.15,
                "parentId": rows[-1]["id"] if reply else None,
                "createdById": rng.choice(USERS[:3])[0],
                "createdAt": _stamp(rng, 2025),
            }
        )
    return rows


def _users(rng: random.Random) -> list[Row]:
    return [
        {
            "id": uid,
            "firstName": first,
            "lastName": last,
            "email": email,
            "userType": kind,
            "status": status,
            "payRate": float(rng.choice([32, 38, 45])),
            "chargeOutRate": float(rng.choice([85, 95, 110])),
            "createdAt": _stamp(rng, 2022),
            "modifiedAt": _stamp(rng, 2025),
        }
        for uid, first, last, email, kind, status in USERS
    ]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    ids = _Ids(3100000)
    root = cases_dir / CASE / "source"
    customers = _customers(rng, ids)
    jobs = _jobs(rng, ids, customers)
    write_json(root / "customers.json", customers)
    write_json(root / "jobs.json", jobs)
    write_json(root / "notes.json", _notes(rng, customers, jobs))
    write_json(root / "users.json", _users(rng))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "NZ",
            {"Jobs": ["Needs Pricing", "Price Sent", "Work Underway", "Done", "Not Going Ahead"]},
            [
                ("Mike", "Johnson", f"mike@{DOMAIN}"),
                ("Aroha", "Ngata", f"aroha@{DOMAIN}"),
                ("Ben", "Walsh", f"ben@{DOMAIN}"),
                ("Chloe", "Kim", f"chloe@{DOMAIN}"),
            ],
        ),
    )
