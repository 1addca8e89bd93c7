"""Sellsy (France): API v2 lists of companies, contacts, opportunities, pipeline steps and staff, JSON.

From code written against the live API v2 and a sandbox that mirrors it
(https://github.com/SplashSync/Sellsy-Bundle docker/sandbox/Entity: a company's ``type`` prospect /
client / supplier, ``name``, ``reference``, ``capital``, ``email``, ``website``, ``phone_number``,
``mobile_number``, ``fax_number``, ``note``, ``social``, ``legal_france`` {siret, siren, vat, ape_naf_code,
company_type, rcs_immatriculation}, ``rgpd_consent``, ``created``, ``updated_at``, ``is_archived`` and the
invoicing address under ``_embed``; a contact's ``civility`` mr / mrs / ms, ``first_name``, ``last_name``,
``position``, ``sync``, ``updated``; src/Dictionary/Civility.php), scripts reading
https://api.sellsy.com/v2/opportunities (an opportunity's ``number``, ``name``, ``created``,
``updated_status``, ``due_date``, ``status`` open / won / lost / late / closed, ``amount`` as a decimal
string, ``probability``, ``pipeline`` and ``step`` ids resolved through
/v2/opportunities/pipelines/{id}/steps, ``note``, ``contact_ids``, ``main_doc_id``, ``assigned_staff_ids``,
``related`` [{type, id}]) and the list envelope ``{data, pagination}`` (each file holds ``data``).
A contact carries no company: the link lives on the company (``main_contact_id``) and on the
opportunity (``related``, ``contact_ids``). Staff are listed as /v2/staffs returns them (``firstname``,
``lastname``, ``email``, ``status``); those names come from code calling the endpoint, not its reference.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, destination, maybe, rng_for, write_json

CASE = "sellsy"
FIRST = [("Camille", "mrs"), ("Lucas", "mr"), ("Chloé", "ms"), ("Maxime", "mr"), ("Inès", "mrs"),
         ("Hugo", "mr"), ("Léa", "ms"), ("Arthur", "mr"), ("Manon", "mrs"), ("Théo", "mr"),
         ("Zoé", "mrs"), ("Nathan", "mr")]  # fmt: skip
LAST = ["Le Goff", "Guillou", "Leroux", "Morvan", "Hamon", "Tessier", "Barbier", "Brunet", "Renaud",
        "Pichon", "Jaouen", "Carré", "Poirier", "Marchand"]  # fmt: skip
FIRMS = ["Biscuiterie Nantaise", "Cabinet Ostéo Erdre", "Chantiers Navals Loire", "Kiné & Sport Rezé",
         "Brasserie La Cale", "Domaine du Muscadet", "Garage Atlantique", "Immobilière Graslin",
         "Institut Beauté Océane", "Librairie Coiffard", "Menuiserie Tessier", "Optique Commerce",
         "Pâtisserie Bouffay", "Pharmacie de l'Île", "Restaurant Le Lieu Unique",
         "Salon Capillaire Talensac",
         "Transports Brière", "Vélos Nantais", "École de musique Sol", "Agence Voyage Escale",
         "Crèche Les Moussaillons", "Fromagerie Talensac", "Hôtel Pommeraye",
         "Architectes Ile de Nantes",
         "Paysagiste Vert Estuaire", "Ferronnerie Guérande", "Boucherie Chantenay", "Plomberie Morvan",
         "Conciergerie Procé", "Clinique Vétérinaire Sèvre", "Atelier Céramique Trentemoult",
         "Caviste La Fosse", "Auto-école Zola", "Imprimerie Madeleine"]  # fmt: skip
PLACES = [("Nantes", "44000"), ("Nantes", "44100"), ("Rezé", "44400"), ("Saint-Herblain", "44800"),
          ("Saint-Nazaire", "44600"), ("Vertou", "44120"), ("Carquefou", "44470")]  # fmt: skip
STREETS = ["rue de Strasbourg", "quai de la Fosse", "boulevard Guist'hau", "rue Crébillon",
           "allée Duguay-Trouin", "rue de la Paix", "avenue de la Libération"]  # fmt: skip
LEGAL = ["SARL", "SAS", "SASU", "EURL", "SA"]
STAFF = [(80176, "Paul", "Guérin", "paul@studio-maree.fr"),
         (80177, "Inès", "Carpentier", "ines@studio-maree.fr"),
         (80203, "Hélène", "Robin", "helene.robin@studio-maree.fr")]  # fmt: skip
# the account's own steps of its one pipeline (4102): their names are not HighLevel's
STEPS = [(28311, "Piste"), (28312, "Premier contact"), (28313, "RDV / Visio"), (28314, "Envoi de devis"),
         (28315, "Négociation")]  # fmt: skip
STATUSES = ["open", "open", "open", "late", "won", "won", "lost", "closed"]
WORK = ["Refonte site vitrine", "Boutique en ligne", "Identité visuelle", "Campagne Google Ads",
        "Maintenance annuelle", "Shooting photo", "Application de réservation"]  # fmt: skip
POSITIONS = ["Gérant", "Gérante", "Directrice marketing", "Responsable communication", "gérant",
             "Assistante", "Fondateur"]  # fmt: skip
LINKEDIN = "https://www.linkedin.com/company/"
MAIL_HOSTS = ["gmail.com", "orange.fr", "free.fr"]
# the destination's pipeline, worded its own way
PIPELINE = ["Nouveau lead", "Premier échange", "Rendez-vous", "Proposition envoyée", "En négociation"]
NOTES = ["Rencontré au salon Web2Day.", "Préfère être contacté par e-mail.", "Budget validé en CA.",
         "Relancer après l'été."]  # fmt: skip


def _phone(rng: random.Random, mobile: bool = False) -> str:
    head = rng.choice(["06", "07"]) if mobile else rng.choice(["02", "02", "09"])
    pairs = [f"{rng.randint(0, 99):02d}" for _ in range(4)]
    spaced = " ".join(pairs)
    return rng.choice([f"+33 {head[1]} {spaced}", f"{head} {spaced}", head + "".join(pairs)])


def _stamp(rng: random.Random, year: int) -> str:
    return (f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(8, 18):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+0{rng.choice([1, 2])}:00")  # fmt: skip


def _slug(name: str) -> str:
    plain = name.lower().translate(str.maketrans("éèêàâôîïç'&", "eeeaaoiic  "))
    return "-".join(plain.split()[:2])


def _contacts(rng: random.Random) -> list[dict[str, Any]]:
    pairs = rng.sample([(f, c, last) for f, c in FIRST for last in LAST], 46)
    rows = []
    for i, (first, civility, last) in enumerate(pairs):
        rows.append({
            "id": 31200400 + i * 7, "civility": civility if rng.random() > 0.1 else None, "first_name": first,
            "last_name": last, "email": f"{_slug(first)}.{_slug(last)}@{rng.choice(MAIL_HOSTS)}",
            "website": None, "phone_number": maybe(rng, 0.5, _phone(rng)) or None,
            "mobile_number": maybe(rng, 0.8, _phone(rng, mobile=True)) or None, "fax_number": None,
            "position": maybe(rng, 0.7, rng.choice(POSITIONS)) or None,
            "note": maybe(rng, 0.2, rng.choice(NOTES)),
            "social": {"facebook": None, "twitter": None, "linkedin": None, "viadeo": None},
            "sync": {"mailchimp": rng.random() < 0.3, "mailjet": False, "simplemail": False},
            "created": _stamp(rng, 2023), "updated": _stamp(rng, 2024), "is_archived": rng.random() < 0.08,
        })  # fmt: skip
    return rows


def _companies(rng: random.Random, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    mains = rng.sample(contacts, len(FIRMS) - 4)
    rows = []
    for i, firm in enumerate(FIRMS):
        city, zip_code = rng.choice(PLACES)
        siren = f"{rng.randint(300000000, 999999999)}"
        kind = rng.choice(["client", "client", "prospect", "prospect"]) if i % 11 else "supplier"
        rows.append({
            "id": 43168100 + i * 13, "type": kind, "name": firm, "email": f"contact@{_slug(firm)}.fr",
            "website": maybe(rng, 0.6, f"https://www.{_slug(firm)}.fr") or None,
            "phone_number": _phone(rng), "mobile_number": maybe(rng, 0.15, _phone(rng, mobile=True)) or None,
            "fax_number": None, "reference": f"CLI{i + 1:05d}" if kind == "client" else None,
            "capital": maybe(rng, 0.4, f"{rng.choice([1000, 5000, 10000, 50000])}.00") or None,
            "note": maybe(rng, 0.25, rng.choice(NOTES)),
            "social": {"facebook": None, "twitter": None,
                       "linkedin": maybe(rng, 0.2, LINKEDIN + _slug(firm)) or None, "viadeo": None},
            "legal_france": {"siret": f"{siren}{rng.randint(10, 99999):05d}", "siren": siren,
                             "vat": maybe(rng, 0.7, f"FR{rng.randint(10, 99)}{siren}") or None,
                             "ape_naf_code": rng.choice(["1071C", "5610A", "4778C", "7022Z", "9602A"]),
                             "company_type": rng.choice(LEGAL), "rcs_immatriculation": f"RCS Nantes {siren}"},
            "rgpd_consent": {"email": rng.random() < 0.6, "sms": False, "phone": rng.random() < 0.3,
                             "postalMail": False, "custom": False},
            "created": _stamp(rng, rng.choice([2021, 2022, 2023])), "updated_at": _stamp(rng, 2024),
            "is_archived": rng.random() < 0.06, "main_contact_id": mains[i]["id"] if i < len(mains) else None,
            "_embed": {"invoicing_address": {
                "name": rng.choice(["Siège", "Adresse principale", "Facturation"]),
                "address_line_1": f"{rng.randint(1, 90)} {rng.choice(STREETS)}",
                "address_line_2": maybe(rng, 0.2, rng.choice(["Bâtiment B", "2e étage", "BP 41207"])) or None,
                "address_line_3": None, "address_line_4": None, "postal_code": zip_code, "city": city,
                "country": "France", "country_code": "FR", "is_invoicing_address": True,
                "is_delivery_address": rng.random() < 0.7,
                "geocode": {"lat": round(47.2 + rng.random() / 10, 6),
                            "lng": round(-1.6 + rng.random() / 10, 6)},
            }},
        })  # fmt: skip
    return rows


def _opportunities(rng: random.Random, companies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    buyers = [c for c in companies if c["type"] != "supplier"]
    rows = []
    for i in range(48):
        firm = rng.choice(buyers)
        status = STATUSES[i % len(STATUSES)]
        step = STEPS[-1] if status == "won" else rng.choice(STEPS)
        staff = rng.choice([STAFF[0], STAFF[0], STAFF[1], STAFF[1], STAFF[2]])
        rows.append({
            "id": 9140200 + i * 3, "number": f"OPP-{i + 101:05d}",
            "name": f"{rng.choice(WORK)} - {firm['name']}",
            "created": _stamp(rng, 2024), "updated_status": _stamp(rng, 2024),
            "due_date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "status": status,
            "amount": f"{rng.randint(12, 360) * 50}.00", "probability": rng.choice([10, 25, 50, 75, 90]),
            "pipeline": 4102, "step": step[0], "note": maybe(rng, 0.3, rng.choice(NOTES)),
            "contact_ids": [firm["main_contact_id"]] if firm["main_contact_id"] else [],
            "main_doc_id": rng.randint(25000000, 25999999) if status in ("won", "late") else None,
            "assigned_staff_ids": [staff[0]], "related": [{"type": "company", "id": firm["id"]}],
        })  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    contacts = _contacts(rng)
    companies = _companies(rng, contacts)
    write_json(root / "companies.json", companies)
    write_json(root / "contacts.json", contacts)
    write_json(root / "opportunities.json", _opportunities(rng, companies))
    write_json(root / "steps.json", [{"id": sid, "name": name} for sid, name in STEPS])
    write_json(
        root / "staffs.json",
        [{"id": sid, "firstname": f, "lastname": la, "email": e, "status": "ok"} for sid, f, la, e in STAFF],
    )
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "FR",
            {"Ventes": PIPELINE},
            [("Paul", "Guérin", "paul@studio-maree.fr"), ("Inès", "Carpentier", "ines@studio-maree.fr")],
            [("Numéro de TVA", "company.numero_tva", "TEXT", "company")],
        ),
    )
