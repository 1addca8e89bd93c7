"""STEL Order accounts: clients, potential clients, their contacts and addresses, employees.

Shapes follow STEL Order's REST API (kebab-case keys, ``X-id`` + ``X-path`` pairs, ISO dates with
offset). Tags are exposed as a ``tags`` array of strings on clients and potential clients.
"""

from __future__ import annotations

from typing import Any

from assistant.fixturegen import people as p
from assistant.fixturegen.mess import MessPlan, TagCluster, swap_case_email, tags_for
from assistant.fixturegen.rng import EPOCH, day_between, record_rng

CLIENT_BASE_ID = 1001
POTENTIAL_BASE_ID = 50001

TAG_CLUSTERS = (
    TagCluster("vip", ("VIP", "vip ", "V.I.P.", "cliente-vip")),
    TagCluster("urgente", ("Urgente", "urgente", "URGENT")),
    TagCluster("comunidad de vecinos", ("Comunidad de vecinos", "comunidad vecinos", "CDAD. VECINOS")),
    TagCluster("moroso", ("Moroso", "moroso ", "morosos")),
)
PLAIN_TAGS = ("Particular", "Empresa", "Mantenimiento anual", "Captado por web", "Recomendación")

# (id, given name, surnames, email, phone, position). Destination users are derived from these.
EMPLOYEES = (
    (1, "Vicente", "Martí Soler", "vicente@reformaslevante.es", "+34 610 200 301", "Gerente"),
    (2, "Amparo", "Ferrer Climent", "amparo.ferrer@reformaslevante.es", "+34 610 200 302", "Administración"),
    (3, "Jorge", "Sanchis Bou", "jorge.sanchis@reformaslevante.es", "+34 610 200 303", "Técnico"),
    (4, "Rubén", "Alonso Peris", "Ruben.Alonso@ReformasLevante.es", "+34 610 200 304", "Técnico"),
    (5, "Silvia", "Navarro Gil", "silvia.navarro@reformaslevante.es", "+34 610 200 305", "Comercial"),
    (6, "Javier", "Ruiz Soto", "javiruiz.obras@gmail.com", "+34 610 200 306", "Técnico"),  # name-only match
    (7, "Lucía", "Esteve Pons", "lucia.esteve@reformaslevante.es", "+34 610 200 307", "Técnico"),  # no match
)
AGENT_WEIGHTS = (1, 2, 3, 4, 5, 5, 6, 6, 7, None)

COMMENTS = (
    "",
    "",
    "",
    "",
    "Pagar por transferencia a 30 días.",
    "Llamar siempre antes de ir, trabaja de mañanas.",
    "Tiene perro, avisar al llegar.",
    "Cliente desde 2015.\nPrefiere WhatsApp.",
    "Factura a nombre de la empresa.",
)
QUOTED_NAMES = (  # one per record of MessPlan.quoted, so none repeats another by accident
    'Construcciones "Hermanos Ruiz", S.L.',
    'Bar "El Rincón", C.B.',
    'Fincas "La Marina", S.A.',
    'Talleres "San José", S.L.',
    'Pinturas "Arco Iris", S.L.U.',
    'Cristalería "La Moderna", S.A.',
    'Hostal "Los Almendros", C.B.',
    'Gestoría "Ruiz & Peña", S.L.',
    'Panadería "El Horno", S.Coop.',
)


def is_company(seed: int, index: int) -> bool:
    return record_rng(seed, "stel-client-kind", index).random() < 0.35


def client_record(seed: int, index: int, plan: MessPlan, *, potential: bool = False) -> dict[str, Any]:
    """Client ``index`` (or potential client) exactly as ``GET /clients`` returns it."""
    kind = "potentialClients" if potential else "clients"
    source = plan.duplicates.get(index, index) if not potential else index
    rng = record_rng(seed, f"stel-{kind}", source)
    company = (is_company(seed, source) or index in plan.quoted) if not potential else rng.random() < 0.3
    given, surnames = p.spanish_person(rng)
    legal = p.spanish_company(rng, source + (3000 if potential else 0))
    if company and index in plan.quoted and not potential:
        legal = QUOTED_NAMES[sorted(plan.quoted).index(index)]
    name = legal.rsplit(" ", 1)[0].rstrip(",") if company else f"{given} {surnames}"
    domain = (
        p.ascii_slug(name, "") + ".es" if company else rng.choice(("gmail.com", "hotmail.com", "yahoo.es"))
    )
    local = (
        rng.choice(("info", "administracion", "oficina"))
        if company
        else p.free_mail_local(rng, given, surnames.split()[0])
    )
    email = f"{local}@{domain}"
    address = p.spanish_address(rng)
    created = day_between(rng, EPOCH, 1000).replace(hour=rng.randrange(8, 19), minute=rng.randrange(60))
    record_id = (POTENTIAL_BASE_ID if potential else CLIENT_BASE_ID) + index
    if source != index:
        email = swap_case_email(email)  # the same client entered twice, email typed differently
    record: dict[str, Any] = {
        "id": record_id,
        "reference": str(index + 1),
        "full-reference": f"{'POT' if potential else 'CLI'}{index + 1:05d}",
        "name": name,
        "legal-name": legal if company else name,
        "tax-identification-number": (p.cif(rng) if company else p.nif(rng)) if rng.random() > 0.15 else "",
        "email": email if rng.random() > 0.08 or index in plan.duplicate_sources or source != index else "",
        "phone": p.spanish_mobile(rng),
        "phone2": p.spanish_landline(rng, address["postal-code"]) if rng.random() < 0.3 else "",
        "fax": p.spanish_landline(rng, address["postal-code"])
        if plan.sparse(index) and not potential
        else "",
        "website": f"www.{domain}" if company and rng.random() < 0.4 else "",
        "comments": plan.instructions.get(index) or rng.choice(COMMENTS),
        "creation-date": created.strftime("%Y-%m-%dT%H:%M:%S+0000"),
        "currency-code": "EUR",
        "discount-percentage": rng.choice((0.0, 0.0, 0.0, 5.0, 10.0)),
        "main-address": address,
        "income-tax-enabled": company and rng.random() < 0.5,
        "primary-tax-enabled": True,
        "agent-id": rng.choice(AGENT_WEIGHTS),
        "tags": tags_for(index, TAG_CLUSTERS, PLAIN_TAGS, rng),
        "deleted": rng.random() < 0.02,
        "path": f"/{kind}/{record_id}",
    }
    if index in plan.alt_dates:
        record["creation-date"] = created.strftime("%Y-%m-%d")  # records imported from an older tool
    if company and rng.random() < 0.3:
        record["bank-account"] = {
            "iban": f"ES{rng.randrange(10, 99)} 2100 {rng.randrange(10**4):04d} "
            f"{rng.randrange(10**2):02d} {rng.randrange(10**10):010d}",
            "swift": "CAIXESBBXXX",
        }
    if potential:
        record["source"] = rng.choice(("Web", "Teléfono", "Feria", "Recomendación", ""))
    return record


def contact_record(seed: int, index: int, clients: int) -> dict[str, Any]:
    """A person at a client (``GET /contacts``): they hang off company clients."""
    rng = record_rng(seed, "stel-contacts", index)
    account = rng.randrange(clients)
    for _ in range(6):  # prefer a company client; a few contacts sit on individuals, as in real data
        if is_company(seed, account):
            break
        account = rng.randrange(clients)
    given, surnames = p.spanish_person(rng)
    account_id = CLIENT_BASE_ID + account
    return {
        "id": 70001 + index,
        "account-id": account_id,
        "account-path": f"/clients/{account_id}",
        "name": f"{given} {surnames}",
        "email": f"{p.ascii_slug(given)}.{p.ascii_slug(surnames.split()[0])}@empresa{account}.es",
        "phone": p.spanish_mobile(rng),
        "fax": "",
        "position": rng.choice(
            ("Gerente", "Administración", "Encargado de obra", "Presidente comunidad", "")
        ),
        "comments": "",
        "deleted": False,
    }


def address_record(seed: int, index: int, clients: int) -> dict[str, Any]:
    """An extra address (work site, invoicing) of a client (``GET /addresses``)."""
    rng = record_rng(seed, "stel-addresses", index)
    account_id = CLIENT_BASE_ID + rng.randrange(clients)
    return {
        "id": 90001 + index,
        "account-id": account_id,
        "account-path": f"/clients/{account_id}",
        "address-type": rng.choice(("INVOICING", "DELIVERY", "DELIVERY", "OTHER")),
        **p.spanish_address(rng),
    }


def employee_records() -> list[dict[str, Any]]:
    return [
        {
            "id": i,
            "name": given,
            "surname": surnames,
            "email": email,
            "phone": phone,
            "position": position,
            "deleted": False,
            "path": f"/employees/{i}",
        }
        for i, given, surnames, email, phone, position in EMPLOYEES
    ]
