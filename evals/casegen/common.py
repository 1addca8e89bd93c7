"""Shared helpers of the case generator: seeded choices, people, companies, writers.

Every case draws from ``random.Random(f"{case}:{seed}")``, so the same seed writes the same bytes
on any machine. Rows are small (tens) on purpose: the mess, not the volume, is what is measured.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED = 20251203
CASES_DIR = Path(__file__).resolve().parent.parent / "cases"

FIRST = [
    "Ava",
    "Liam",
    "Noah",
    "Emma",
    "Olivia",
    "Mason",
    "Sofia",
    "Lucas",
    "Mia",
    "Ethan",
    "Zoe",
    "Jack",
    "Grace",
    "Owen",
    "Chloe",
    "Leo",
    "Ruby",
    "Isaac",
    "Nora",
    "Eli",
    "Hazel",
    "Caleb",
]
LAST = [
    "Turner",
    "Brooks",
    "Patel",
    "Nguyen",
    "Garcia",
    "Kim",
    "Walsh",
    "Foster",
    "Reyes",
    "Murphy",
    "Hughes",
    "Lopez",
    "Bennett",
    "Shaw",
    "Ortiz",
    "Price",
    "Ellis",
    "Wright",
    "Fischer",
    "Cole",
]
COMPANY_WORDS = [
    "Summit",
    "Harbor",
    "Pinecrest",
    "Bluebird",
    "Ironwood",
    "Maple",
    "Northstar",
    "Cedar",
    "Lakeside",
    "Redwood",
    "Silverline",
    "Oakridge",
    "Brightpath",
    "Granite",
]
COMPANY_KINDS = ["Dental", "Roofing", "Bakery", "Consulting", "Plumbing", "Fitness", "Realty", "Labs"]
US_PLACES = [
    ("Austin", "TX", "78701"),
    ("Denver", "CO", "80202"),
    ("Portland", "OR", "97205"),
    ("Phoenix", "AZ", "85004"),
    ("Tampa", "FL", "33602"),
    ("Columbus", "OH", "43215"),
    ("Boise", "ID", "83702"),
    ("Raleigh", "NC", "27601"),
]
STREETS = ["Oak St", "Main St", "Elm Ave", "Park Blvd", "Lake Dr", "Hill Rd", "Pine Ln", "River Rd"]


@dataclass(frozen=True)
class Person:
    first: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    def email(self, domain: str) -> str:
        return f"{self.first.lower()}.{self.last.lower()}@{domain}"


def rng_for(case: str, seed: int = SEED) -> random.Random:
    return random.Random(f"{case}:{seed}")


def people(rng: random.Random, n: int) -> list[Person]:
    """``n`` distinct people (names unique, so a reference by name resolves to one record)."""
    pairs = [(f, last) for f in FIRST for last in LAST]
    return [Person(f, last) for f, last in rng.sample(pairs, n)]


def companies(rng: random.Random, n: int) -> list[str]:
    pairs = [(w, k) for w in COMPANY_WORDS for k in COMPANY_KINDS]
    return [f"{w} {k}" for w, k in rng.sample(pairs, n)]


def us_phone(rng: random.Random) -> str:
    area, mid, end = rng.randint(201, 989), rng.randint(200, 999), rng.randint(1000, 9999)
    return rng.choice([f"({area}) {mid}-{end}", f"{area}-{mid}-{end}", f"+1 {area} {mid} {end}"])


def street(rng: random.Random) -> str:
    return f"{rng.randint(10, 9999)} {rng.choice(STREETS)}"


def date(rng: random.Random, year: int = 2024, fmt: str = "{y}-{m:02d}-{d:02d}") -> str:
    return fmt.format(y=year, m=rng.randint(1, 12), d=rng.randint(1, 28))


def maybe(rng: random.Random, share: float, value: str) -> str:
    """``value`` in ``share`` of the rows, else blank (a column that is often empty)."""
    return value if rng.random() < share else ""


def spelled(rng: random.Random, variants: Sequence[str]) -> str:
    """One of the spellings a label takes in the wild (case and stray spaces)."""
    return rng.choice(list(variants))


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def destination(
    case: str,
    country: str,
    pipelines: dict[str, list[str]],
    users: list[tuple[str, str, str]],
    custom_fields: Sequence[tuple[str, str, str, str]] = (),
    tags: Sequence[str] = (),
) -> dict[str, Any]:
    """A DestinationState: pipelines -> stage names, users (first, last, email), custom fields
    (name, fieldKey, dataType, model), existing tags."""
    return {
        "location": {"id": f"loc_{case}", "name": f"{case} destination", "country": country},
        "pipelines": [
            {
                "id": f"pl_{i}",
                "name": name,
                "stages": [{"id": f"st_{i}_{j}", "name": s, "position": j} for j, s in enumerate(stages)],
            }
            for i, (name, stages) in enumerate(pipelines.items())
        ],
        "users": [
            {
                "id": f"u_{first.lower()}",
                "name": f"{first} {last}",
                "firstName": first,
                "lastName": last,
                "email": email,
            }
            for first, last, email in users
        ],
        "customFields": [
            {"id": f"cf_{i}", "name": name, "fieldKey": key, "dataType": dtype, "model": model}
            for i, (name, key, dtype, model) in enumerate(custom_fields)
        ],
        "tags": [{"id": f"t_{i}", "name": t} for i, t in enumerate(tags)],
        "calendars": [],
        "customObjects": [],
    }
