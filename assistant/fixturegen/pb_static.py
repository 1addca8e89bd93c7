"""Perfect Books definitions exported as JSON: pipelines, tags, custom field definitions, workflows."""

from __future__ import annotations

from typing import Any

from assistant.fixturegen.pb_people import PLAIN_TAGS, TAG_CLUSTERS

PIPELINES: tuple[dict[str, Any], ...] = (
    {
        "id": "p1",
        "name": "New Business",
        "stages": [
            {"id": "s11", "name": "Lead In", "order": 1, "probability": 10, "forecast_category": "pipeline"},
            {
                "id": "s12",
                "name": "Discovery Call",
                "order": 2,
                "probability": 25,
                "forecast_category": "pipeline",
            },
            {
                "id": "s13",
                "name": "Proposal Sent",
                "order": 3,
                "probability": 50,
                "forecast_category": "best_case",
            },
            {
                "id": "s14",
                "name": "Negotiation",
                "order": 4,
                "probability": 75,
                "forecast_category": "commit",
            },
            {"id": "s15", "name": "Won", "order": 5, "probability": 100, "forecast_category": "closed"},
            {"id": "s16", "name": "Lost", "order": 6, "probability": 0, "forecast_category": "omitted"},
        ],
    },
    {
        "id": "p2",
        "name": "Renewals",
        "stages": [
            {
                "id": "s21",
                "name": "Up for Renewal",
                "order": 1,
                "probability": 60,
                "forecast_category": "pipeline",
            },
            {
                "id": "s22",
                "name": "Negotiating",
                "order": 2,
                "probability": 80,
                "forecast_category": "commit",
            },
            {"id": "s23", "name": "Renewed", "order": 3, "probability": 100, "forecast_category": "closed"},
            {"id": "s24", "name": "Cancelled", "order": 4, "probability": 0, "forecast_category": "omitted"},
        ],
    },
    {
        "id": "p3",
        "name": "Partnerships",
        "stages": [  # the destination has no pipeline for this one
            {"id": "s31", "name": "Intro", "order": 1, "probability": 20, "forecast_category": "pipeline"},
            {
                "id": "s32",
                "name": "Agreement Drafted",
                "order": 2,
                "probability": 70,
                "forecast_category": "commit",
            },
            {"id": "s33", "name": "Signed", "order": 3, "probability": 100, "forecast_category": "closed"},
        ],
    },
)


def pipelines_export() -> list[dict[str, Any]]:
    """Probabilities exported loosely: as "25%" strings in one pipeline, fractions in another."""
    out = []
    for n, pipeline in enumerate(PIPELINES):
        stages = []
        for s in pipeline["stages"]:
            prob = (
                f"{s['probability']}%"
                if n == 0
                else (s["probability"] / 100 if n == 1 else str(s["probability"]))
            )
            stages.append({**s, "probability": prob})
        out.append({**pipeline, "stages": stages})
    return out


def tag_rows() -> list[list[str]]:
    names = [v for c in TAG_CLUSTERS for v in c.variants] + list(PLAIN_TAGS)
    return [
        [f"tag_{n + 1}", name, ("#e11d48", "#2563eb", "#16a34a", "")[n % 4]] for n, name in enumerate(names)
    ]


CUSTOM_FIELDS: tuple[dict[str, Any], ...] = (
    {"object": "contact", "key": "cf_contact_birthday", "label": "Birthday", "type": "date"},
    {
        "object": "contact",
        "key": "cf_contact_preferred_language",
        "label": "Preferred Language",
        "type": "picklist",
        "options": ["English", "French"],
    },
    {"object": "contact", "key": "cf_contact_referral_score", "label": "Referral Score", "type": "number"},
    {"object": "contact", "key": "cf_contact_linkedin", "label": "LinkedIn", "type": "url"},
    {"object": "company", "key": "cf_company_annual_revenue", "label": "Annual Revenue", "type": "currency"},
    {"object": "company", "key": "cf_company_fiscal_year_end", "label": "Fiscal Year End", "type": "text"},
    {
        "object": "deal",
        "key": "deal_source",
        "label": "Deal Source",
        "type": "picklist",
        "options": ["Referral", "Website", "Cold call"],
        "stored_in": "custom_fields",
    },
    {
        "object": "deal",
        "key": "contract_length_months",
        "label": "Contract Length (months)",
        "type": "number",
        "stored_in": "custom_fields",
    },
    {
        "object": "deal",
        "key": "renewal",
        "label": "Renewal?",
        "type": "checkbox",
        "stored_in": "custom_fields",
    },
)

WORKFLOWS: tuple[dict[str, Any], ...] = (
    {
        "id": "wf_1",
        "name": "New lead nurture",
        "active": True,
        "trigger": {"type": "contact_created", "filter": "tags contains 'Hot Lead'"},
        "steps": [
            {"type": "send_email", "template": "Welcome", "delay": "0"},
            {"type": "wait", "delay": "3 days"},
            {"type": "create_task", "subject": "Follow up call", "assign_to": "owner"},
        ],
    },
    {
        "id": "wf_2",
        "name": "Renewal reminder",
        "active": True,
        "trigger": {"type": "deal_stage_changed", "stage": "Up for Renewal"},
        "steps": [
            {"type": "send_email", "template": "Renewal coming up", "delay": "30d before close_date"},
            {"type": "notify_user", "user": "owner"},
        ],
    },
    {
        "id": "wf_3",
        "name": "Birthday greeting (old)",
        "active": False,
        "trigger": {"type": "date_field", "field": "cf_contact_birthday"},
        "steps": [{"type": "send_email", "template": "Happy birthday!"}],
    },
)
