"""Perfect Books people: users, contacts and companies in a loosely typed CRM export.

Loosely typed on purpose: booleans as yes/1/TRUE, numbers as text with units, dates in several
formats in one column, custom fields as ``cf_<object>_<name>`` columns.
"""

from __future__ import annotations

import random
from datetime import datetime

from assistant.fixturegen import people as p
from assistant.fixturegen.lists import columns, pool
from assistant.fixturegen.mess import MessPlan, TagCluster, swap_case_email, tags_for
from assistant.fixturegen.rng import EPOCH, day_between, record_rng

DOMAIN = "northgateadvisory.ca"
# (id, name, email, role, active). Destination users are derived from these.
USERS = (
    ("u_001", "Claire Tremblay", f"claire@{DOMAIN}", "admin", "true"),
    ("u_002", "Owen MacDonald", f"owen.macdonald@{DOMAIN}", "sales", "true"),
    ("u_003", "Priya Sharma", f"PRIYA.SHARMA@{DOMAIN}", "sales", "1"),
    ("u_004", "Marc Gagnon", f"marc.gagnon@{DOMAIN}", "support", "yes"),
    ("u_005", "Rebecca Lam", "rlam.consulting@gmail.com", "sales", "true"),  # destination has her work email
    ("u_006", "Tom Becker", f"tom.becker@{DOMAIN}", "sales", "false"),  # left; no destination user
)
TAG_CLUSTERS = (
    TagCluster("vip", ("VIP", "vip ", "V.I.P.", "vip-client")),
    TagCluster("hot lead", ("Hot Lead", "hot lead", "HOT-LEAD", "hot_lead")),
    TagCluster("newsletter", ("Newsletter", "newsletter ", "news letter")),
)
PLAIN_TAGS = ("Referral", "Conference 2024", "Partner", "Bookkeeping", "Payroll", "Do not call")
CONTACT_HEADER = columns(
    "id, first_name, last_name, email, phone, mobile, company_id, company_name, title, owner_id, "
    "tags, lifecycle_stage, do_not_email, created_at, address, description, cf_contact_birthday, "
    "cf_contact_preferred_language, cf_contact_referral_score, cf_contact_linkedin"
)
COMPANY_HEADER = columns(
    "id, name, domain, industry, employees, parent_company_id, parent_company_name, phone, "
    "address, city, province, postal_code, owner_email, created_at, tags, "
    "cf_company_annual_revenue, cf_company_fiscal_year_end"
)
INDUSTRIES = ("Retail", "Construction", "Legal", "Healthcare", "Non-profit", "Hospitality", "Software", "")
FIRST = (*p.US_FIRST, "Geneviève", "Étienne", "Chloé", "Mathieu", "Aisha", "Wei")
LAST = (*p.US_LAST, "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Chen", "Singh", "MacLeod")
COMPANY_WORDS = pool("Rideau, Bytown, Capital, Glebe, Maple Leaf, Ottawa Valley, Laurentian, Gatineau Hills")
COMPANY_KINDS = pool("Dental, Law Group, Bakery, Builders, Consulting Inc., Foundation, Clinic, Ltd.")
QUOTED_COMPANIES = (  # one per record of MessPlan.quoted
    "Bouchard, Côté & Associates",
    'The "Good Food" Co-op, Inc.',
    "O'Malley's Pub, Ltd.",
    "Chen, Singh & Roy LLP",
    '"Maple Leaf" Daycare, Inc.',
    'Roy & Fils, "Menuiserie"',
    'Bytown "Classic" Cars, Ltd.',
    "MacLeod, Young & Partners",
    'The "Rideau" Group, Inc.',
)


def mixed_date(rng: random.Random, day: datetime, alt: bool) -> str:
    """ISO date-time normally; other records use the format whoever typed them preferred."""
    if not alt:
        return day.strftime("%Y-%m-%d %H:%M:%S")
    return rng.choice(
        (
            day.strftime("%d/%m/%Y"),
            day.strftime("%m/%d/%Y"),
            day.strftime("%d-%b-%Y"),
            str(int(day.timestamp()) * 1000),
        )
    )


def company_row(seed: int, index: int, plan: MessPlan, companies: int) -> list[str]:
    rng = record_rng(seed, "pb-companies", index)
    name = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"
    if index in plan.quoted:
        name = QUOTED_COMPANIES[sorted(plan.quoted).index(index)]
    street, city, province, postal, area = p.ca_address(rng)
    parent_id, parent_name = "", ""
    if index > 5 and rng.random() < 0.15:  # a branch of an earlier company, sometimes named but not linked
        parent = rng.randrange(index)
        parent_id = f"co_{parent + 1:05d}" if rng.random() < 0.8 else ""
        parent_name = company_name(seed, parent, plan)
    if index == 11 and companies > 11:
        parent_id = f"co_{companies + 500:05d}"  # parent deleted before the export: a dangling reference
    revenue = rng.randrange(80, 5000) * 1000
    return [
        f"co_{index + 1:05d}",
        name,
        p.ascii_slug(name, "")[:20] + ".ca",
        rng.choice(INDUSTRIES),
        rng.choice((str(rng.randrange(2, 80)), "11-50", "1-10", f"approx {rng.randrange(5, 60)}", "")),
        parent_id,
        parent_name,
        p.us_phone(rng, area),
        street,
        city,
        province,
        postal,
        rng.choice([u[2] for u in USERS]),
        mixed_date(rng, day_between(rng, EPOCH, 900), index in plan.alt_dates),
        "|".join(tags_for(index + 7, TAG_CLUSTERS, PLAIN_TAGS, rng)),
        rng.choice((f"{revenue}", f"${revenue:,.2f}", f"${revenue / 1e6:.1f}M", "")),
        rng.choice(("March", "03/31", "2024-12-31", "Dec 31", "")),
    ]


def company_name(seed: int, index: int, plan: MessPlan) -> str:
    rng = record_rng(seed, "pb-companies", index)
    name = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"
    return QUOTED_COMPANIES[sorted(plan.quoted).index(index)] if index in plan.quoted else name


def contact_row(seed: int, index: int, plan: MessPlan, companies: int) -> list[str]:
    source = plan.duplicates.get(index, index)
    rng = record_rng(seed, "pb-contacts", source)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    company = rng.randrange(companies) if rng.random() < 0.75 else None
    domain = (
        p.ascii_slug(company_name(seed, company, plan), "")[:20] + ".ca"
        if company is not None
        else "gmail.com"
    )
    local = f"{p.ascii_slug(first, '')}.{p.ascii_slug(last, '')}"
    email = f"{local}@{domain}" if company is not None else f"{p.free_mail_local(rng, first, last)}@{domain}"
    if source != index:
        email = swap_case_email(email)
    street, city, province, postal, area = p.ca_address(rng)
    birthday = datetime(rng.randrange(1950, 2000), rng.randint(1, 12), rng.randint(1, 28))
    created = day_between(rng, EPOCH, 1000)
    return [
        str(10000 + index),
        first,
        last,
        email if rng.random() > 0.05 or source != index or index in plan.duplicate_sources else "",
        p.us_phone(rng, area),
        p.us_phone(rng, area) if rng.random() < 0.4 else "",
        f"co_{company + 1:05d}" if company is not None else "",
        company_name(seed, company, plan) if company is not None else "",
        rng.choice(("Owner", "Office Manager", "Controller", "CEO", "Bookkeeper", "")),
        rng.choice([u[0] for u in USERS] + [""]),
        "|".join(tags_for(index, TAG_CLUSTERS, PLAIN_TAGS, rng)),
        rng.choice(("lead", "Lead", "customer", "Customer", "opportunity", "")),
        rng.choice(("yes", "no", "1", "0", "TRUE", "false", "")),
        mixed_date(rng, created, index in plan.alt_dates),
        f"{street}, {city}, {province} {postal}",
        plan.instructions.get(index)
        or rng.choice(("", "", "Met at chamber breakfast", "Prefers email, not calls")),
        rng.choice(
            (birthday.strftime("%Y-%m-%d"), birthday.strftime("%d/%m/%Y"), birthday.strftime("%B %d"), "")
        ),
        rng.choice(("English", "French", "fr", "EN", "Français", "")),
        rng.choice((str(rng.randint(1, 10)), f"{rng.randint(1, 10)}.0", "n/a", "")),
        f"https://www.linkedin.com/in/{p.ascii_slug(first + ' ' + last, '-')}" if plan.sparse(index) else "",
    ]
