"""Nimble: the REST API v1 contact list, contact notes and company users, JSON.

From Nimble's API documentation (github.com/nimblecrm/api-docs, published at
http://nimble.readthedocs.io/en/latest/: responses.rst "Contact resources", contacts/fields.rst "Nimble
default fields", data_structures/contacts/note.rst, company/users/list.rst; the current reference at
https://www.nimble.com/developers/docs/). One list holds people and companies (``record_type`` person /
company). A contact's data sits in ``fields``, a map from the field's name (``first name``, ``last
name``, ``title``, ``parent company``, ``company name``, ``email``, ``phone``, ``address``, ``URL``,
``description``, ``source``, ``lead status``, ``lead source``, ``annual revenue``) to a list of
``{field_id, modifier, group, value, label}`` entries: phones labelled work / mobile / home, e-mails
work / personal, an address whose value is JSON text ``{"street", "city", "state", "zip",
"country"}``, a person's ``parent company`` naming the company with its id in ``extra_value``, the
lead status drop-down Open / Contacted / Qualified / Unqualified. Tags are ``[{tag, id}]`` typed per
contact, ``owner_id`` is the owning user's BSON id, ``creator`` the creating user's name. A note lists
its contacts as ``[{id, name}]`` beside its URL-encoded HTML ``note`` and plain ``note_preview``. The
users list has no id of its own: the id sits in each user's ``avatar_url``. Deals come from the v2 API
(Deals.DealView, Pipeline.DealsPipeline in the reference's OpenAPI): ``deal_id``, ``deal_number``, the
``owner`` and ``creator`` as ``{user_id, name, email, avatar_url, is_active}``, ``related_contacts`` as
``[{contact: {id, name, ...}, note}]``, the standard fields ``name`` / ``amount`` / ``probability`` /
``expected_close_date`` / ``description`` in ``fields_values`` as lists of ``{value}``, the deal's
``pipeline_id`` / ``stage_id`` and ``final_probability``; the pipelines list holds each pipeline's stages
(``stage_id``, ``name``, ``default_probability``, ``role {name, is_final}``).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any
from urllib.parse import quote

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    Person,
    companies,
    destination,
    people,
    rng_for,
    spelled,
    street,
    us_phone,
    write_json,
)

CASE = "nimble"
USERS = [("Nora", "Quist", "nora@brightlane.agency", True), ("Owen", "Marsh", "owen@brightlane.agency", True),
         ("Gus", "Ferro", "gus.ferro@gmail.com", False)]  # fmt: skip
GROUPS = {"first name": "Basic Info", "last name": "Basic Info", "title": "Basic Info",
          "company name": "Basic Info", "parent company": "Basic Info", "source": "Basic Info",
          "email": "Contact Info", "phone": "Contact Info", "address": "Contact Info", "URL": "Extra Info",
          "description": "Extra Info", "annual revenue": "Company Info", "lead status": "Lead Details",
          "lead source": "Lead Details"}  # fmt: skip
TITLES = ["Marketing Manager", "Owner", "Marketing Manager", "Founder", "Office Manager", "Head of Growth",
          "CEO"]  # fmt: skip
LEAD_STATUS = ["Open", "Contacted", "Qualified", "Unqualified"]
LEAD_SOURCE = ["Website", "Referral", "LinkedIn", "Event"]
TAGS = [["client", "Client"], ["prospect", "Prospect", "prospect "], ["newsletter"], ["vip", "VIP"]]
STAGES = [("Lead In", 10, "open"), ("Discovery Call", 25, "open"), ("Proposal Sent", 50, "open"),
          ("Negotiation", 75, "open"), ("Won", 100, "won"), ("Lost", 0, "lost")]  # fmt: skip
WORK = ["Spring campaign", "Website redesign", "SEO retainer", "Brand refresh", "Paid social"]
NOTES = ["Call went well, wants a proposal for the spring campaign.", "Sent the case studies.",
         "Budget approved for Q3.", "Asked to follow up after the trade show."]  # fmt: skip


def _bson(rng: random.Random) -> str:
    return f"{rng.randint(0x5F000000, 0x66FFFFFF):08x}{rng.getrandbits(64):016x}"


def _time(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+0000"


class Fields:
    """The account's field ids: one per field name and modifier, the same on every contact."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.ids: dict[tuple[str, str], str] = {}

    def entry(self, label: str, value: str, modifier: str = "", **extra: str) -> dict[str, Any]:
        field_id = self.ids.setdefault((label, modifier), _bson(self.rng))
        return {"field_id": field_id, "modifier": modifier, "group": GROUPS[label], "value": value,
                "label": label, **extra}  # fmt: skip


def _address(rng: random.Random) -> str:
    city, state, zip_code = rng.choice(US_PLACES)
    parts = {"street": street(rng), "city": city, "state": state, "zip": zip_code, "country": "United States"}
    return json.dumps(parts)


def _tags(rng: random.Random) -> list[dict[str, str]]:
    chosen = rng.sample(TAGS, rng.choice([0, 1, 1, 2]))
    return [{"tag": spelled(rng, group), "id": _bson(rng)} for group in chosen]


def _record(rng: random.Random, kind: str, fields: dict[str, list[dict[str, Any]]], owner: str, creator: str
            ) -> dict[str, Any]:  # fmt: skip
    created = _time(rng, 2023)
    return {"updated": _time(rng, 2025), "created": created, "fields": fields, "object_type": "contact",
            "id": _bson(rng), "record_type": kind, "creator": creator, "children": [], "tags": _tags(rng),
            "owner_id": owner}  # fmt: skip


def _company(rng: random.Random, f: Fields, name: str, owner: str, creator: str) -> dict[str, Any]:
    domain = name.replace(" ", "").lower() + ".com"
    fields = {"company name": [f.entry("company name", name)],
              "phone": [f.entry("phone", us_phone(rng), "main")],
              "URL": [f.entry("URL", f"https://www.{domain}", "work")],
              "address": [f.entry("address", _address(rng), "work")]}  # fmt: skip
    if rng.random() < 0.6:
        fields["email"] = [f.entry("email", f"hello@{domain}", "work")]
    if rng.random() < 0.4:
        fields["annual revenue"] = [f.entry("annual revenue", f"{rng.randint(1, 40) * 250000}")]
    if rng.random() < 0.3:
        fields["description"] = [
            f.entry("description", "Regional chain, decisions made at head office.", "other")
        ]
    return _record(rng, "company", fields, owner, creator)


def _person(rng: random.Random, f: Fields, p: Person, firm: dict[str, Any] | None, owner: str, creator: str
            ) -> dict[str, Any]:  # fmt: skip
    fields = {"first name": [f.entry("first name", p.first)], "last name": [f.entry("last name", p.last)]}
    domain = "gmail.com"
    if firm:
        name = firm["fields"]["company name"][0]["value"]
        domain = name.replace(" ", "").lower() + ".com"
        fields["parent company"] = [f.entry("parent company", name, extra_value=firm["id"])]
    fields["email"] = [f.entry("email", p.email(domain), "work" if firm else "personal")]
    if firm and rng.random() < 0.3:
        fields["email"].append(
            f.entry("email", f"{p.first.lower()}{rng.randint(1, 99)}@gmail.com", "personal")
        )
    phones = [f.entry("phone", us_phone(rng), rng.choice(["work", "mobile"]))]
    if rng.random() < 0.35:
        phones.append(
            f.entry("phone", us_phone(rng), "home" if phones[0]["modifier"] == "mobile" else "mobile")
        )
    fields["phone"] = phones
    optional = {"title": (0.7, lambda: f.entry("title", rng.choice(TITLES))),
                "address": (0.5, lambda: f.entry("address", _address(rng), rng.choice(["work", "home"]))),
                "lead status": (0.6, lambda: f.entry("lead status", rng.choice(LEAD_STATUS))),
                "lead source": (0.5, lambda: f.entry("lead source", rng.choice(LEAD_SOURCE))),
                "source": (0.4, lambda: f.entry("source", "csv")),
                "description": (0.25, lambda: f.entry("description", rng.choice(NOTES[:2]), "other")),
                }  # fmt: skip
    for label, (share, make) in optional.items():
        if rng.random() < share:
            fields[label] = [make()]
    return _record(rng, "person", fields, owner, creator)


def _notes(rng: random.Random, persons: list[dict[str, Any]], users: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for _ in range(30):
        person = rng.choice(persons)
        name = f"{person['fields']['first name'][0]['value']} {person['fields']['last name'][0]['value']}"
        text = rng.choice(NOTES)
        owner = rng.choice(list(users))
        html = f'<font face="Arial, Tahoma, Verdana, Helvetica, sans-serif">{text}</font>'
        rows.append({"created": _time(rng, 2024), "contacts": [{"id": person["id"], "name": name}],
                     "note_preview": text, "author_name": users[owner], "note": quote(html, safe=""),
                     "id": _bson(rng), "owner_id": owner})  # fmt: skip
    return rows


def _user(uid: str, users: list[dict[str, Any]]) -> dict[str, Any]:
    user = next(u for u in users if uid in u["avatar_url"])
    return {"user_id": uid, "name": user["name"], "email": user["email"], "avatar_url": user["avatar_url"],
            "is_active": user["is_active"]}  # fmt: skip


def _pipeline(rng: random.Random, users: list[dict[str, Any]], creator: str) -> dict[str, Any]:
    pipeline_id = _bson(rng)
    stages = [
        {"stage_id": _bson(rng), "name": name, "default_probability": chance, "pipline_id": pipeline_id,
         "role": {"name": role, "is_final": role != "open"}, "expected_days": 14 if role == "open" else 0,
         "archived_at": None}
        for name, chance, role in STAGES
    ]  # fmt: skip
    return {"pipeline_id": pipeline_id, "creator": _user(creator, users), "name": "Sales Pipeline",
            "description": None, "created": _time(rng, 2022), "updated": _time(rng, 2024),
            "archived_at": None, "stages": stages, "color": "#2f80ed", "is_default": True,
            "default_currency": "USD"}  # fmt: skip


def _deals(rng: random.Random, pipeline: dict[str, Any], persons: list[dict[str, Any]],
           users: list[dict[str, Any]]) -> list[dict[str, Any]]:  # fmt: skip
    rows = []
    for number in range(1, 41):
        person = rng.choice(persons)
        name = f"{person['fields']['first name'][0]['value']} {person['fields']['last name'][0]['value']}"
        stage = rng.choice(pipeline["stages"])
        owner = person["owner_id"]
        firm = person["fields"].get("parent company", [{"value": name}])[0]["value"]
        values = {
            "name": [{"value": f"{firm} - {rng.choice(WORK)}"}],
            "amount": [{"value": str(rng.randint(10, 240) * 250)}],
            "probability": [{"value": str(stage["default_probability"])}],
            "expected_close_date": [{"value": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}],
        }
        if rng.random() < 0.35:
            values["description"] = [{"value": "Scope agreed on the call, waiting on the signed brief."}]
        created = _time(rng, 2024)
        rows.append(
            {"deal_id": _bson(rng), "deal_number": number, "created": created, "updated": _time(rng, 2025),
             "creator": _user(rng.choice(users)["avatar_url"].split("/")[-2], users), "currency": "USD",
             "owner": _user(owner, users),
             "related_contacts": [
                 {"contact": {"id": person["id"], "name": name, "is_viewable": True}, "note": None}],
             "fields_values": values, "pipeline_id": pipeline["pipeline_id"],
             "stage_id": stage["stage_id"], "tags": [], "final_probability": stage["default_probability"],
             "is_editable": True}
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    f = Fields(rng)
    user_ids = [_bson(rng) for _ in USERS]
    names = {uid: f"{first} {last}" for uid, (first, last, _, _) in zip(user_ids, USERS, strict=True)}
    users = [
        {"avatar_url": f"https://app.nimble.com/api/v1/company/user/{uid}/avatar?version=1",
         "is_active": active, "name": names[uid], "email": email}
        for uid, (_, _, email, active) in zip(user_ids, USERS, strict=True)
    ]  # fmt: skip
    firms = [_company(rng, f, name, rng.choice(user_ids), rng.choice(list(names.values())))
             for name in companies(rng, 14)]  # fmt: skip
    persons = []
    for p in people(rng, 40):
        firm = rng.choice(firms) if rng.random() < 0.75 else None
        owner = firm["owner_id"] if firm and rng.random() < 0.7 else rng.choice(user_ids)
        persons.append(_person(rng, f, p, firm, owner, rng.choice(list(names.values()))))
        if firm:
            firm["children"].append(persons[-1]["id"])
    contacts = [*persons, *firms]
    rng.shuffle(contacts)
    write_json(root / "users.json", users)
    write_json(root / "contacts.json", contacts)
    write_json(root / "notes.json", _notes(rng, persons, names))
    pipeline = _pipeline(rng, users, user_ids[0])
    write_json(root / "pipelines.json", [pipeline])
    write_json(root / "deals.json", _deals(rng, pipeline, persons, users))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales": ["New Lead", "Discovery", "Proposal", "Negotiating", "Closed Won", "Closed Lost"]},
            [(first, last, email) for first, last, email, active in USERS if active],
            custom_fields=[("Lead Status", "contact.lead_status", "SINGLE_OPTIONS", "contact")],
        ),
    )
