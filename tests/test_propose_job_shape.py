"""A table named for to-dos whose rows are jobs (totals, a staged status, a client, a site or crew)."""

from __future__ import annotations

from typing import Any

from assistant.mapping.models import TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.objects import classify_tables
from tests.propose_factory import S, people_table, table

T = TargetObject
Columns = list[tuple[str, SemanticType, dict[str, Any]]]

STAGED = {"Not Started": 4, "In Progress": 4, "Pending": 4, "Completed": 4, "Archived": 4}
CLIENT: Columns = [("client.clientid", S.FOREIGN_KEY, {"fk": ("clients", "id")})]
TOTALS: Columns = [("totals.materials", S.MONEY, {}), ("totals.labour", S.MONEY, {}),
                   ("quote.total", S.MONEY, {"null_share": 0.6})]  # fmt: skip


def _tasks(extra: Columns, status: dict[str, int] | None = None) -> TableProfile:
    columns: Columns = [
        ("taskid", S.IDENTIFIER, {"unique_share": 1.0}),
        ("jobnumber", S.INTEGER, {"distinct_count": 20}),
        ("taskname", S.FREE_TEXT, {}),
        ("status", S.PICKLIST, {"values": status or STAGED}),
        ("duedate", S.DATE, {}),
        *extra,
    ]
    return table("tasks", columns, key="taskid")


def _crew() -> TableProfile:
    return table(
        "tasks__assigneds",
        [("user.userid", S.FOREIGN_KEY, {"fk": ("users", "id")}), ("user.username", S.PICKLIST, {})],
        parent="tasks",
    )


def _users() -> TableProfile:
    return table(
        "users", [("id", S.IDENTIFIER, {}), ("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})], key="id"
    )


def test_tasks_with_totals_a_staged_status_a_client_and_a_site_are_jobs_not_to_dos() -> None:
    site: Columns = [("tasklocation.locationname", S.ADDRESS, {})]
    decided = classify_tables([people_table("clients"), _tasks([*CLIENT, *TOTALS, *site])])["tasks"]
    assert decided.primary == T.OPPORTUNITY
    said = " ".join(e.detail for e in decided.object_map.evidence)
    assert "3 money columns" in said and "5-state status" in said and "a site" in said
    assert "job number ('jobnumber')" in said
    assert "task" in {a.target for a in decided.object_map.alternatives}  # the name's reading stays offered


def test_nested_lists_of_the_people_working_them_mark_jobs_too() -> None:
    tables = [people_table("clients"), _users(), _tasks([*CLIENT, *TOTALS]), _crew()]
    decided = classify_tables(tables)
    assert decided["tasks"].primary == T.OPPORTUNITY
    assert "tasks__assigneds" in " ".join(e.detail for e in decided["tasks"].object_map.evidence)
    assert decided["tasks__assigneds"].primary == T.OPPORTUNITY  # merged into the job


def test_a_to_do_list_with_a_status_due_date_and_assignee_stays_tasks() -> None:
    owner: Columns = [("assignee", S.FOREIGN_KEY, {"fk": ("users", "id")})]
    site: Columns = [("tasklocation.locationname", S.ADDRESS, {})]
    todo = _tasks([*CLIENT, *owner, *site], {"Open": 10, "Done": 10})
    assert classify_tables([people_table("clients"), _users(), todo])["tasks"].primary == T.TASK
    # many states but no money: still to-dos (Not Started, Waiting, Deferred...)
    staged = _tasks([*CLIENT, *owner, *site])
    assert classify_tables([people_table("clients"), _users(), staged])["tasks"].primary == T.TASK


def test_work_orders_with_totals_but_no_site_and_no_crew_keep_their_names_reading() -> None:
    orders = _tasks([*CLIENT, *TOTALS])
    decided = classify_tables([people_table("clients"), orders])["tasks"]
    assert decided.primary == T.TASK
    assert not any("jobs (deals" in e.detail for e in decided.object_map.evidence)


def test_totals_with_a_site_but_no_client_are_not_read_as_jobs() -> None:
    site: Columns = [("tasklocation.locationname", S.ADDRESS, {})]
    assert classify_tables([_tasks([*TOTALS, *site])])["tasks"].primary == T.TASK
