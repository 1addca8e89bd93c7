"""simPRO: an electrical contractor's customers and jobs from the simPRO Premium REST API v1.0, JSON.

From simPRO's help centre and the API's swagger as its public clients describe it:
- helpguide.simprogroup.com/Content/Service-and-Enterprise/Managing-Existing-Jobs.htm (a job's
  ``Stage``: Pending (new, or converted from a lead or quote), Progress (work under way, costs
  incurred), Complete (work formally completed, being reviewed), Invoiced, Archived (filed once
  finished)); .../Customers.htm and .../Manage-Customers.htm (a customer is the company or the
  individual the invoice goes to; customer profiles, groups and tags; the account manager);
- github.com/stitch-digital/simpro-php-sdk, src/Data/Customers/CustomerIndividual.php,
  CustomerCompanyListDetailedItem.php, CustomerAddress.php, CustomerProfileDetails.php,
  CustomerContact.php, CustomerTag.php and src/Data/Jobs/Job.php, JobCustomer.php, JobSite.php,
  JobStatus.php, JobTotal.php, src/Data/Common/StaffReference.php ("based on swagger": GET
  /api/v1.0/companies/{companyID}/customers/individuals/, /customers/companies/, /jobs/).

Individuals and companies are two endpoints sharing one customer id space; an individual has
``Title``, ``GivenName``, ``FamilyName``, ``Phone``, ``AltPhone``, ``CellPhone``, ``DoNotCall``, a
company ``CompanyName`` and its people as a nested ``Contacts`` list ``{ID, GivenName, FamilyName,
Email, Phone}``. Both carry ``Address`` / ``BillingAddress`` ``{Address, City, State, PostalCode,
Country}``, ``CustomerType`` (Customer or Lead), ``Tags`` ``[{ID, Name}]`` from the account's fixed
list, ``AmountOwing``, ``Profile {Notes, CustomerProfile, CustomerGroup, AccountManager}`` (each a
``{ID, Name}``), ``Archived`` and ISO times with the Sydney offset. A job names its customer as
``{ID, CompanyName, GivenName, FamilyName}`` (CompanyName empty for an individual), its site as
``{ID, Name}`` (the site's name is its address), staff as ``{ID, Name, Type, TypeId}``
(``Salesperson``, ``ProjectManager`` on project jobs, ``Technician``), ``Stage`` beside the account's
own ``Status {ID, Name, Color}``, ``Description`` as HTML, dates as yyyy-mm-dd and ``Total {ExTax,
Tax, IncTax}``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, companies, destination, maybe, people, rng_for, write_json

CASE = "simpro"
Row = dict[str, Any]
DOMAIN = "brightsparkelectrical.com.au"
STAFF = [  # id, first, last; Kyle has no destination user
    (11, "Jess", "Walker"),
    (12, "Tom", "Nguyen"),
    (14, "Kyle", "Brennan"),
]
TECHS = [(21, "Sam", "Ortiz"), (22, "Liam", "Fischer"), (23, "Ruby", "Cole")]
PLACES = [
    ("Parramatta", "NSW", "2150"),
    ("Chatswood", "NSW", "2067"),
    ("Penrith", "NSW", "2750"),
    ("Newcastle", "NSW", "2300"),
    ("Wollongong", "NSW", "2500"),
]
STREETS = ["George St", "Church St", "Victoria Rd", "Pacific Hwy", "Station St", "Marsden St"]
TAGS = [(1, "Residential"), (2, "Commercial"), (3, "Strata"), (4, "Solar")]
PROFILES = [(1, "Standard"), (2, "Priority"), (3, "Cash Only")]
GROUPS = [(1, "Domestic"), (2, "Builders"), (3, "Property Managers")]
STAGES = ["Pending", "Progress", "Complete", "Invoiced", "Archived"]
STATUSES = {  # the account's own statuses, each within one stage
    "Pending": [(31, "Job : Booked", "#3399ff"), (32, "Job : Awaiting Parts", "#ff9900")],
    "Progress": [(33, "Job : Scheduled", "#33cc33"), (34, "Job : On Site", "#009933")],
    "Complete": [(35, "Job : Ready to Invoice", "#9966ff")],
    "Invoiced": [(36, "Job : Invoiced", "#666666")],
    "Archived": [(37, "Job : Closed", "#333333")],
}
JOB_NAMES = ["Switchboard upgrade", "Smoke alarm compliance", "Ceiling fan install", "Fault find"]
PROJECT_NAMES = ["Office fit-out", "Solar PV install", "Townhouse rough-in"]
DESCRIPTIONS = [
    "<p>Replace old ceramic fuses with RCBOs, test and tag.</p>",
    "<p>Install 3 interconnected smoke alarms as per NSW requirements.</p>",
    "<p>Customer reports lights tripping when kettle is on.</p>",
    "<p>Supply and fit 2 ceiling fans in bedrooms, existing wiring.</p>",
]


def _stamp(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day}T{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:00+10:00"


def _day(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _landline(rng: random.Random) -> str:
    return f"(02) {rng.randint(8000, 9999)} {rng.randint(1000, 9999)}"


def _mobile(rng: random.Random) -> str:
    return f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def _address(rng: random.Random) -> Row:
    city, state, postcode = rng.choice(PLACES)
    line = f"{rng.randint(1, 240)} {rng.choice(STREETS)}"
    return {"Address": line, "City": city, "State": state, "PostalCode": postcode, "Country": "Australia"}


def _ref(pair: tuple[int, str]) -> Row:
    return {"ID": pair[0], "Name": pair[1]}


def _profile(rng: random.Random, group: tuple[int, str]) -> Row:
    manager = rng.choice(STAFF)
    return {
        "Notes": maybe(rng, 0.2, rng.choice(["Gate code 4411", "Call before arriving", "Dog on site"])),
        "CustomerProfile": _ref(rng.choice(PROFILES)),
        "CustomerGroup": _ref(group),
        "AccountManager": {"ID": manager[0], "Name": f"{manager[1]} {manager[2]}"},
    }


def _common(rng: random.Random, group: tuple[int, str], tags: list[tuple[int, str]]) -> Row:
    address = _address(rng)
    return {
        "Address": address,
        "BillingAddress": address if rng.random() < 0.8 else _address(rng),
        "CustomerType": "Lead" if rng.random() < 0.15 else "Customer",
        "Tags": [_ref(t) for t in tags],
        "AmountOwing": round(rng.choice([0.0, 0.0, 0.0, rng.randint(80, 2400) + 0.5]), 2),
        "Profile": _profile(rng, group),
        "Archived": rng.random() < 0.1,
        "DateCreated": _stamp(rng, 2023),
        "DateModified": _stamp(rng, 2025),
    }


def _individuals(rng: random.Random) -> list[Row]:
    rows = []
    for i, p in enumerate(people(rng, 34)):
        row: Row = {
            "ID": 200 + 2 * i,
            "Title": rng.choice(["Mr", "Mrs", "Ms", "Dr", "", ""]),
            "GivenName": p.first,
            "FamilyName": p.last,
            "Phone": maybe(rng, 0.45, _landline(rng)),
            "DoNotCall": rng.random() < 0.1,
            "AltPhone": maybe(rng, 0.1, _landline(rng)),
            "CellPhone": _mobile(rng),
            "Email": p.email(rng.choice(["gmail.com", "bigpond.com", "outlook.com"])),
        }
        tags = [TAGS[0]] + ([TAGS[3]] if rng.random() < 0.25 else [])
        rows.append(row | _common(rng, GROUPS[0], tags))
    return rows


def _companies(rng: random.Random) -> list[Row]:
    rows = []
    staff = iter(people(rng, 40))
    for i, name in enumerate(companies(rng, 16)):
        contacts = []
        for k in range(rng.choice([1, 1, 2, 3])):
            p = next(staff)
            domain = f"{name.split()[0].lower()}{name.split()[1].lower()}.com.au"
            contacts.append(
                {
                    "ID": 900 + 3 * i + k,
                    "GivenName": p.first,
                    "FamilyName": p.last,
                    "Email": p.email(domain),
                    "Phone": maybe(rng, 0.7, _mobile(rng)),
                }
            )
        row: Row = {
            "ID": 201 + 2 * i,
            "CompanyName": name,
            "Phone": _landline(rng),
            "Email": f"accounts@{contacts[0]['Email'].split('@')[1]}",
            "Contacts": contacts,
        }
        group = rng.choice(GROUPS[1:])
        tags = [TAGS[2] if group == GROUPS[2] else TAGS[1]]
        rows.append(row | _common(rng, group, tags))
    return rows


def _staff(pair: tuple[int, str, str], kind: str = "employee") -> Row:
    return {"ID": pair[0], "Name": f"{pair[1]} {pair[2]}", "Type": kind, "TypeId": pair[0]}


def _jobs(rng: random.Random, customers: list[Row]) -> list[Row]:
    rows = []
    for i in range(52):
        customer = rng.choice(customers)
        stage = STAGES[i % len(STAGES)]
        project = rng.random() < 0.25
        status = rng.choice(STATUSES[stage])
        ex_tax = rng.randint(3, 180) * 25.0 * (6 if project else 1)
        address = customer["Address"]
        rows.append(
            {
                "ID": 4100 + i,
                "Type": "Project" if project else "Service",
                "Name": rng.choice(PROJECT_NAMES if project else JOB_NAMES),
                "Customer": {
                    "ID": customer["ID"],
                    "CompanyName": customer.get("CompanyName", ""),
                    "GivenName": customer.get("GivenName", ""),
                    "FamilyName": customer.get("FamilyName", ""),
                },
                "Site": {"ID": customer["ID"] * 10, "Name": f"{address['Address']}, {address['City']}"},
                "OrderNo": maybe(rng, 0.3, f"PO{rng.randint(10000, 99999)}"),
                "Description": rng.choice(DESCRIPTIONS),
                "DateIssued": _day(rng, 2025),
                "CompletedDate": _day(rng, 2025) if stage in ("Complete", "Invoiced", "Archived") else None,
                "Salesperson": _staff(rng.choice(STAFF)),
                "ProjectManager": _staff(rng.choice(STAFF[:2])) if project else None,
                "Technician": _staff(rng.choice(TECHS)) if stage != "Pending" else None,
                "Stage": stage,
                "Status": {"ID": status[0], "Name": status[1], "Color": status[2]},
                "Total": {"ExTax": ex_tax, "Tax": round(ex_tax * 0.1, 2), "IncTax": round(ex_tax * 1.1, 2)},
                "DateModified": _stamp(rng, 2025),
            }
        )
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    individuals = _individuals(rng)
    firms = _companies(rng)
    write_json(root / "individuals.json", individuals)
    write_json(root / "companies.json", firms)
    write_json(root / "jobs.json", _jobs(rng, individuals + firms))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "AU",
            {"Jobs": ["New Job", "Underway", "Work Finished", "Billed", "Closed Out"]},
            [(first, last, f"{first.lower()}@{DOMAIN}") for _, first, last in STAFF[:2]]
            + [(first, last, f"{first.lower()}@{DOMAIN}") for _, first, last in TECHS],
        ),
    )
