"""Evidence scores: how strongly a table looks like each kind of HighLevel record.

Scores add up from the table's name (head noun counts most) and from what its columns hold,
so a table called ``registros`` with names, e-mails and phones still reads as contacts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from assistant.profile.models import SemanticType
from assistant.propose.history_rules import history_evidence
from assistant.propose.job_shape import job_shape_evidence
from assistant.propose.place_tables import place_evidence
from assistant.propose.signals import TableSignals
from assistant.propose.user_lists import user_list_evidence

S = SemanticType
Scores = dict[str, float]
Evidence = dict[str, list[str]]


def score_table(sig: TableSignals, head_of: dict[str, str]) -> tuple[Scores, Evidence]:
    """Scores per object-vocabulary key for one table; ``head_of`` gives other tables' name class."""
    scores: Scores = defaultdict(float)
    why: Evidence = defaultdict(list)

    def add(key: str, amount: float, reason: str) -> None:
        scores[key] += amount
        why[key].append(reason)

    for rank, word in enumerate(sig.words[:3]):
        add(word, 0.55 if rank == 0 else 0.2, f"table name '{sig.table}' reads as {word}")
    person = sig.has("first_name", "last_name", "full_name") or bool(sig.typed(S.PERSON_NAME))
    if person:
        add("contact", 0.15, "person-name columns")
        add("user", 0.05, "person-name columns")
    if sig.has("first_name") and sig.has("last_name") and sig.has("email"):
        add("contact", 0.2, "first and last names beside e-mails: the rows are people")
    if sig.has("email"):
        add("contact", 0.1, f"e-mail column {sig.concept_columns['email'][0]}")
        add("user", 0.05, "e-mail column")
    if sig.has("phone") or sig.has("address", "city", "postal_code"):
        add("contact", 0.1, "phone/address columns")
        add("company", 0.05, "phone/address columns")
    if sig.people_lists and not sig.has("email"):
        # the people are listed inside each row, and the row has no e-mail of its own: an organisation
        add("company", 0.6, f"a nested list of people ('{sig.people_lists[0]}') and no e-mail of its own")
        add("contact", -0.3, f"its people are the nested list '{sig.people_lists[0]}'")
    if sig.has("company") and not person:
        add("company", 0.15, "company-name column without person names")
    if sig.has("industry", "employee_count", "parent"):
        add("company", 0.2, "industry / headcount / parent-company columns")
    fk_heads = {head_of.get(target, "") for target in sig.fk_targets.values()}
    if sig.has("status") and (sig.has("amount") or sig.typed(S.MONEY)):
        add("opportunity", 0.25, "a status column and an amount column")
        add("invoice", 0.1, "a status column and an amount column")
    if sig.outcome_columns:
        add("opportunity", 0.35, f"values of '{sig.outcome_columns[0]}' say won and lost: a deal stage")
    _deal_shape(sig, person, add)
    for key, amount, reason in job_shape_evidence(sig):  # 'tasks' that carry totals, a site, a crew
        add(key, amount, reason)
    if fk_heads & {"contact", "company"}:
        for key in ("opportunity", "task", "note", "appointment", "invoice", "file"):
            add(key, 0.05, "references a contact-like table")
    if sig.has("due_date") and sig.has("owner"):
        add("task", 0.25, "a due date and an assignee")
    if sig.has("completed"):
        add("task", 0.1, "a completion flag")
    if sig.has("start") and sig.has("end"):
        add("appointment", 0.4, "start and end date/times")
    if sig.has("notes") and len(sig.types) <= 4 and sig.fk_targets:
        add("note", 0.15, "a text body attached to another record")
    if sig.has("file_path") and sig.has("file_size", "mime_type"):
        add("file", 0.45, "file path with size/type columns")
    if sig.referenced_as("status"):
        add("pipeline", 0.55, f"status columns point here: {', '.join(sig.referenced_as('status')[:3])}")
    if sig.step_list:  # whatever the name says ('deal_phases'), its rows are steps, not records
        add("pipeline", 0.7, sig.step_list)
        add(sig.words[0] if sig.words else "pipeline", -0.2 if sig.words else 0.0, sig.step_list)
    if sig.referenced_as("owner"):
        add("user", 0.55, f"assignee columns point here: {', '.join(sig.referenced_as('owner')[:3])}")
    for key, amount, reason in sig.organisation_evidence:  # what people's records point to as theirs
        add(key, amount, reason)
    for key, amount, reason in user_list_evidence(sig):  # 'clients' that every owner_id points at
        add(key, amount, reason)
    if sig.has("role", "position") and sig.has("email"):
        add("user", 0.1, "role column beside e-mails")
    if sig.has("quantity") and (sig.has("price") or sig.has("sku")):
        add("product", 0.35, "quantity with price/SKU columns")
    elif sig.has("sku") or (sig.has("price") and sig.has("name")):
        add("product", 0.15, "SKU/price columns")
    if sig.has("due_date") and sig.has("paid") and (sig.has("amount") or sig.typed(S.MONEY)):
        add("invoice", 0.3, "due date, paid flag/amount and totals")
    if sig.has("tags") and len(sig.concept_columns) <= 3:
        add("tag", 0.2, "a small table of tags")
    # a log names who wrote each entry ('Logged By'): only the row's own name columns make it a person
    named = sig.has("first_name", "last_name", "full_name")
    for amount, reason in history_evidence(sig, named, fk_heads):
        add("message", amount, reason)
    _not_a_code_list(sig, fk_heads, scores, add)
    for key, amount, reason in place_evidence(sig, fk_heads):  # 'job_sites': places, not jobs
        add(key, amount, reason)
    if (
        sig.has("address", "city", "postal_code")
        and not person
        and not sig.has("email")
        and fk_heads & {"contact"}
    ):
        add("address", 0.3, "address parts keyed to a contact-like table")
    return scores, why


def _not_a_code_list(
    sig: TableSignals, fk_heads: set[str], scores: Scores, add: Callable[[str, float, str], None]
) -> None:
    """A lookup is a small code -> label table. A table named like one ('calendar', 'category') whose
    rows are due or done and belong to someone (an assignee, a person or deal they link to) holds
    records of their own (a calendar's entries are tasks), not a list of codes."""
    if scores.get("lookup", 0.0) <= 0:
        return
    records = fk_heads & {"contact", "company", "opportunity"}
    dated = sig.has("due_date", "completed") or (bool(sig.typed(S.DATE, S.DATETIME)) and records)
    if dated and (sig.has("owner") or records):
        add("lookup", -0.45, "rows due or done, with an assignee or links to records: no code list")


def _deal_shape(sig: TableSignals, person: bool, add: Callable[[str, float, str], None]) -> None:
    """A pipeline stage beside a value (and a win probability) makes each row a deal, whatever the
    table is called ("leads" are people in one CRM and deals in another); its person columns then
    describe the deal's contact, which splits off, rather than the row itself."""
    valued = sig.has("amount") or bool(sig.typed(S.MONEY))
    if not (valued and sig.has("stage")):
        return
    probability = sig.has("probability")
    add("opportunity", 0.45 + (0.15 if probability else 0.0), "a pipeline stage beside a value: deals")
    if person:
        add("contact", -0.35, "its person columns describe each deal's contact, split off")
