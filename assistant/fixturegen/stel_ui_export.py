"""STEL Order's client list as the web UI exports it: Spanish headers, ``;``, Windows-1252,
``1.234,56`` money, ``DD/MM/YYYY`` dates, CRLF line ends."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.fixturegen.lists import columns
from assistant.fixturegen.mess import MessPlan
from assistant.fixturegen.rng import record_rng
from assistant.fixturegen.sinks import CsvSink
from assistant.fixturegen.stel_accounts import client_record

HEADER = columns(
    "Referencia, Nombre, Razón social, NIF/CIF, Teléfono, Teléfono 2, Fax, Email, Dirección, "
    "Población, Provincia, Código postal, País, Fecha de alta, Saldo pendiente, Descuento %, "
    "Etiquetas, Comentarios"
)


def spanish_money(value: float) -> str:
    """1234.5 → '1.234,50' (Spanish grouping and decimal comma)."""
    return f"{value:,.2f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def write_ui_export(seed: int, rows: int, plan: MessPlan, path: Path) -> dict[str, Any]:
    blank_lines: list[int] = []
    ragged_lines: list[int] = []
    with CsvSink(path, HEADER, encoding="cp1252", delimiter=";", line_end="\r\n") as sink:
        for i in range(rows):
            sink.row(_row(seed, i, plan))
            if i in plan.blank_after:
                blank_lines.append(sink.raw(";" * (len(HEADER) - 1) + "\r\n"))
            if i in plan.ragged_after:
                ragged_lines.append(sink.raw(_ragged(seed, i)))
    return {
        "file": "ui_export/clientes.csv",
        "encoding": "cp1252",
        "delimiter": ";",
        "clients": rows,
        "blank_lines": blank_lines,
        "ragged_lines": ragged_lines,
        "physical_lines": sink.line,
    }


def _row(seed: int, index: int, plan: MessPlan) -> list[str]:
    c = client_record(seed, index, plan)
    rng = record_rng(seed, "stel-ui", index)
    created = c["creation-date"]
    day = datetime.strptime(created[:10], "%Y-%m-%d")
    balance = rng.choice((0.0, 0.0, 0.0, rng.uniform(10, 9000)))
    a = c["main-address"]
    return [
        c["reference"],
        c["name"],
        c["legal-name"],
        c["tax-identification-number"],
        c["phone"],
        c["phone2"],
        c["fax"],
        c["email"],
        a["address-data"],
        a["city-town"],
        a["province"],
        a["postal-code"],
        "España",
        day.strftime("%d/%m/%Y"),
        spanish_money(balance),
        spanish_money(c["discount-percentage"]),
        ", ".join(t.strip() for t in c["tags"]),
        c["comments"],
    ]


def _ragged(seed: int, index: int) -> str:
    """A hand-edited line: an unquoted ``;`` inside a comment, or a row cut short."""
    rng = record_rng(seed, "stel-ui-ragged", index)
    if index % 2:
        return f"{90000 + index};Cliente de prueba;;;+34 600 000 000\r\n"
    return (
        f"{90000 + index};Obra Calle Mayor;;;;;;;;Valencia;Valencia;46001;España;01/02/2024;0,00;0,00;;"
        f"Pendiente de firmar; llamar en {rng.choice(('enero', 'marzo'))}\r\n"
    )
