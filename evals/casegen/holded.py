"""Holded (Spain): the contacts export and the CRM deals export, semicolon CSV in Spanish.

From Holded's help pages: fiscal name, trade name, contact person, NIF, e-mail, phone, mobile,
address, town (Población), postal code, province, country, tags separated by "-", contact type
(Cliente / Proveedor / Lead / Acreedor), notes. Deals sit in a funnel (Embudo) with stages,
a contact by name, a value with a decimal comma and a responsible user by first name.
"""

from __future__ import annotations

from pathlib import Path

from evals.casegen.common import CASES_DIR, date, destination, maybe, rng_for, spelled, write_csv, write_json

CASE = "holded"
NAMES = [
    ("Lucía", "Martín"),
    ("Javier", "Sanz"),
    ("Marta", "Gil"),
    ("Pablo", "Romero"),
    ("Elena", "Navarro"),
    ("Diego", "Torres"),
    ("Carmen", "Ruiz"),
    ("Álvaro", "Molina"),
    ("Sara", "Ortega"),
    ("Hugo", "Delgado"),
    ("Irene", "Castro"),
    ("Raúl", "Vidal"),
    ("Nuria", "Rubio"),
    ("Óscar", "Marín"),
    ("Laura", "Iglesias"),
]
FIRMS = [
    "Reformas Ebro",
    "Clínica Dental Sonrisa",
    "Talleres Pardo",
    "Panadería La Espiga",
    "Gestoría Alba",
    "Construcciones Duero",
    "Óptica Visión Clara",
    "Hostal Las Dunas",
    "Fontanería Rápida",
    "Estudio Lumen",
    "Frutas Hermanos Gil",
    "Academia Kairós",
    "Bodegas Altamira",
    "Cerrajería Segura",
    "Imprenta Norte",
    "Viveros El Olmo",
    "Carpintería Roble",
    "Asesoría Fiscal Ríos",
    "Farmacia Central",
    "Lavandería Nube",
    "Pinturas Levante",
    "Autoescuela Meta",
    "Inmobiliaria Sol",
    "Peluquería Tijeras",
    "Catering Sabores",
    "Electricidad Volta",
    "Mudanzas Veloz",
    "Cafetería Aroma",
    "Joyería Brillo",
    "Floristería Pétalo",
]
PLACES = [
    ("Zaragoza", "Zaragoza", "50001"),
    ("Valencia", "Valencia", "46001"),
    ("Sevilla", "Sevilla", "41001"),
    ("Bilbao", "Vizcaya", "48001"),
    ("Granada", "Granada", "18001"),
    ("Murcia", "Murcia", "30001"),
]
TAGS = [["vip", "VIP", "Vip "], ["reformas"], ["mayorista", "Mayorista"], ["feria2024"]]
STAGES = ["Nuevo", "Contactado", "Propuesta enviada", "Negociación", "Ganado", "Perdido"]
RESPONSABLES = ["Lucía", "Javier", "Andrés"]  # Andrés has no destination user


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE
    rows = []
    for i, firm in enumerate(FIRMS):
        first, last = NAMES[i % len(NAMES)]
        city, province, cp = rng.choice(PLACES)
        legal = f"{firm} {rng.choice(['SL', 'S.L.', 'SA'])}"
        tags = "-".join(spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2)))
        rows.append(
            [
                legal,
                maybe(rng, 0.5, firm),
                f"{first} {last}",
                f"B{rng.randint(10000000, 99999999)}",
                f"{first.lower()}@{firm.split()[0].lower()}.es",
                f"9{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                maybe(rng, 0.6, f"6{rng.randint(10, 99)} {rng.randint(100000, 999999)}"),
                f"Calle Mayor {rng.randint(1, 120)}",
                city,
                cp,
                province,
                "España",
                tags,
                rng.choice(["Cliente", "Cliente", "Lead", "Proveedor"]),
                maybe(
                    rng,
                    0.3,
                    rng.choice(
                        ["Pagar siempre por transferencia.", "Cliente desde 2019.", "Llamar por la mañana."]
                    ),
                ),
                date(rng, 2023, "{d:02d}/{m:02d}/{y}"),
            ]
        )
    write_csv(
        root / "source" / "contactos.csv",
        [
            "Nombre",
            "Nombre comercial",
            "Persona de contacto",
            "NIF",
            "Email",
            "Teléfono",
            "Móvil",
            "Dirección",
            "Población",
            "Código postal",
            "Provincia",
            "País",
            "Tags",
            "Tipo",
            "Notas",
            "Creado",
        ],
        rows,
        ";",
    )
    deals = []
    for i in range(30):
        legal = rows[rng.randrange(len(rows))][0]
        value = rng.randint(300, 12000)
        deals.append(
            [
                f"{rng.choice(['Reforma', 'Mantenimiento', 'Instalación'])} {legal.split()[0]} {i}",
                legal,
                f"{value:,}".replace(",", ".") + ",00",
                STAGES[i % len(STAGES)],
                "Ventas",
                rng.choice(RESPONSABLES),
                date(rng, 2025, "{d:02d}/{m:02d}/{y}"),
                f"{rng.choice([10, 30, 50, 70, 90])}%",
            ]
        )
    write_csv(
        root / "source" / "oportunidades.csv",
        ["Nombre", "Contacto", "Valor", "Etapa", "Embudo", "Responsable", "Fecha de cierre", "Probabilidad"],
        deals,
        ";",
    )
    write_json(
        root / "destination.json",
        destination(
            CASE,
            "ES",
            {"Sales": ["New", "Contacted", "Proposal Sent", "Negotiation", "Won", "Lost"]},
            [("Lucía", "Martín", "lucia@serviciosebro.es"), ("Javier", "Sanz", "javier@serviciosebro.es")],
            [("NIF", "contact.nif", "TEXT", "contact")],
        ),
    )
