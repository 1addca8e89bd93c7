"""SuiteCRM 7: the list-view exports of Accounts, Contacts and Opportunities, CSV (a UK IT reseller).

From SuiteCRM's own export code (https://github.com/salesagility/SuiteCRM include/export_utils.php:
the header row is each field's label, the columns follow ``get_field_order_mapping`` with the
module's custom fields after them, drop-down values are exported as their display labels, currency
fields as formatted numbers, dates and times in the exporting user's format with a space before
am/pm, non-primary e-mails joined by ";") and its user guide (https://docs.suitecrm.com/user/core-modules/accounts/).
Lookups are exported the way the export queries select them: ``Account Name`` by display name,
``Assigned to`` / ``Assigned User Name`` as the user's login name beside ``Assigned User ID``,
``Created By`` / ``Modified By`` as user ids (the administrator's id is "1"), ``Currency`` as the
currency id (-99 is the system currency), ``Parent Account ID`` and ``Reports to ID`` as record ids.
The default drop-downs: account Type (Customer, Prospect, Partner, Reseller, Competitor, Other),
Industry, Lead Source (Cold Call, Existing Customer, Self Generated, Partner, Web Site, Word of mouth,
Trade Show, Email, Other), Sales Stage (Prospecting ... Negotiation/Review, Closed Won, Closed Lost)
with its default probabilities, Opportunity Type (New Business, Existing Business), Salutation.
Accounts carry the Google Maps module's custom fields (Longitude, Latitude, Geocode Status, Address).
The exporting user prefers dd/mm/yyyy and 24-hour times.
"""

from __future__ import annotations

import random
import uuid
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    write_csv,
    write_json,
)

CASE = "suitecrm"
# (login, first, last): admin is the built-in administrator, no destination user
USERS = [("rmoss", "Rachel", "Moss"), ("dokafor", "Daniel", "Okafor"), ("admin", "", "Administrator")]
UK_PLACES = [("Manchester", "Greater Manchester", "M1 4BT"), ("Leeds", "West Yorkshire", "LS1 4AB"),
             ("Bristol", "", "BS1 5TR"), ("Sheffield", "South Yorkshire", "S1 2HE"),
             ("Reading", "Berkshire", "RG1 1AF"), ("Nottingham", "Nottinghamshire", "NG1 5FS")]  # fmt: skip
ROADS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Park Road", "Mill Lane"]
COUNTRIES = ["United Kingdom", "United Kingdom", "UK", "England"]
TYPES = ["Customer", "Customer", "Prospect", "Partner", "Reseller", "Competitor", "Other"]
INDUSTRIES = ["Technology", "Healthcare", "Retail", "Construction", "Education", "Manufacturing", "Finance"]
SOURCES = ["Cold Call", "Existing Customer", "Self Generated", "Partner", "Web Site", "Word of mouth",
           "Trade Show", "Email", "Other"]  # fmt: skip
SALUTATIONS = ["Mr.", "Ms.", "Mrs.", "Dr.", ""]
TITLES = ["IT Manager", "Office Manager", "it manager", "Finance Director", "Head of IT", "Director",
          "Operations Manager"]  # fmt: skip
DEPARTMENTS = ["IT", "Finance", "Operations", ""]
# (stage, default probability) of SuiteCRM's sales_stage_dom
STAGES = [("Prospecting", 10), ("Qualification", 20), ("Needs Analysis", 25), ("Value Proposition", 30),
          ("Id. Decision Makers", 40), ("Perception Analysis", 50), ("Proposal/Price Quote", 65),
          ("Negotiation/Review", 80), ("Closed Won", 100), ("Closed Lost", 0)]  # fmt: skip
WORK = ["Laptop refresh", "Microsoft 365 migration", "Managed backup", "Network upgrade", "Support contract",
        "Firewall renewal"]  # fmt: skip
STEPS = ["Send revised quote", "Book site survey", "Chase PO", "Demo with finance", ""]
NOTES = ["Met at the Leeds IT expo.", "Renewal due in spring.", "Prefers e-mail contact.", ""]
SCOPES = [
    "Quote on 2024 pricing.",
    "Includes three years of support.",
    "Competing with the incumbent MSP.",
    "",
]
REVENUES = ["£2m", "1,200,000", "£850k", "5m"]  # annual_revenue is a free-text field
# the destination's stages, worded apart from SuiteCRM's
PIPELINE = [
    "New Opportunity",
    "Qualified",
    "Requirements Gathered",
    "Proposal Sent",
    "Negotiating",
    "Won",
    "Lost",
]
ACCOUNT_HEADER = [
    "Name", "ID", "Website", "Email Address", "Non Primary E-mails", "Office Phone", "Alternate Phone", "Fax",
    "Billing Street", "Billing City", "Billing State", "Billing Postal Code", "Billing Country",
    "Shipping Street", "Shipping City", "Shipping State", "Shipping Postal Code", "Shipping Country",
    "Description", "Type", "Industry", "Annual Revenue", "Employees", "SIC Code", "Ticker Symbol",
    "Parent Account ID", "Ownership", "Campaign ID", "Rating", "Assigned to", "Assigned User ID",
    "Date Created", "Date Modified", "Modified By", "Created By", "Deleted", "Longitude", "Latitude",
    "Geocode Status", "Address",
]  # fmt: skip
CONTACT_HEADER = [
    "First Name", "Last Name", "ID", "Salutation", "Title", "Department", "Account Name", "Email Address",
    "Non Primary E-mails for Import", "Phone Mobile", "Phone Work", "Phone Home", "Phone Other", "Phone Fax",
    "Primary Address Street", "Primary Address City", "Primary Address State", "Primary Address Postal Code",
    "Primary Address Country", "Alternate Address Street", "Alternate Address City",
    "Alternate Address State", "Alternate Address Postal Code", "Alternate Address Country", "Description",
    "Birthdate", "Lead Source",
    "campaign_id", "Do Not Call", "Reports to ID", "Assistant", "Assistant Phone", "Assigned User Name",
    "Assigned User ID", "Date Created", "Date Modified", "Modified By", "Created By", "Deleted",
]  # fmt: skip
OPPORTUNITY_HEADER = [
    "Opportunity Name", "ID", "Opportunity Amount", "Currency", "Expected Close Date", "Sales Stage",
    "Probability (%)", "Next Step", "Opportunity Type", "Account Name", "Description", "Amount",
    "Lead Source", "campaign_id", "Assigned User Name", "Assigned User ID", "Date Created", "Date Modified",
    "Created By ID", "Modified By ID", "Deleted",
]  # fmt: skip


def _guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _phone(rng: random.Random, mobile: bool = False) -> str:
    if mobile:
        return rng.choice(["07700 {} {}", "+44 7700 {} {}"]).format(
            rng.randint(100, 999), rng.randint(100, 999)
        )
    return rng.choice(["0161 496 {}", "0113 496 {}", "+44 117 496 {}", "(0118) 496 {}"]).format(
        rng.randint(1000, 9999)
    )


def _day(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"


def _stamp(rng: random.Random, year: int) -> str:
    return f"{_day(rng, year)} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"


def _money(amount: int) -> str:
    return f"{amount:,.2f}"


def _account_rows(rng: random.Random, firms: list[str], users: list[tuple[str, str]]) -> list[list[str]]:
    ids = [_guid(rng) for _ in firms]
    rows = []
    for i, name in enumerate(firms):
        city, county, postcode = rng.choice(UK_PLACES)
        road, country = f"{rng.randint(1, 200)} {rng.choice(ROADS)}", rng.choice(COUNTRIES)
        domain = name.replace(" ", "").lower() + ".co.uk"
        login, user_id = rng.choice(users)
        shipped = rng.random() < 0.25
        geocoded = rng.random() < 0.6
        rows.append(
            [f"{name} Ltd", ids[i], maybe(rng, 0.7, rng.choice([f"www.{domain}", f"https://{domain}"])),
             f"info@{domain}", maybe(rng, 0.2, f"accounts@{domain};sales@{domain}"), _phone(rng),
             maybe(rng, 0.2, _phone(rng)), maybe(rng, 0.15, _phone(rng)), road, city, county, postcode,
             country,
             road if shipped else "", city if shipped else "", county if shipped else "",
             postcode if shipped else "", country if shipped else "", rng.choice(NOTES), rng.choice(TYPES),
             maybe(rng, 0.8, rng.choice(INDUSTRIES)), maybe(rng, 0.4, rng.choice(REVENUES)),
             maybe(rng, 0.5, rng.choice(["10-50", "120", "8", "250+"])),
             maybe(rng, 0.2, rng.choice(["62020", "47410"])),
             "", ids[i - 3] if i in (7, 12) else "", "", "", "", login, user_id, _stamp(rng, 2022),
             _stamp(rng, 2024), rng.choice([user_id, "1"]), rng.choice([user_id, "1"]), "0",
             f"-{rng.randint(1, 2)}.{rng.randint(100000, 999999)}" if geocoded else "",
             f"5{rng.randint(1, 3)}.{rng.randint(100000, 999999)}" if geocoded else "",
             rng.choice(["OK", "OK", "ZERO_RESULTS"]) if geocoded else "",
             f"{road}, {city}, {county + ', ' if county else ''}{postcode}, {country}" if geocoded else ""]
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    users = [(login, _guid(rng) if login != "admin" else "1") for login, _, _ in USERS]
    firms = companies(rng, 20)
    accounts = _account_rows(rng, firms, users)
    contact_rows = []
    contact_ids: list[str] = []
    for p in people(rng, 45):
        account = rng.choice(accounts) if rng.random() < 0.8 else None
        city, county, postcode = rng.choice(UK_PLACES)
        domain = account[3].split("@")[1] if account else rng.choice(["gmail.com", "outlook.com"])
        login, user_id = rng.choice(users[:2]) if rng.random() < 0.9 else users[2]
        ident = _guid(rng)
        contact_rows.append(
            [p.first, p.last, ident, rng.choice(SALUTATIONS), maybe(rng, 0.7, rng.choice(TITLES)),
             maybe(rng, 0.4, rng.choice(DEPARTMENTS)), account[0] if account else "", p.email(domain),
             maybe(rng, 0.15, p.email("gmail.com")), maybe(rng, 0.7, _phone(rng, True)),
             maybe(rng, 0.6, _phone(rng)), maybe(rng, 0.1, _phone(rng)), "", maybe(rng, 0.05, _phone(rng)),
             maybe(rng, 0.6, f"{rng.randint(1, 200)} {rng.choice(ROADS)}"), city, county, postcode,
             rng.choice(COUNTRIES), "", "", "", "", "", rng.choice(NOTES),
             maybe(rng, 0.2, f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1962, 1995)}"),
             maybe(rng, 0.7, rng.choice(SOURCES)), "", rng.choice(["0", "0", "0", "1"]),
             rng.choice(contact_ids) if contact_ids and rng.random() < 0.15 else "",
             "", "", login, user_id, _stamp(rng, 2023), _stamp(rng, 2024), rng.choice([user_id, "1"]),
             rng.choice([user_id, "1"]), "0"]
        )  # fmt: skip
        contact_ids.append(ident)
    opp_rows = []
    for i in range(40):
        account = rng.choice(accounts)
        stage, probability = STAGES[i % len(STAGES)]
        amount = _money(rng.randint(6, 480) * 125)
        login, user_id = rng.choice(users[:2])
        opp_rows.append(
            [f"{account[0]} - {rng.choice(WORK)}", _guid(rng), amount, "-99", _day(rng, 2025), stage,
             str(probability), rng.choice(STEPS), rng.choice(["New Business", "Existing Business", ""]),
             account[0],
             rng.choice(SCOPES), amount, maybe(rng, 0.6, rng.choice(SOURCES)), "", login, user_id,
             _stamp(rng, 2024), _stamp(rng, 2025), user_id, rng.choice([user_id, "1"]), "0"]
        )  # fmt: skip
    write_csv(root / "accounts.csv", ACCOUNT_HEADER, accounts)
    write_csv(root / "contacts.csv", CONTACT_HEADER, contact_rows)
    write_csv(root / "opportunities.csv", OPPORTUNITY_HEADER, opp_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "GB",
            {"Sales Pipeline": PIPELINE},
            [("Rachel", "Moss", "rachel@brightwire.co.uk"), ("Daniel", "Okafor", "daniel@brightwire.co.uk")],
        ),
    )
