"""monday CRM: the Excel exports of the Deals and Contacts boards (one workbook per board).

From monday.com's help centre (monday sales CRM template, "Export board to Excel") and its API
column types: a board is exported as an .xlsx whose items are rows under the columns' titles;
``Name`` is the item name, ``Subitems`` the names of an item's subitems (mostly empty), people
columns (``Owner``) hold the assignees' display names, comma-separated when there are several,
status columns hold their label (Deals ``Stage``: New / Discovery / Proposal / Negotiation / Won /
Lost; Contacts ``Type``: Customer / Lead / Partner / Vendor; ``Priority``: High / Medium / Low),
connect-boards columns (``Contacts``, ``Accounts``, ``Deals``) hold the linked items' names, numbers
and dates arrive as typed cells, and a formula column (``Forecast Value`` = value x probability) as
its computed number. The UI export puts the board's title and each group's title on rows above the
column headers; this case keeps the column header as the first row (the layout ``hlmap ingest``
reads) and leaves those title rows out.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from evals.casegen.common import (
    CASES_DIR,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    us_phone,
    write_json,
)

CASE = "monday_crm"
OWNERS = ["Noor Haddad", "Felix Wagner", "Tess Moreau"]  # Tess has no destination user
STAGES = ["New", "Discovery", "Proposal", "Negotiation", "Won", "Lost"]
TITLES = ["Owner", "Head of Marketing", "Operations Manager", "CEO", "Office Manager", "Buyer", "IT Lead"]
COMMENTS = ["Prefers calls after 3pm", "Met at the expo", "Renewal in March"]
FIXED_TIME = dt.datetime(2025, 1, 1)


def _write_xlsx(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    """One sheet; the archive's member times and the document's properties are fixed, so the same rows
    write the same bytes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = path.stem.capitalize()
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.properties.created = book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' with the save time
                data = _fixed_core(data)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0)), data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fixed.getvalue())


def _fixed_core(data: bytes) -> bytes:
    import re

    text = data.decode("utf-8")
    text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(<)", r"\g<1>2025-01-01T00:00:00Z\2", text)
    return text.encode("utf-8")


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    persons = people(rng, 36)
    accounts = companies(rng, 14)
    contact_rows: list[list[Any]] = []
    for p in persons:
        account = maybe(rng, 0.85, rng.choice(accounts))
        contact_rows.append(
            [
                p.full,
                None,
                p.email(account.split()[0].lower() + ".com" if account else "gmail.com"),
                us_phone(rng),
                account or None,
                maybe(rng, 0.8, rng.choice(TITLES)) or None,
                rng.choice(["Customer", "Lead", "Lead", "Partner", "Vendor"]),
                rng.choice(["High", "Medium", "Low"]),
                maybe(rng, 0.35, rng.choice(COMMENTS)) or None,
            ]
        )
    deal_rows: list[list[Any]] = []
    linked = [r for r in contact_rows if r[4]]
    for i in range(40):
        contact = rng.choice(linked)
        stage = STAGES[i % len(STAGES)]
        value = rng.randint(10, 400) * 100
        probability = {"Won": 100, "Lost": 0}.get(stage, rng.choice([10, 30, 50, 70]))
        owner = rng.choice(OWNERS)
        if rng.random() < 0.15:
            owner = ", ".join(rng.sample(OWNERS, 2))
        deal_rows.append(
            [
                f"{contact[4]} {rng.choice(['expansion', 'pilot', 'annual plan'])}",
                maybe(rng, 0.2, "Kick-off call") or None,
                owner,
                stage,
                value,
                contact[0],
                contact[4],
                dt.datetime(2025, rng.randint(1, 12), rng.randint(1, 28)),
                probability,
                value * probability / 100,
            ]
        )
    _write_xlsx(
        root / "contacts.xlsx",
        ["Name", "Subitems", "Email", "Phone", "Accounts", "Title", "Type", "Priority", "Comments"],
        contact_rows,
    )
    _write_xlsx(
        root / "deals.xlsx",
        [
            "Name",
            "Subitems",
            "Owner",
            "Stage",
            "Deal Value",
            "Contacts",
            "Accounts",
            "Expected Close Date",
            "Close Probability",
            "Forecast Value",
        ],
        deal_rows,
    )
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Pipeline": ["New lead", "Discovery call", "Proposal sent", "Negotiating", "Won", "Lost"]},
            [("Noor", "Haddad", "noor@lumenanalytics.io"), ("Felix", "Wagner", "felix@lumenanalytics.io")],
        ),
    )
