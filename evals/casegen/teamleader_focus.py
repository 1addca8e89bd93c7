"""Teamleader Focus: the API v2 lists of a Ghent web studio, JSON (Dutch and French values).

From Teamleader's API reference as its SDKs and connectors document it
(https://github.com/MCore-Services-bv/teamleader-sdk/wiki/Contacts, /wiki/Deals, docs/crm/companies.md,
docs/deals/phases.md; https://www.apideck.com/integrations/teamleader/contacts;
https://raw.githubusercontent.com/api-evangelist/teamleader/refs/heads/main/json-schema/teamleader-post-deals-create-request-schema.json)
and its help centre's import page (https://support.focus.teamleader.eu/hc/en-150/articles/25691845208465):
``contacts.list`` (``first_name``, ``last_name``, ``salutation``, ``emails`` and ``telephones`` as
lists of ``{type, email}`` / ``{type, number}`` with types primary / phone / mobile / fax,
``primary_address`` with ``line_1``, ``postal_code``, ``city``, ``country`` as a 2-letter code,
``gender``, ``birthdate``, ``language``, ``tags`` as a list of labels, ``marketing_mails_consent``,
``added_at`` as ISO 8601 with offset, ``status`` active / deactivated, ``companies`` as a list of
``{position, decision_maker, company: {type, id}}``); ``companies.list`` (``name``, ``vat_number`` such as
BE0123456789, ``business_type`` as ``{type, id}``, ``website``, ``responsible_user`` as
``{type: user, id}``, the same e-mail, telephone and address shapes); ``deals.list`` (``title``,
``summary`` the remarks, ``lead.customer`` as ``{type: contact|company, id}`` with an optional
``lead.contact_person``, ``estimated_value`` as ``{amount, currency}``, ``estimated_probability``
between 0 and 1, ``estimated_closing_date`` YYYY-MM-DD, ``current_phase`` as ``{type: dealPhase, id}``,
``status`` open / won / lost, ``responsible_user``, ``closed_at``, ``created_at``, ``web_url``);
``dealPhases.list`` (``id``, ``name``, ``probability``) and ``users.list``. Every reference is a UUID;
phase names are the account's own (here in Dutch).
"""

from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, Person, destination, maybe, rng_for, spelled, write_json

CASE = "teamleader_focus"
FIRST = ["Jan", "Lotte", "Pieter", "Sofie", "Wout", "Elke", "Thomas", "An", "Koen", "Marie", "Lucas",
         "Julie", "Bram", "Nathalie", "Arne", "Camille", "Hanne", "Maxime", "Jens", "Eline"]  # fmt: skip
LAST = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
        "De Smet", "Dubois", "Lambert", "Vermeulen", "Van den Broeck", "Desmet", "Leroy"]  # fmt: skip
TRADES = ["Bakkerij", "Brouwerij", "Drukkerij", "Schrijnwerkerij", "Garage", "Atelier", "Apotheek",
          "Tandartspraktijk", "Immo", "Boulangerie", "Fleuriste", "Architectenbureau"]  # fmt: skip
NAMES = ["De Klok", "Het Anker", "Sint-Pieters", "De Linde", "Lumière", "Noord", "Leie", "Du Parc",
         "Ter Beke", "Vermeulen", "Mosane", "Kouter"]  # fmt: skip
FORMS = ["BV", "NV", "SRL", "", "", "bv", "CommV"]
PLACES = [("Gent", "9000"), ("Gent", "9050"), ("Antwerpen", "2000"), ("Brugge", "8000"), ("Leuven", "3000"),
          ("Mechelen", "2800"), ("Bruxelles", "1000"), ("Namur", "5000"), ("Liège", "4000")]  # fmt: skip
STREETS = ["Veldstraat", "Kortrijksesteenweg", "Meir", "Steenstraat", "Bondgenotenlaan", "Rue de Fer",
           "Rue Neuve", "Brusselsesteenweg", "Korenmarkt"]  # fmt: skip
# (name, probability): the account's own phases, in flow order
PHASES = [("Nieuw", 0.1), ("Contact gelegd", 0.25), ("Offerte verstuurd", 0.5), ("Onderhandeling", 0.75),
          ("Mondeling akkoord", 0.9)]  # fmt: skip
TAGS = [["klant", "Klant", "KLANT"], ["prospect", "Prospect"], ["partner", "Partner "], ["nieuwsbrief"]]
POSITIONS = ["Zaakvoerder", "zaakvoerder", "Gérant", "Marketing", "Office manager", "Eigenaar", "CEO"]
SALUTATIONS = ["Dhr.", "Mevr.", "M.", "Mme", ""]
WORK = ["Nieuwe website", "Webshop", "SEO-traject", "Onderhoudscontract", "Huisstijl", "Site vitrine",
        "Nieuwsbrieven", "Hosting"]  # fmt: skip
REMARKS = ["Wil starten na de zomer.", "Vraagt twee offertes (ook bij concurrent).",
           "Budget nog af te stemmen met vennoot.", "Demande une version FR/NL.", ""]  # fmt: skip
# (first, last, e-mail in the export): Wout exports a private address; Nathalie has no destination user
USERS = [("Sofie", "Claes", "sofie@pixelhaven.be"), ("Wout", "Maes", "wout.maes@telenet.be"),
         ("Nathalie", "Dubois", "nathalie@pixelhaven.be")]  # fmt: skip


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        return rng.choice(["+32 475 {} {} {}", "0476 {} {} {}", "0497/{}.{}.{}"]).format(
            rng.randint(10, 99), rng.randint(10, 99), rng.randint(10, 99)
        )
    return rng.choice(["+32 9 {} {} {}", "09 {} {} {}", "+32 3 {} {} {}"]).format(
        rng.randint(200, 399), rng.randint(10, 99), rng.randint(10, 99)
    )


def _address(rng: random.Random) -> dict[str, Any]:
    city, postal = rng.choice(PLACES)
    return {"line_1": f"{rng.choice(STREETS)} {rng.randint(1, 240)}", "postal_code": postal, "city": city,
            "country": "BE", "area_level_two": None}  # fmt: skip


def _day(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _time(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day}T{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+00:00"


def _tags(rng: random.Random) -> list[str]:
    return [spelled(rng, t) for t in rng.sample(TAGS, rng.choice([0, 0, 1, 1, 2]))]


def _ref(kind: str, ident: str) -> dict[str, str]:
    return {"type": kind, "id": ident}


def _companies(rng: random.Random, user_ids: list[str]) -> list[dict[str, Any]]:
    names = [f"{t} {n}" for t, n in rng.sample([(t, n) for t in TRADES for n in NAMES], 18)]
    rows = []
    for name in names:
        form = rng.choice(FORMS)
        domain = name.split()[-1].lower().replace("è", "e").replace("'", "") + ".be"
        emails = [{"type": "primary", "email": f"info@{domain}"}]
        if rng.random() < 0.3:
            emails.append({"type": "invoicing", "email": f"boekhouding@{domain}"})
        phones = [{"type": "phone", "number": _phone(rng, False)}]
        if rng.random() < 0.2:
            phones.append({"type": "fax", "number": _phone(rng, False)})
        rows.append(
            {"id": _uuid(rng), "name": f"{name} {form}".strip(),
             "business_type": _ref("businessType", _uuid(rng)),
             "vat_number": maybe(rng, 0.8, f"BE0{rng.randint(200, 999)}{rng.randint(100000, 999999)}")
             or None,
             "emails": emails, "telephones": phones,
             "website": maybe(rng, 0.7, f"https://www.{domain}") or None,
             "primary_address": _address(rng), "language": rng.choice(["nl", "nl", "fr", "en"]),
             "responsible_user": _ref("user", rng.choice(user_ids)), "added_at": _time(rng, 2022),
             "tags": _tags(rng), "status": "active", "marketing_mails_consent": rng.random() < 0.5}
        )  # fmt: skip
    return rows


def _contacts(rng: random.Random, firms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    pairs = rng.sample([(f, last) for f in FIRST for last in LAST], 40)
    rows = []
    for first, last in pairs:
        p = Person(first, last)
        firm = rng.choice(firms) if rng.random() < 0.7 else None
        private = ["gmail.com", "telenet.be", "skynet.be"]
        domain = firm["emails"][0]["email"].split("@")[1] if firm else rng.choice(private)
        phones = [{"type": "mobile", "number": _phone(rng, True)}]
        if rng.random() < 0.4:
            phones.insert(0, {"type": "phone", "number": _phone(rng, False)})
        links = []
        if firm:
            position = maybe(rng, 0.7, rng.choice(POSITIONS)) or None
            decides = rng.random() < 0.4
            links.append(
                {"position": position, "decision_maker": decides, "company": _ref("company", firm["id"])}
            )
        rows.append(
            {"id": _uuid(rng), "first_name": first, "last_name": last, "salutation": rng.choice(SALUTATIONS),
             "emails": [{"type": "primary", "email": p.email(domain)}], "telephones": phones,
             "website": None, "primary_address": _address(rng) if rng.random() < 0.6 else None,
             "gender": rng.choice(["male", "female", "unknown"]),
             "birthdate": maybe(rng, 0.3, _day(rng, rng.randint(1960, 1998))) or None,
             "language": rng.choice(["nl", "nl", "fr", "en"]), "tags": _tags(rng),
             "added_at": _time(rng, 2023),
             "status": rng.choice(["active"] * 9 + ["deactivated"]),
             "marketing_mails_consent": rng.random() < 0.5, "companies": links}
        )  # fmt: skip
    return rows


def _deals(rng: random.Random, firms: list[dict[str, Any]], persons: list[dict[str, Any]],
           phases: list[dict[str, Any]], user_ids: list[str]) -> list[dict[str, Any]]:  # fmt: skip
    staff: dict[str, list[str]] = {}
    for p in persons:
        for link in p["companies"]:
            staff.setdefault(link["company"]["id"], []).append(p["id"])
    names = {f["id"]: f["name"] for f in firms}
    names |= {p["id"]: f"{p['first_name']} {p['last_name']}" for p in persons}
    rows = []
    for i in range(45):
        if rng.random() < 0.7:
            firm = rng.choice(firms)
            customer = _ref("company", firm["id"])
            person = rng.choice(staff[firm["id"]]) if firm["id"] in staff and rng.random() < 0.8 else None
        else:
            customer, person = _ref("contact", rng.choice(persons)["id"]), None
        phase = phases[i % len(phases)]
        status = rng.choice(["open", "open", "open", "won", "won", "lost"])
        rows.append(
            {"id": _uuid(rng), "title": f"{rng.choice(WORK)} {names[customer['id']]}",
             "summary": rng.choice(REMARKS) or None,
             "lead": {"customer": customer, "contact_person": _ref("contact", person) if person else None},
             "estimated_value": {"amount": round(rng.randint(8, 300) * 125 * rng.choice([1, 1.04]), 2),
                                 "currency": "EUR"},
             "estimated_probability": phase["probability"],
             "estimated_closing_date": maybe(rng, 0.75, _day(rng, 2025)) or None,
             "current_phase": _ref("dealPhase", phase["id"]), "status": status,
             "responsible_user": _ref("user", rng.choice(user_ids)),
             "closed_at": _time(rng, 2025) if status != "open" else None, "created_at": _time(rng, 2024),
             "web_url": f"https://focus.teamleader.eu/sale_detail.php?id={rng.randint(100000, 999999)}"}
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    users = [
        {"id": _uuid(rng), "first_name": first, "last_name": last, "email": email, "language": "nl",
         "function": rng.choice(["Accountmanager", "Zaakvoerder", "Sales"]), "status": "active"}
        for first, last, email in USERS
    ]  # fmt: skip
    user_ids = [u["id"] for u in users]
    pipeline = _uuid(rng)
    phases = [{"id": _uuid(rng), "name": name, "deal_pipeline": _ref("dealPipeline", pipeline),
               "probability": prob} for name, prob in PHASES]  # fmt: skip
    firms = _companies(rng, user_ids)
    persons = _contacts(rng, firms)
    write_json(root / "companies.json", firms)
    write_json(root / "contacts.json", persons)
    write_json(root / "deals.json", _deals(rng, firms, persons, phases, user_ids))
    write_json(root / "deal_phases.json", phases)
    write_json(root / "users.json", users)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "BE",
            {"Sales": ["New Lead", "Contacted", "Proposal Sent", "Negotiation", "Verbal Agreement"]},
            [("Sofie", "Claes", "sofie@pixelhaven.be"), ("Wout", "Maes", "wout@pixelhaven.be")],
        ),
    )
