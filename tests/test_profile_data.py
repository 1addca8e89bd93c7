"""Small, real-shaped raw tables shared by the profile tests (what ingest leaves in ``raw``)."""

from __future__ import annotations

import duckdb

FIRST = ["Juan", "María", "José", "Lucía", "Carmen", "Antonio", "Pablo", "Elena", "Javier", "Ana"]
LAST = ["García López", "Martínez", "de la Cruz", "Fernández Ruiz", "Sánchez", "Pérez Gómez"]
TRADES = ["Reformas", "Construcciones", "Fontanería", "Electricidad", "Climatización", "Pinturas", "Jardines"]
SUFFIXES = ["S.L.", "S.A.", "SL", "S.L.U.", "SA"]
CITIES = ["Madrid", "Alcobendas", "Getafe", "Valencia", "Sevilla"]
PROVINCES = ["Madrid", "Valencia", "Sevilla", "Barcelona"]
STATES = ["Pendiente", "Aceptado", "Rechazado", "Enviado"]


def _varchar_table(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict[str, str | None]]) -> None:
    columns = list(rows[0])
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    ddl = ", ".join(f'"{c}" VARCHAR' for c in columns)
    con.execute(f'CREATE OR REPLACE TABLE raw."{name}" ({ddl}, _row BIGINT, _load_id VARCHAR)')
    placeholders = ", ".join("?" for _ in columns)
    con.executemany(
        f'INSERT INTO raw."{name}" VALUES ({placeholders}, ?, ?)',
        [[row[c] for c in columns] + [i + 1, "load-1"] for i, row in enumerate(rows)],
    )


def _nif(i: int) -> str:
    number = 10_000_000 + i * 7919
    return f"{number}{'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}"


def spanish_clients(n: int = 120) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    for i in range(n):
        first, last = (
            FIRST[i % len(FIRST)],
            LAST[(i // len(FIRST)) % len(LAST)] + (" Moreno" if i >= 60 else ""),
        )
        rows.append(
            {
                "id": str(1000 + i),
                "name": f"{first} {last}",
                "legal-name": f"{TRADES[i % len(TRADES)]} {last.split()[-1]} {SUFFIXES[i % len(SUFFIXES)]}",
                "tax-identification-number": _nif(i),
                "email": f"{first.lower()}.{i}@correo.es" if i != 7 else "JUAN.0@Correo.ES",
                "phone": f"+34 6{i % 10}{i % 7} {100 + i:03d} {200 + i % 90:03d}",
                "website": f"https://www.empresa{i}.es",
                "creation-date": f"2025-01-{1 + i % 28:02d}T00:00:00+0000",
                "alta": f"{1 + i % 28:02d}/{1 + i % 12:02d}/2024",
                "balance": f"{1 + i % 9}.{i % 1000:03d},{i % 100:02d} €",
                "discount-percentage": str(i % 4 * 5),
                "activo": "sí" if i % 3 else "no",
                "tags": "VIP; cliente-vip" if i % 4 == 0 else ["VIP", "moroso", "nuevo"][i % 3],
                "main-address.address-data": f"Calle Mayor {i + 1}, 3ºB" if i % 2 else f"Avda. de la Paz {i}",
                "main-address.city-town": CITIES[i % len(CITIES)],
                "main-address.province": PROVINCES[i % len(PROVINCES)],
                "main-address.postal-code": f"{(i % 50) + 1:02d}{i % 1000:03d}",
                "main-address.country": "ES",
                "estado": STATES[i % len(STATES)],
                "fax": "91 555 12 34" if i in (3, 60) else None,
                "comments": (
                    "Cliente habitual, paga siempre a 30 días y pide factura por correo electrónico"
                    if i % 2
                    else f"Llamar antes de ir, portero automático número {i} no funciona"
                ),
                "notas": None,
            }
        )
    rows[0]["email"] = "juan.0@correo.es"
    return rows


def us_clients(n: int = 60) -> list[dict[str, str | None]]:
    return [
        {
            "Client ID": f"C-{5000 + i}",
            "Phone": f"({200 + i % 700}) {100 + i:03d}-{4000 + i:04d}",
            "Emails": f"bob{i}@mail.com; bob{i}@work.com" if i % 3 == 0 else f"bob{i}@mail.com",
            "Created": f"{1 + i % 12:02d}/{13 + i % 15:02d}/2024",
            "Total": f"${1 + i % 5},{100 + i:03d}.{i % 100:02d}",
            "Scheduled": f"2024-03-{1 + i % 28:02d} {8 + i % 10:02d}:30",
            "Taxable": "Y" if i % 2 else "N",
            "State": ["TX", "CA", "NY", "FL"][i % 4],
            "Zip": f"{77000 + i % 40}",
            "Street": f"{100 + i} Oak St",
        }
        for i in range(n)
    ]


def estimates(n: int = 80, client_ids: int = 120) -> list[dict[str, str | None]]:
    return [
        {
            "id": str(9000 + i),
            "full-reference": f"PRE{i:05d}",
            "account-id": str(1000 + (i * 7) % client_ids) if i != 5 else "999999",
            "account-path": f"/clients/{1000 + (i * 7) % client_ids if i != 5 else 999999}",
            "total-amount": f"{100 + i * 13.5:.2f}",
            "settled": "true" if i % 2 else "false",
        }
        for i in range(n)
    ]


def load_all(con: duckdb.DuckDBPyConnection) -> None:
    _varchar_table(con, "clients", spanish_clients())
    _varchar_table(con, "us_clients", us_clients())
    _varchar_table(con, "salesEstimates", estimates())
    lines: list[dict[str, str | None]] = [
        {"item-name": f"Item {i % 6}", "units": str(i % 4 + 1)} for i in range(40)
    ]
    _varchar_table(con, "salesEstimates__lines", lines)
    con.execute('ALTER TABLE raw."salesEstimates__lines" ADD COLUMN _parent_row BIGINT')
    con.execute('ALTER TABLE raw."salesEstimates__lines" ADD COLUMN _parent_key VARCHAR')
    con.execute(
        'UPDATE raw."salesEstimates__lines" '
        "SET _parent_row = _row % 20 + 1, _parent_key = (9000 + _row % 20)::VARCHAR"
    )
