"""Twenty: the CSV exports of the People, Companies and Opportunities views (a B2B software startup).

From Twenty's user guide (https://docs.twenty.com/user-guide/data-migration/how-tos/export-your-data:
only the visible columns of the current view are exported) and its source
(https://github.com/twentyhq/twenty packages/twenty-shared utils buildRecordExportColumns,
formatRecordExportRow, formatValueForCSV, sanitizeValueForCSVExport, constants
CompositeFieldSubFieldLabels; the standard opportunity object's fields and Stage options). The header
is each field's label; a composite field gives one column per part, labelled "<field> / <part>"
(``Name / First Name``, ``Emails / Primary Email``, ``Emails / Additional Emails``, ``Phones / Primary
Phone Number`` beside its ``Country Code`` and ``Calling Code``, ``Address / Address 1`` ...
``Address / Post Code``, ``Latitude``, ``Longitude``, ``Domain / Link URL``, ``Created by / Source`` /
``Name`` / ``Workspace Member`` / ``Context``); a many-to-one relation exports only its join column,
labelled "<field> Id" (``Company Id``, ``Point of Contact Id``, ``Account Owner Id``), as a UUID; a
currency exports ``Amount`` (the stored micros divided by 1,000,000) and ``Currency``; lists and
objects are JSON (``additionalPhones`` as ``[{number, callingCode, countryCode}]``), booleans
true / false, times ISO 8601 in UTC (a Close date picked in the browser is local midnight, so
``T04:00:00.000Z`` or ``T05:00:00.000Z`` in New York); a text starting with = + - @ gets an invisible
zero-width joiner in front (the export's injection guard), which is what the calling code ``+1``
carries. Select fields export their stored value: the default opportunity stages NEW, SCREENING,
MEETING, PROPOSAL, CUSTOMER. A phone number is stored without its calling code.
"""

from __future__ import annotations

import json
import random
import uuid
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    Person,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    street,
    write_csv,
    write_json,
)

CASE = "twenty"
ZWJ = "\u200d"  # the export's guard before = + - @
MEMBERS = ["Lena Brooks", "Omar Haddad", "Priya Nair"]  # Priya owns accounts, created none, has no user
PIPELINE = ["New Lead", "Qualifying", "Meeting Scheduled", "Proposal Sent", "Won", "Lost"]
STAGES = ["NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"]
PLANS = ["Annual plan", "Pilot", "Team seats expansion", "Enterprise upgrade", "Analytics add-on"]
TITLES = ["Head of Growth", "CTO", "VP Engineering", "Data Analyst", "Founder", "Product Manager", "cto"]
SECONDARY = ["Suite 200", "Floor 3", "Unit B"]
COORDS = {
    "Austin": ("30.2672", "-97.7431"),
    "Denver": ("39.7392", "-104.9903"),
    "Portland": ("45.5152", "-122.6784"),
}
ACTOR = ["Created by / Source", "Created by / Name", "Created by / Workspace Member", "Created by / Context"]
PERSON_HEADER = [
    "Id", "Name / First Name", "Name / Last Name", "Emails / Primary Email", "Emails / Additional Emails",
    "Company Id", "Phones / Primary Phone Number", "Phones / Primary Phone Country Code",
    "Phones / Primary Phone Calling Code", "Phones / Additional Phones", *ACTOR, "City", "Job Title",
    "Linkedin / Link Label", "Linkedin / Link URL", "Linkedin / Secondary Links", "Creation date",
]  # fmt: skip
COMPANY_HEADER = [
    "Id", "Name", "Domain / Link Label", "Domain / Link URL", "Domain / Secondary Links", "Account Owner Id",
    *ACTOR, "Creation date", "Employees", "Linkedin / Link Label", "Linkedin / Link URL",
    "Linkedin / Secondary Links", "Address / Address 1", "Address / Address 2", "Address / City",
    "Address / State", "Address / Country", "Address / Post Code", "Address / Latitude",
    "Address / Longitude", "ARR / Amount", "ARR / Currency", "ICP",
]  # fmt: skip
OPPORTUNITY_HEADER = [
    "Id", "Name", "Amount / Amount", "Amount / Currency", "Close date", "Stage", "Point of Contact Id",
    "Company Id", *ACTOR, "Creation date",
]  # fmt: skip


def _json(value: object) -> str:
    """As JSON.stringify writes it: no spaces."""
    return json.dumps(value, separators=(",", ":"))


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _iso(rng: random.Random, year: int) -> str:
    return (
        f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(13, 23):02d}:"
        f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z"
    )


def _actor(rng: random.Random, members: list[tuple[str, str]]) -> list[str]:
    member_id, name = rng.choice(members[:2])
    return [rng.choice(["MANUAL", "MANUAL", "IMPORT"]), name, member_id, "{}"]


def _national(rng: random.Random) -> str:
    return f"{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(1000, 9999)}"


def _company_rows(rng: random.Random, firms: list[str], members: list[tuple[str, str]]) -> list[list[str]]:
    rows = []
    for i, firm in enumerate(firms):
        city, state, zip_code = rng.choice(US_PLACES)
        lat, lng = COORDS.get(city, ("", "")) if rng.random() < 0.5 else ("", "")
        slug = firm.replace(" ", "").lower()
        arr = rng.choice(["", str(rng.randint(2, 90) * 6000)])
        rows.append(
            [_uuid(rng), firm, "", f"https://{slug}.com", "[]", maybe(rng, 0.8, members[i % len(members)][0]),
             *_actor(rng, members), _iso(rng, 2023), str(rng.choice([8, 12, 25, 40, 75, 150, 320])), "",
             maybe(rng, 0.5, f"https://www.linkedin.com/company/{slug}"), "[]", street(rng),
             maybe(rng, 0.3, rng.choice(SECONDARY)), city, state, "United States", zip_code, lat, lng, arr,
             "USD" if arr else "", rng.choice(["true", "false", "false"])]
        )  # fmt: skip
    return rows


def _person_rows(
    rng: random.Random, persons: list[Person], firms: list[list[str]], members: list[tuple[str, str]]
) -> list[list[str]]:
    rows = []
    for p in persons:
        firm = rng.choice(firms) if rng.random() < 0.85 else None
        work = p.email(firm[3].removeprefix("https://")) if firm else p.email("gmail.com")
        extra = [p.email("gmail.com")] if firm and rng.random() < 0.25 else []
        phone = maybe(rng, 0.8, _national(rng))
        more = (
            [{"number": _national(rng), "callingCode": "+1", "countryCode": "US"}]
            if rng.random() < 0.2
            else []
        )
        city = rng.choice(US_PLACES)[0]
        rows.append(
            [_uuid(rng), p.first, p.last, work, _json(extra), firm[0] if firm else "", phone,
             "US" if phone else "", ZWJ + "+1" if phone else "", _json(more), *_actor(rng, members),
             maybe(rng, 0.7, city), maybe(rng, 0.7, rng.choice(TITLES)), "",
             maybe(rng, 0.5, f"linkedin.com/in/{p.first.lower()}-{p.last.lower()}"), "[]", _iso(rng, 2024)]
        )  # fmt: skip
    return rows


def _opportunity_rows(
    rng: random.Random, contacts: list[list[str]], firms: list[list[str]], members: list[tuple[str, str]]
) -> list[list[str]]:
    names = {f[0]: f[1] for f in firms}
    with_firm = [c for c in contacts if c[5]]
    rows = []
    for i in range(36):
        contact = rng.choice(with_firm)
        amount = maybe(rng, 0.85, str(rng.randint(6, 240) * 250))
        close = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T0{rng.choice([4, 5])}:00:00.000Z"
        rows.append(
            [_uuid(rng), f"{names[contact[5]]} - {rng.choice(PLANS)}", amount, "USD" if amount else "",
             maybe(rng, 0.8, close), STAGES[i % len(STAGES)], contact[0] if rng.random() < 0.85 else "",
             contact[5], *_actor(rng, members), _iso(rng, 2024)]
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    members = [(_uuid(rng), name) for name in MEMBERS]
    firms = _company_rows(rng, companies(rng, 16), members)
    persons = _person_rows(rng, people(rng, 44), firms, members)
    write_csv(root / "companies.csv", COMPANY_HEADER, firms)
    write_csv(root / "people.csv", PERSON_HEADER, persons)
    write_csv(root / "opportunities.csv", OPPORTUNITY_HEADER, _opportunity_rows(rng, persons, firms, members))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Pipeline": PIPELINE},
            [("Lena", "Brooks", "lena@quantaloop.io"), ("Omar", "Haddad", "omar@quantaloop.io")],
            [("LinkedIn", "contact.linkedin", "TEXT", "contact")],
        ),
    )
