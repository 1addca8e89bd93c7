"""Salesforce: a Data Export (or Data Loader "Export") of Account, Contact, Opportunity, Task and User.

From Salesforce's Object Reference and its Data Export / Data Loader help: one CSV per object named
after it (``Account.csv``...), headers are the fields' API names, every reference is an 18-character
record id whose first three characters name the object (``001`` Account, ``003`` Contact, ``006``
Opportunity, ``005`` User), booleans are ``true`` / ``false``, dates ``YYYY-MM-DD`` and date-times
``YYYY-MM-DDThh:mm:ss.000Z``. Account: ``Name``, ``Type`` (Prospect / Customer - Direct / Customer -
Channel / Channel Partner / Reseller / Other), ``ParentId`` (another account), ``Billing*``,
``Industry``, ``AnnualRevenue``, ``NumberOfEmployees``, ``AccountSource``, ``OwnerId``. Contact:
``AccountId``, ``Salutation``, ``Mailing*``, ``Phone``, ``MobilePhone``, ``Email``, ``Title``,
``Department``, ``LeadSource`` (Web / Phone Inquiry / Partner Referral / Purchased List / Other),
``Birthdate``, ``HasOptedOutOfEmail``, ``DoNotCall``. Opportunity: ``AccountId`` only (its people
are in OpportunityContactRole, not exported here), ``StageName`` (the default picklist: Prospecting /
Qualification / Needs Analysis / Value Proposition / Id. Decision Makers / Perception Analysis /
Proposal/Price Quote / Negotiation/Review / Closed Won / Closed Lost), ``Amount``, ``Probability``,
``CloseDate``, ``Type`` (New Business / Existing Business), ``NextStep``, ``IsClosed``, ``IsWon``,
``ForecastCategory``. Task: ``WhoId`` (a contact), ``WhatId`` (an account or an opportunity),
``Subject``, ``ActivityDate``, ``Status`` (Not Started / In Progress / Completed / Waiting on someone
else / Deferred), ``Priority`` (High / Normal / Low), ``TaskSubtype`` (Task / Call / Email).
"""

from __future__ import annotations

import random
import string
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
    street,
    us_phone,
    write_csv,
    write_json,
)

CASE = "salesforce"
# (first, last, export e-mail); Dana exports a private address, Victor has no destination user.
USERS = [
    ("Hannah", "Cruz", "hannah.cruz@bluepeakmedia.com"),
    ("Dana", "Whitfield", "dana.whitfield@gmail.com"),
    ("Victor", "Osei", "victor.osei@bluepeakmedia.com"),
]
STAGES = [
    "Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
    "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost",
]  # fmt: skip
PROBABILITY = [10, 10, 20, 50, 60, 70, 75, 90, 100, 0]
ACCOUNT_TYPES = ["Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller", "Other"]
INDUSTRIES = ["Healthcare", "Construction", "Retail", "Hospitality", "Technology", "Education"]
SOURCES = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"]
TITLES = ["CEO", "Office Manager", "VP Marketing", "Owner", "Marketing Coordinator", "CEO", "Buyer"]
DEALS = ["Website redesign", "SEO retainer", "Ad campaign"]
TASK_STATUS = ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"]
ACCOUNT_HEADER = [
    "Id", "IsDeleted", "MasterRecordId", "Name", "Type", "ParentId", "BillingStreet", "BillingCity",
    "BillingState", "BillingPostalCode", "BillingCountry", "Phone", "Fax", "Website", "Industry",
    "AnnualRevenue", "NumberOfEmployees", "Description", "OwnerId", "CreatedDate", "CreatedById",
    "LastModifiedDate", "AccountSource",
]  # fmt: skip
CONTACT_HEADER = [
    "Id", "IsDeleted", "MasterRecordId", "AccountId", "LastName", "FirstName", "Salutation",
    "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry", "Phone",
    "MobilePhone", "Email", "Title", "Department", "LeadSource", "Birthdate", "Description", "OwnerId",
    "HasOptedOutOfEmail", "DoNotCall", "CreatedDate",
]  # fmt: skip
OPPORTUNITY_HEADER = [
    "Id", "IsDeleted", "AccountId", "Name", "Description", "StageName", "Amount", "Probability",
    "CloseDate", "Type", "NextStep", "LeadSource", "IsClosed", "IsWon", "ForecastCategory", "OwnerId",
    "CreatedDate",
]  # fmt: skip
TASK_HEADER = [
    "Id", "WhoId", "WhatId", "Subject", "ActivityDate", "Status", "Priority", "OwnerId", "Description",
    "IsClosed", "TaskSubtype", "CreatedDate",
]  # fmt: skip
USER_HEADER = ["Id", "Username", "LastName", "FirstName", "Email", "IsActive", "Title", "TimeZoneSidKey"]


def _sfid(rng: random.Random, prefix: str) -> str:
    """An 18-character Salesforce id: key prefix, pod, a random body and the case-safe suffix."""
    body = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(7))
    suffix = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
    return f"{prefix}8d00000{body}A{suffix}"[:18]


def _stamp(rng: random.Random, year: int) -> str:
    return f"{date(rng, year)}T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:00.000Z"


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    user_ids = [_sfid(rng, "005") for _ in USERS]
    user_rows = [
        [
            uid,
            f"{f.lower()}.{last.lower()}@bluepeakmedia.com.prod",
            last,
            f,
            email,
            "true",
            "AE",
            "America/Chicago",
        ]
        for uid, (f, last, email) in zip(user_ids, USERS, strict=True)
    ]
    firms = companies(rng, 18)
    account_ids = [_sfid(rng, "001") for _ in firms]
    account_rows = []
    for i, (aid, name) in enumerate(zip(account_ids, firms, strict=True)):
        city, state, zip_code = rng.choice(US_PLACES)
        parent = account_ids[rng.randrange(i)] if i > 3 and rng.random() < 0.3 else ""
        account_rows.append(
            [
                aid,
                "false",
                "",
                name,
                rng.choice(ACCOUNT_TYPES),
                parent,
                street(rng),
                city,
                state,
                zip_code,
                rng.choice(["United States", "USA"]),
                us_phone(rng),
                maybe(rng, 0.2, us_phone(rng)),
                maybe(rng, 0.7, "www." + name.split()[0].lower() + ".com"),
                rng.choice(INDUSTRIES),
                maybe(rng, 0.6, str(rng.randint(2, 90) * 50000)),
                maybe(rng, 0.7, str(rng.randint(3, 400))),
                maybe(
                    rng, 0.3, rng.choice(["Key account.", "Franchise of three sites.", "Renewal due in Q3."])
                ),
                rng.choice(user_ids),
                _stamp(rng, 2022),
                rng.choice(user_ids),
                _stamp(rng, 2024),
                rng.choice(SOURCES),
            ]
        )
    persons = people(rng, 40)
    contact_ids = [_sfid(rng, "003") for _ in persons]
    contact_rows = []
    contact_of: dict[str, str] = {}
    for cid, p in zip(contact_ids, persons, strict=True):
        account = rng.choice(account_ids)
        contact_of.setdefault(account, cid)
        firm = firms[account_ids.index(account)]
        city, state, zip_code = rng.choice(US_PLACES)
        contact_rows.append(
            [
                cid,
                "false",
                "",
                account,
                p.last,
                p.first,
                rng.choice(["Mr.", "Ms.", "Mrs.", "Dr.", ""]),
                street(rng),
                city,
                state,
                zip_code,
                "United States",
                us_phone(rng),
                maybe(rng, 0.5, us_phone(rng)),
                p.email(firm.split()[0].lower() + ".com"),
                maybe(rng, 0.8, rng.choice(TITLES)),
                maybe(rng, 0.5, rng.choice(["Marketing", "Operations", "Finance"])),
                rng.choice(SOURCES),
                maybe(rng, 0.4, date(rng, rng.randint(1960, 1995))),
                maybe(rng, 0.2, rng.choice(["Prefers e-mail.", "Met at the spring expo."])),
                rng.choice(user_ids),
                rng.choice(["false", "false", "true"]),
                rng.choice(["false", "false", "false", "true"]),
                _stamp(rng, 2023),
            ]
        )
    opp_ids = []
    opp_rows = []
    with_contacts = sorted(contact_of)
    for i in range(36):
        oid = _sfid(rng, "006")
        opp_ids.append(oid)
        account = rng.choice(with_contacts)
        stage = STAGES[i % len(STAGES)]
        closed = stage.startswith("Closed")
        forecast = {"Closed Won": "Closed", "Closed Lost": "Omitted"}.get(stage, "Pipeline")
        opp_rows.append(
            [
                oid,
                "false",
                account,
                f"{firms[account_ids.index(account)]} - {rng.choice(DEALS)}",
                maybe(rng, 0.3, "Scope agreed on the discovery call."),
                stage,
                f"{rng.randint(20, 600) * 50}.00",
                str(PROBABILITY[i % len(STAGES)]),
                date(rng, 2025),
                rng.choice(["New Business", "Existing Business"]),
                maybe(rng, 0.4, rng.choice(["Send revised proposal", "Call back Tuesday", "Book demo"])),
                rng.choice(SOURCES),
                "true" if closed else "false",
                "true" if stage == "Closed Won" else "false",
                forecast,
                rng.choice(user_ids),
                _stamp(rng, 2024),
            ]
        )
    task_rows = []
    for _ in range(42):
        who = rng.choice(contact_ids) if rng.random() < 0.8 else ""
        what = rng.choice(opp_ids + account_ids) if rng.random() < 0.6 or not who else ""
        status = rng.choice(TASK_STATUS)
        task_rows.append(
            [
                _sfid(rng, "00T"),
                who,
                what,
                rng.choice(["Follow up on proposal", "Call", "Send contract", "Email"]),
                maybe(rng, 0.85, date(rng, 2025)),
                status,
                rng.choice(["High", "Normal", "Normal", "Low"]),
                rng.choice(user_ids),
                maybe(rng, 0.4, "Discussed budget and timeline."),
                "true" if status == "Completed" else "false",
                rng.choice(["Task", "Call", "Email"]),
                _stamp(rng, 2024),
            ]
        )
    write_csv(root / "Account.csv", ACCOUNT_HEADER, account_rows)
    write_csv(root / "Contact.csv", CONTACT_HEADER, contact_rows)
    write_csv(root / "Opportunity.csv", OPPORTUNITY_HEADER, opp_rows)
    write_csv(root / "Task.csv", TASK_HEADER, task_rows)
    write_csv(root / "User.csv", USER_HEADER, user_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Sales Pipeline": [
                    "Prospect",
                    "Qualified",
                    "Needs Assessment",
                    "Proposal Sent",
                    "In Negotiation",
                    "Won",
                    "Lost",
                ]
            },
            [
                ("Hannah", "Cruz", "hannah.cruz@bluepeakmedia.com"),
                ("Dana", "Whitfield", "dana@bluepeakmedia.com"),
            ],
        ),
    )
