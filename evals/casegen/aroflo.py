"""AroFlo: a Melbourne plumber's clients, tasks (jobs), quotes and users from the AroFlo API, JSON.

From AroFlo's API documentation (apidocs.aroflo.com: each zone's WHERE filters, POSTXML definition and
recorded example responses, as extracted in github.com/AdrianAFPlumbing/aroflo-mcp docs/api/clients.md,
tasks.md, quotes.md, users.md):
- clients zone, joined with ``contacts`` and ``locations``: ``clientid``, ``clientname`` (the
  business, or the person for a domestic client) beside the primary person's ``firstname`` /
  ``surname``, a 6-character ``shortname``, ``abn``, ``phone`` / ``mobile`` / ``fax``, ``email``,
  ``website``, ``address`` and ``mailingaddress`` ``{addressline1, addressline2, suburb, state,
  postcode, country}`` (an unset mailing address still carries the business unit's state and
  country), ``transactionterms``, the business units in ``orgs``, the accounting ``link``, the
  ``postable`` sync flag, times written ``2018-06-21 10:59:01.8``; ``contacts`` ``{userid,
  givennames, surname, username, phone, fax, mobile, email}`` (the username a GUID) and
  ``locations`` (sites: ``SiteContact``, ``SitePhone``, ``SiteEmail``, ``gpslat``, ``gpslong``);
- tasks zone (an AroFlo task is a job), joined with ``salesperson``, ``assignedhistory``,
  ``tasktotals`` and quote data: ``jobnumber``, ``taskname``, ``tasktype``, ``status`` (Not Started,
  In Progress, Pending, Completed, Archived; listed per status with the zone's status filter, the
  tasks still in the Quote status being the quotes below), the account's ``substatus`` (Waiting for
  Parts, Assigned to Subcontractor), ``client {clientid, clientname}``, ``contactname`` /
  ``contactphone``, the business unit ``org``, ``tasklocation``, ``custon`` (the customer's order
  number), ``refcode`` (the client's shortname and a sequence), dates written ``2019/10/01`` and
  ``2019/09/30 15:19:44`` (an unset one " "), ``salesperson`` as a one-entry list ``{surname,
  user_id, givenname}``, the technicians in ``assigneds`` (``user {userid, username}``, ``dateassigned``,
  ``timeassigned`` written "Aug 29, 2019 8:03:49 AM"), ``tasktotals`` (costs: ``totalmat``,
  ``totallab``, ``totalexp``, ``totalhrs``) and, on a job from a quote, ``quote {totalinc, totaltax,
  totalex, estimator}``;
- quotes zone: ``quoteid``, ``quotename``, ``jobnumber``, ``status`` (In Progress, Pending Approval,
  Approved, Rejected) beside the online ``acceptancestatus`` (Not Sent, Awaiting Decision, Accepted,
  Declined, Need More Information; blank when the quote was not sent for online acceptance), the
  client as ``client {orgid, orgname}`` (its key named ``orgid``), the quoting ``task``, the
  ``estimator``, HTML ``description``, money as strings with four decimals (``totalex``,
  ``totaltax``, ``totalinc``, costs, profit, margin);
- users zone: ``userid``, ``givennames``, ``surname``, ``username``, ``email`` / ``email2``,
  ``position`` beside ``userposition``, ``accesstype``, ``archived``.
"""

from __future__ import annotations

import base64
import random
from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, companies, destination, maybe, people, rng_for, write_json

CASE = "aroflo"
Row = dict[str, Any]
DOMAIN = "southsideplumbing.com.au"
BU = {"orgid": "JCdKUyZRMCAgCg==", "orgname": "Southside Plumbing & Gas"}
PLACES = [
    ("Cheltenham", "3192"),
    ("Moorabbin", "3189"),
    ("Brighton", "3186"),
    ("Mentone", "3194"),
    ("Bentleigh", "3204"),
    ("Frankston", "3199"),
]
STREETS = ["Nepean Hwy", "Centre Rd", "Point Nepean Rd", "Warrigal Rd", "Balcombe Rd", "Jasper Rd"]
TERMS = ["COD", "14 Days", "30 Days EOM"]
TASK_TYPES = ["Service", "Maintenance", "Installation"]
TASK_NAMES = [
    "Blocked drain",
    "Hot water service replacement",
    "Leaking tap",
    "Gas heater service",
    "Burst pipe",
]
TASK_STATUSES = ["Not Started", "In Progress", "Pending", "Completed", "Archived"]
SUBSTATUSES = {"Pending": ["Waiting for Parts", "Assigned to Subcontractor"]}
QUOTE_STATUSES = [
    "In Progress",
    "Pending Approval",
    "Approved",
    "Approved",
    "Rejected",
    "Pending Approval",
    "Approved",
]
ACCEPTANCE = {
    "In Progress": ["Not Sent"],
    "Pending Approval": ["Awaiting Decision", "Need More Information"],
    "Approved": ["Accepted"],
    "Rejected": ["Declined"],
}
VERBS = ["Supply and install", "Replace", "Repair"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _id(rng: random.Random) -> str:
    return base64.b64encode(rng.randbytes(10)).decode()


def _day(rng: random.Random, year: int) -> tuple[int, int, int]:
    return year, rng.randint(1, 12), rng.randint(1, 28)


def _slash(day: tuple[int, int, int], with_time: bool = False) -> str:
    text = f"{day[0]}/{day[1]:02d}/{day[2]:02d}"
    return f"{text} {8 + day[2] % 9:02d}:{(day[1] * 7) % 60:02d}:{day[2] * 2 % 60:02d}" if with_time else text


def _landline(rng: random.Random) -> str:
    return f"03 9{rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _mobile(rng: random.Random) -> str:
    return f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def _address(rng: random.Random) -> Row:
    suburb, postcode = rng.choice(PLACES)
    line = f"{rng.randint(1, 240)} {rng.choice(STREETS)}"
    unit = maybe(rng, 0.15, f"Unit {rng.randint(1, 12)}")
    country = rng.choice(["AUSTRALIA", "Australia"])
    return {
        "addressline1": line,
        "addressline2": unit,
        "suburb": suburb,
        "state": "VIC",
        "postcode": postcode,
        "country": country,
    }


def _mailing(rng: random.Random) -> Row:
    if rng.random() < 0.85:  # unset: only the business unit's state and country
        return {
            "country": "AUSTRALIA",
            "postcode": "",
            "addressline1": "",
            "state": "VIC",
            "suburb": "",
            "addressline2": "",
        }
    return {
        "country": "AUSTRALIA",
        "postcode": "3192",
        "addressline1": f"PO Box {rng.randint(10, 999)}",
        "state": "VIC",
        "suburb": "Cheltenham",
        "addressline2": "",
    }


def _guid(rng: random.Random) -> str:
    return "-".join(f"{rng.getrandbits(4 * n):0{n}X}" for n in (8, 4, 4, 4, 12))


def _terms(rng: random.Random) -> Row:
    if rng.random() < 0.2:
        return {"transactionterm": "", "transactiontermnote": "", "transactiontermid": ""}
    term = rng.choice(TERMS)
    return {
        "transactionterm": term,
        "transactiontermnote": "",
        "transactiontermid": f"JCYq{TERMS.index(term)}yNRQCAgCg==",
    }


def _contacts(rng: random.Random, domain: str, n: int) -> list[Row]:
    return [
        {
            "userid": _id(rng),
            "givennames": p.first,
            "surname": p.last,
            "username": _guid(rng),
            "phone": maybe(rng, 0.3, _landline(rng)),
            "fax": "",
            "mobile": _mobile(rng),
            "email": p.email(domain),
        }
        for p in people(rng, n)
    ]


def _locations(rng: random.Random, n: int) -> list[Row]:
    rows = []
    for _ in range(n):
        address = _address(rng)
        tenant = rng.choice(people(rng, 3))
        rows.append(
            {
                "locationid": _id(rng),
                "gpslat": f"-37.{rng.randint(800000, 999999)}",
                "postcode": address["postcode"],
                "SiteContact": maybe(rng, 0.7, tenant.full),
                "state": "VIC",
                "suburb": address["suburb"],
                "SiteEmail": "",
                "locationname": f"{address['addressline1']}, {address['suburb']}",
                "country": "Australia",
                "gpslong": f"145.{rng.randint(0, 199999):06d}",
                "address": address["addressline1"],
                "archived": "FALSE",
                "SitePhone": maybe(rng, 0.6, _mobile(rng)),
            }
        )
    return rows


def _clients(rng: random.Random) -> list[Row]:
    rows = []
    firms = companies(rng, 14)
    for i, p in enumerate(people(rng, 40)):
        firm = firms[i // 3] if i % 3 == 0 and i // 3 < len(firms) else ""
        created = _day(rng, 2022 + i % 3)
        stamp = f"{created[0]}-{created[1]:02d}-{created[2]:02d}"
        domain = f"{firm.split()[0].lower()}{firm.split()[1].lower()}.com.au" if firm else ""
        name = firm or p.full
        rows.append(
            {
                "clientid": _id(rng),
                "clientname": name,
                "firstname": p.first,
                "surname": p.last,
                "shortname": name.replace(" ", "")[:6].upper(),
                "abn": f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} "
                f"{rng.randint(100, 999)}"
                if firm
                else "",
                "phone": _landline(rng) if firm else maybe(rng, 0.4, _landline(rng)),
                "mobile": maybe(rng, 0.9, _mobile(rng)),
                "fax": maybe(rng, 0.1, _landline(rng)) if firm else "",
                "email": p.email(domain or rng.choice(["gmail.com", "bigpond.com", "optusnet.com.au"])),
                "website": maybe(rng, 0.6, f"www.{domain}") if firm else "",
                "datecreated": f"{stamp} 00:00:00.0",
                "datetimeinserted": f"{stamp} {9 + i % 8:02d}:{i * 7 % 60:02d}:01.8",
                "postable": rng.choice(["TRUE", "FALSE"]),
                "termsnote": maybe(rng, 0.3, "Invoice to strata manager") if firm else "",
                "transactionterms": _terms(rng),
                "address": _address(rng),
                "mailingaddress": _mailing(rng),
                "orgs": [BU | {"archived": "false"}],
                "link": {
                    "orgid": "",
                    "orgname": "",
                    "externalid": maybe(rng, 0.6, f"{_id(rng)[:8].lower()}-xero"),
                },
                "contacts": _contacts(rng, domain, rng.choice([1, 2])) if firm else [],
                "locations": _locations(rng, rng.choice([1, 2, 3])) if firm else [],
            }
        )
    return rows


def _user(rng: random.Random, first: str, last: str, email: str, position: str) -> Row:
    created = _day(rng, 2021)
    return {
        "userid": _id(rng),
        "givennames": first,
        "surname": last,
        "username": f"{first}.{last}".lower(),
        "email": email,
        "email2": "",
        "phone": "",
        "mobile": _mobile(rng),
        "fax": "",
        "position": position,
        "userposition": {"positionname": position, "positionid": f"JCYqVy{position[:2]}QCAgCg=="},
        "org": BU,
        "accesstype": "Use Permission Groups",
        "archived": "false",
        "createdutc": _slash(created),
        "createddatetimeutc": _slash(created, True),
        "lastupdatedutc": "2025/02/11",
        "lastupdateddatetimeutc": "2025/02/11 23:28:15",
    }


def _users(rng: random.Random) -> list[Row]:
    return [
        _user(rng, "Dana", "Reid", f"dana@{DOMAIN}", "Office Manager"),
        _user(rng, "Marco", "Bianchi", f"marco@{DOMAIN}", "Estimator"),
        _user(rng, "Chloe", "Tran", f"chloe@{DOMAIN}", "Estimator"),  # no destination user
        _user(rng, "Josh", "Kelly", f"josh@{DOMAIN}", "Plumber"),
        _user(rng, "Ben", "Walsh", "benwalsh.plumbing@gmail.com", "Plumber"),  # a private address
    ]


def _quote_task(
    task_id: str, number: str, client: Row, day: tuple[int, int, int], name: str, kind: str
) -> Row:
    return {
        "taskid": task_id,
        "requestdatetime": _slash(day, True),
        "refcode": f"{client['shortname']}{int(number) % 40}",
        "requestdate": _slash(day),
        "jobnumber": number,
        "tasktype": kind,
        "client": {"orgid": client["clientid"], "orgname": client["clientname"]},
        "taskname": name,
    }


def _quotes(rng: random.Random, clients: list[Row], users: list[Row]) -> list[Row]:
    rows = []
    for i in range(36):
        client = rng.choice(clients)
        status = QUOTE_STATUSES[i % len(QUOTE_STATUSES)]
        day = _day(rng, 2024)
        decided = _day(rng, 2025)
        name = rng.choice(TASK_NAMES)
        kind = rng.choice(TASK_TYPES)
        number = str(1200 + i)
        ex = rng.randint(8, 400) * 12.5
        cost = ex * rng.uniform(0.55, 0.8)
        estimator = rng.choice(users[:3])
        rows.append(
            {
                "quoteid": _id(rng),
                "quotename": name,
                "jobnumber": number,
                "status": status,
                "acceptancestatus": rng.choice(ACCEPTANCE[status]) if rng.random() < 0.45 else "",
                "type": rng.choice(["Simple", "Detailed"]),
                "client": {"orgid": client["clientid"], "orgname": client["clientname"]},
                "org": BU,
                "contactname": f"{client['firstname']} {client['surname']}",
                "contactphone": client["mobile"],
                "task": _quote_task(_id(rng), number, client, day, name, kind),
                "estimator": {k: estimator[k] for k in ("surname", "givennames", "userid")}
                if rng.random() < 0.9
                else {},
                "createddate": _slash(day),
                "createddatetime": _slash(day, True),
                "duedate": _slash((day[0], day[1], min(28, day[2] + 7))),
                "approveddate": _slash(decided) if status == "Approved" else "",
                "rejecteddate": _slash(decided) if status == "Rejected" else "",
                "address": {
                    "postcode": client["address"]["postcode"],
                    "state": "VIC",
                    "suburb": client["address"]["suburb"],
                    "address1": client["address"]["addressline1"],
                    "address2": client["address"]["addressline2"],
                },
                "description": f"<p>{rng.choice(VERBS)} - {name.lower()}</p>",
                "exclusions": maybe(rng, 0.3, "Excludes making good of plaster and tiling"),
                "custon": maybe(rng, 0.2, f"W0{rng.randint(100000, 199999)}/1"),
                "subtotal": f"{ex:.4f}",
                "totalex": f"{ex:.4f}",
                "totaltax": f"{ex * 0.1:.4f}",
                "totalinc": f"{ex * 1.1:.4f}",
                "totalhours": str(rng.randint(1, 30)),
                "materialcostex": f"{cost * 0.6:.4f}",
                "labourcostex": f"{cost * 0.4:.4f}",
                "totalprofit": f"{ex - cost:.4f}",
                "totalprofitmarginpercent": f"{(ex - cost) / ex * 100:.2f}",
                "istaxinclusive": "false",
            }
        )
    return rows


def _assigned(rng: random.Random, user: Row, day: tuple[int, int, int]) -> Row:
    return {
        "readtaskdatetime": " ",
        "readtask": rng.choice(["true", "false"]),
        "org": BU,
        "dateunassigned": "",
        "timeunassigned": "",
        "dateassigned": _slash(day),
        "user": {"userid": user["userid"], "username": f"{user['givennames']} {user['surname']}"},
        "timeassigned": f"{MONTHS[day[1] - 1]} {day[2]}, {day[0]} {1 + day[2] % 11}:03:49 "
        + rng.choice(["AM", "PM"]),
    }


def _task(rng: random.Random, i: int, client: Row, users: list[Row], quote: Row | None) -> Row:
    status = TASK_STATUSES[i % len(TASK_STATUSES)]
    day = _day(rng, 2025)
    done = status in ("Completed", "Archived")
    seller = rng.choice(users[:3])
    crew = (
        rng.sample(users[3:], rng.choice([1, 1, 2])) if status != "Not Started" or rng.random() < 0.5 else []
    )
    hours = rng.randint(1, 16)
    site = rng.choice(client["locations"]) if client["locations"] else None
    return {
        "taskid": quote["task"]["taskid"] if quote else _id(rng),
        "jobnumber": quote["jobnumber"] if quote else str(1300 + i),
        "taskname": quote["quotename"] if quote else rng.choice(TASK_NAMES),
        "tasktype": quote["task"]["tasktype"] if quote else rng.choice(TASK_TYPES),
        "status": status,
        "substatus": {
            "substatusid": _id(rng) if status == "Pending" else "",
            "substatus": rng.choice(SUBSTATUSES.get(status, [""])),
        },
        "client": {"clientid": client["clientid"], "clientname": client["clientname"]},
        "contactname": site["SiteContact"] or client["clientname"] if site else client["clientname"],
        "contactphone": site["SitePhone"] if site else client["mobile"],
        "org": BU,
        "tasklocation": {"locationid": site["locationid"], "locationname": site["locationname"]}
        if site
        else {
            "locationid": "",
            "locationname": f"{client['address']['addressline1']}, {client['address']['suburb']}",
        },
        "description": rng.choice(
            [
                "Customer reports water under the sink",
                "Annual service as per agreement",
                "No hot water since Sunday",
                "Check gas pressure and flue",
                "",
            ]
        ),
        "custon": maybe(rng, 0.35, f"W0{rng.randint(100000, 199999)}/{rng.randint(1, 3)}") if site else "",
        "refcode": f"{client['shortname']}{i % 40}",
        "priority": 0,
        "requestdate": _slash(day),
        "requestdatetime": _slash(day, True),
        "duedate": _slash((day[0], day[1], min(28, day[2] + 3))),
        "completeddate": _slash((day[0], day[1], min(28, day[2] + 4))) if done else "",
        "completeddatetime": _slash((day[0], day[1], min(28, day[2] + 4)), True) if done else " ",
        "lastupdated": "2025/11/30",
        "readtask": "true" if crew else "false",
        "linkprocessed": "true" if status == "Archived" else "false",
        "gpslatitude": site["gpslat"] if site else f"-37.{rng.randint(800000, 999999)}",
        "gpslongitude": site["gpslong"] if site else f"145.{rng.randint(0, 199999):06d}",
        "salesperson": [
            {"surname": seller["surname"], "user_id": seller["userid"], "givenname": seller["givennames"]}
        ],
        "assigneds": [_assigned(rng, u, day) for u in crew],
        "tasktotals": {
            "totalmat": f"{rng.randint(0, 900) + 0.45:.4f}" if status != "Not Started" else "0.0000",
            "totallab": f"{hours * 95:.4f}" if status != "Not Started" else "0.0000",
            "totalexp": "0.0000",
            "totalhrs": str(hours if status != "Not Started" else 0),
        },
        "quote": {k: quote[k] for k in ("totalinc", "totaltax", "totalex")}
        | {"estimator": quote["estimator"]}
        if quote
        else {},
    }


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    clients = _clients(rng)
    users = _users(rng)
    quotes = _quotes(rng, clients, users)
    by_id = {c["clientid"]: c for c in clients}
    approved = [q for q in quotes if q["status"] == "Approved"]
    tasks = []
    for i in range(45):
        quote = approved[i // 3] if i % 3 == 1 and i // 3 < len(approved) else None
        client = by_id[quote["client"]["orgid"]] if quote else rng.choice(clients)
        tasks.append(_task(rng, i, client, users, quote))
    write_json(root / "clients.json", clients)
    write_json(root / "tasks.json", tasks)
    write_json(root / "quotes.json", quotes)
    write_json(root / "users.json", users)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "AU",
            {
                "Quotes": ["Quote Being Prepared", "Waiting on Customer", "Quote Won", "Quote Lost"],
                "Jobs": ["Booked In", "Underway", "On Hold", "Work Complete", "Invoiced & Closed"],
            },
            [
                ("Dana", "Reid", f"dana@{DOMAIN}"),
                ("Marco", "Bianchi", f"marco@{DOMAIN}"),
                ("Josh", "Kelly", f"josh@{DOMAIN}"),
                ("Ben", "Walsh", f"ben@{DOMAIN}"),
            ],
            [
                ("ABN", "contact.abn", "TEXT", "contact"),
                ("Payment Terms", "contact.payment_terms", "SINGLE_OPTIONS", "contact"),
                ("Customer Order No", "opportunity.customer_order_no", "TEXT", "opportunity"),
            ],
        ),
    )
