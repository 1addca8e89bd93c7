"""Contractor+ people: clients, leads and users as the per-module CSV exports show them (US format)."""

from __future__ import annotations

from typing import Any

from assistant.fixturegen import people as p
from assistant.fixturegen.lists import columns
from assistant.fixturegen.mess import MessPlan, TagCluster, swap_case_email, tags_for
from assistant.fixturegen.rng import EPOCH, day_between, money, record_rng

DOMAIN = "lonestarhomeservices.com"
# (name, email in Contractor+, role, status). Destination users are derived from these.
USERS = (
    ("Dan Whitaker", f"dan@{DOMAIN}", "Admin", "Active"),
    ("Maria Gonzalez", f"maria.gonzalez@{DOMAIN}", "Dispatcher", "Active"),
    ("Tyler Brooks", f"tyler.brooks@{DOMAIN}", "Technician", "Active"),
    ("Kevin Nguyen", f"Kevin.Nguyen@{DOMAIN}", "Technician", "Active"),
    (
        "Brandon Cole",
        "brandoncole.hvac@yahoo.com",
        "Technician",
        "Active",
    ),  # destination knows his work email
    ("Mike Dalton", f"mike.dalton@{DOMAIN}", "Technician", "Inactive"),  # left; not in the destination
)
OWNERS = ("Dan Whitaker", "Maria Gonzalez", "Tyler Brooks", "Kevin Nguyen", "Brandon Cole", "Mike Dalton", "")
TAG_CLUSTERS = (
    TagCluster("vip", ("VIP", "vip ", "V.I.P.", "vip-client")),
    TagCluster("urgent", ("Urgent", "urgent", "URGENT!!")),
    TagCluster(
        "repeat customer", ("Repeat Customer", "repeat customer", "Repeat-Customer", "returning customer")
    ),
)
PLAIN_TAGS = ("Residential", "Commercial", "Warranty", "Referral", "Maintenance Plan")
NOTES = (
    "",
    "",
    "",
    "Dog in backyard",
    "Call before arriving",
    "Prefers text messages",
    "Side gate, code changes monthly",
    'Said "call before 9", lives in unit B, use back door',
    "Multi-line note:\nPaid cash last time.\nAsk for Mrs. only.",
)
QUOTED_COMPANIES = (  # one per record of MessPlan.quoted
    'Smith, Jones & Co. "Property Services"',
    'Hill Country "Premier" Rentals, LLC',
    'Bob\'s "Best" BBQ, Inc.',
    'Lakeway, Ltd. "The Oaks"',
    'Davis & Sons, "Est. 1987"',
    'Riverside "Grace" Church, Inc.',
    'A+ "Quick" Storage, LLC',
    "Young, Lee & Clark HOA",
    'The "Loft" Apartments, LP',
)
CLIENT_HEADER = columns(
    "Client ID, Client Name, Company Name, Email, Phone Numbers, Address, City, State, Zip Code, "
    "Client Type, Tags, Assigned To, Created Date, Gate Code, Preferred Contact Time, "
    "Referral Source, Fax, Notes"
)
LEAD_HEADER = columns(
    "Lead ID, First Name, Last Name, Email, Phone, Lead Source, Lead Status, Assigned To, "
    "Created Date, Estimated Value, Description"
)


def us_date(rng_day: Any, alt: bool) -> str:
    """MM/DD/YYYY normally; a few records carry ISO or 'Mon D, YYYY' (imported or hand-typed)."""
    if not alt:
        return str(rng_day.strftime("%m/%d/%Y"))
    return str(rng_day.strftime("%Y-%m-%d") if rng_day.day % 2 else rng_day.strftime("%b %-d, %Y"))


def usd(value: float) -> str:
    return f"${value:,.2f}"


def client_row(seed: int, index: int, plan: MessPlan) -> list[str]:
    source = plan.duplicates.get(index, index)
    rng = record_rng(seed, "cp-clients", source)
    first, last = p.us_person(rng)
    street, city, state, zip_code, area = p.us_address(rng)
    commercial = rng.random() < 0.3 or index in plan.quoted
    company = f"{rng.choice(p.US_LAST)} {rng.choice(p.US_BUSINESS)}" if commercial else ""
    if commercial and index in plan.quoted:
        company = QUOTED_COMPANIES[sorted(plan.quoted).index(index)]
    domain = (
        p.ascii_slug(company, "")[:18] + ".com"
        if commercial
        else rng.choice(("gmail.com", "yahoo.com", "outlook.com"))
    )
    email = (
        f"{p.ascii_slug(first)}.{p.ascii_slug(last)}@{domain}"
        if commercial
        else f"{p.free_mail_local(rng, first, last)}@{domain}"
    )
    if rng.random() < 0.15:
        email += f"; {p.ascii_slug(first)}{rng.randrange(10, 99)}@gmail.com"
    if source != index:
        email = swap_case_email(email)
    phones = [p.us_phone(rng, area) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    created = day_between(rng, EPOCH, 1000)
    return [
        f"CL-{1001 + index}",
        f"{first} {last}",
        company,
        email,
        ", ".join(phones),
        street,
        city,
        state,
        zip_code,
        "Commercial" if commercial else "Residential",
        ", ".join(tags_for(index, TAG_CLUSTERS, PLAIN_TAGS, rng)),
        rng.choice(OWNERS),
        us_date(created, index in plan.alt_dates),
        f"#{rng.randrange(1000, 9999)}" if rng.random() < 0.3 else "",
        rng.choice(("Morning", "Afternoon", "Evening", "Anytime", "", "")),
        rng.choice(("Google", "Yelp", "Nextdoor", "Referral", "Angi", "")),
        p.us_phone(rng, area) if plan.sparse(index) else "",
        plan.instructions.get(index) or rng.choice(NOTES),
    ]


def client_name(seed: int, index: int, plan: MessPlan) -> tuple[str, str]:
    """(Client Name, Company Name) of client ``index``, rebuilt without the rest of the row."""
    rng = record_rng(seed, "cp-clients", plan.duplicates.get(index, index))
    first, last = p.us_person(rng)
    p.us_address(rng)
    commercial = rng.random() < 0.3 or index in plan.quoted
    company = f"{rng.choice(p.US_LAST)} {rng.choice(p.US_BUSINESS)}" if commercial else ""
    if company and index in plan.quoted:
        company = QUOTED_COMPANIES[sorted(plan.quoted).index(index)]
    return f"{first} {last}", company


def lead_row(seed: int, index: int, plan: MessPlan) -> list[str]:
    rng = record_rng(seed, "cp-leads", index)
    first, last = p.us_person(rng)
    _, _, _, _, area = p.us_address(rng)
    created = day_between(rng, EPOCH, 1100)
    return [
        f"LD-{5001 + index}",
        first,
        last if rng.random() > 0.05 else "",
        f"{p.ascii_slug(first)}{p.ascii_slug(last)}{rng.randrange(100)}@gmail.com"
        if rng.random() > 0.1
        else "",
        p.us_phone(rng, area),
        rng.choice(("Website", "Google Ads", "Facebook", "Referral", "Yard Sign", "Home Show")),
        rng.choice(("New", "New", "Contacted", "Qualified", "Unqualified", "Converted")),
        rng.choice(OWNERS),
        us_date(created, index in plan.alt_dates),
        usd(money(rng, 150, 12000)) if rng.random() < 0.7 else "",
        rng.choice(
            (
                "Needs AC tune-up",
                "Water heater leaking",
                'Quote for full remodel, budget "flexible"',
                "Wants estimate for fence, 120 ft",
                "",
            )
        ),
    ]
