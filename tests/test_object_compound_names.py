"""Table names run together from two object words ('companycontact'): the second word is the head."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.normalize import object_words
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType


def _clients_and_jobs() -> tuple[TableProfile, TableProfile]:
    """Clients, and jobs linked to them: the deals the records below hang off."""
    clients = table(
        "clients",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})],
        key="id",
    )
    jobs = table(
        "jobs",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("client_id", S.FOREIGN_KEY, {"fk": ("clients", "id")}),
            ("status", S.PICKLIST, {"values": {"Quote": 5, "Won": 3, "Lost": 2}}),
            ("total", S.MONEY, {}),
        ],
        key="id",
    )
    return clients, jobs


def test_a_compound_table_name_reads_as_its_head_noun() -> None:
    assert object_words("companycontact") == ("contact",)
    assert object_words("jobactivity") == ("task",)
    assert object_words("company") == ("company",)  # an object word is never cut in two
    assert object_words("notebook") == ()  # 'book' is no object word: the name stays whole


def test_a_company_contact_list_lands_as_contacts() -> None:
    people = table(
        "companycontact",
        [
            ("uuid", S.IDENTIFIER, {"unique_share": 1.0}),
            ("first", S.FREE_TEXT, {}),
            ("last", S.FREE_TEXT, {}),
            ("email", S.EMAIL, {}),
            ("mobile", S.PHONE, {}),
        ],
        key="uuid",
    )
    doc = propose_offline(ProposeInputs([people], None, MemoryValues({"companycontact": []})))
    assert [t.object for t in doc.objects[0].targets] == [TargetObject.CONTACT]


def test_task_records_of_a_job_stay_tasks_reaching_the_jobs_contact() -> None:
    clients, jobs = _clients_and_jobs()
    activities = table(
        "activities",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("job_id", S.FOREIGN_KEY, {"fk": ("jobs", "id")}),
            ("due_date", S.DATE, {}),
            ("description", S.FREE_TEXT, {}),
        ],
        key="id",
    )
    values = MemoryValues({"clients": [], "jobs": [], "activities": []})
    doc = propose_offline(ProposeInputs([clients, jobs, activities], None, values))
    found = {o.source_object: [t.object for t in o.targets] for o in doc.objects}
    assert found["activities"] == [TargetObject.TASK]  # not a custom object: the job's contact holds it


def test_task_like_records_of_a_job_with_a_status_of_their_own_are_records_of_their_own() -> None:
    clients, jobs = _clients_and_jobs()
    orders = table(
        "work_orders",
        [
            ("Work Order #", S.IDENTIFIER, {"unique_share": 1.0}),
            ("Job #", S.FOREIGN_KEY, {"fk": ("jobs", "id")}),
            ("Scheduled Date", S.DATE, {}),
            ("Status", S.FREE_TEXT, {}),  # two rows of a small export: no pick-list yet
        ],
        key="Work Order #",
    )
    values = MemoryValues({"clients": [], "jobs": [], "work_orders": []})
    doc = propose_offline(ProposeInputs([clients, jobs, orders], None, values))
    found = {o.source_object: [t.object for t in o.targets] for o in doc.objects}
    assert found["work_orders"] == [TargetObject.CUSTOM_OBJECT]  # a task would lose 'On Hold', 'Scheduled'
