"""Streak (CRM inside Gmail): the pipeline's box export, CSV.

From Streak's documentation: one row per box with its ``Name``, ``Stage``, ``Assigned To``
(team members' e-mail addresses), the box's ``Contacts`` (e-mail addresses) and
``Organizations`` (names), ``Notes``, a ``Deal Size`` column and pipeline columns such as
``Priority`` (Low / Medium / High) and ``Source``.
"""

from __future__ import annotations

from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    companies,
    date,
    destination,
    maybe,
    people,
    rng_for,
    write_csv,
    write_json,
)

CASE = "streak"
ASSIGNEES = ["maya@lumenstudio.design", "theo@lumenstudio.design", "freelance.sam@gmail.com"]
STAGES = ["Lead", "Contacted", "Pitched", "Demo Scheduled", "Negotiating", "Closed Won", "Closed Lost"]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    persons = people(rng, 42)
    orgs = companies(rng, 28)
    rows = []
    for i, p in enumerate(persons):
        org = orgs[i % len(orgs)]
        rows.append(
            [
                f"{org} brand refresh" if i % 2 else f"{org} website",
                STAGES[i % len(STAGES)],
                rng.choice(ASSIGNEES),
                p.email(org.split()[0].lower() + ".com"),
                org,
                maybe(
                    rng,
                    0.5,
                    rng.choice(
                        [
                            "Loves the moodboard.",
                            "Wants it live before Black Friday.",
                            "Legal must review the contract.",
                            "Referred by Theo's old client.",
                        ]
                    ),
                ),
                str(rng.randint(15, 240) * 100),
                date(rng, 2024, "{m}/{d}/{y}"),
                date(rng, 2025, "{m}/{d}/{y}"),
                rng.choice(["Low", "Medium", "High", "Medium"]),
                rng.choice(["Dribbble", "Referral", "Cold email"]),
            ]
        )
    write_csv(
        cases_dir / CASE / "source" / "boxes.csv",
        [
            "Name",
            "Stage",
            "Assigned To",
            "Contacts",
            "Organizations",
            "Notes",
            "Deal Size",
            "Date Created",
            "Last Updated",
            "Priority",
            "Source",
        ],
        rows,
    )
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Client Pipeline": ["New Lead", "Contacted", "Pitched", "Demo", "Negotiation", "Won", "Lost"]},
            [("Maya", "Lind", "maya@lumenstudio.design"), ("Theo", "Grant", "theo@lumenstudio.design")],
        ),
    )
