"""Property-based run of the official spec's operations the stand-in implements, against the live process.

Checks: no 5xx, and every answer whose status the spec documents matches that status's response schema.
Location and company ids in generated requests are pinned to the seeded ones (otherwise nearly every
case would stop at the 403 location check and exercise nothing else).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from assistant.hlspec import operations, resolve
from assistant.hlspec.loader import load_spec
from assistant.sandbox import routes  # noqa: F401  (fills HANDLERS)
from assistant.sandbox.registry import HANDLERS
from tests.sandbox_process import SandboxHandle, sandbox_fixture

pytestmark = pytest.mark.slow

# Operations whose documented 2xx schema contradicts what HighLevel's service sends (the stand-in
# answers like the service): only the no-5xx check applies to their successful answers.
SHAPE_DIFFERS_FROM_SPEC = {
    "get-pipelines": "spec types stages as an array of arrays; the service sends stage objects",
    "task-search": "spec types tasks as an array of arrays; the service sends task objects",
    "search-opportunity": "with getNotes/getTasks the spec types notes and tasks as arrays of arrays",
    "search-object-records": "same record.properties typing",
    "create-object-record": "spec types record.properties as a string; the service sends an object",
    "get-record-by-id": "same record.properties typing",
    "update-object-record": "same record.properties typing",
    "find-associations": "spec documents one association; the service sends {associations, total}",
    "get-relations-by-record-id": "spec documents one association; the service sends {relations, total}",
    "create-association": "spec types labels and object keys as objects; the service sends strings",
    "get-association-by-ID": "same label/key typing",
    "get-association-key-by-key-name": "same label/key typing",
    "create-relation": "same label/key typing",
    "delete-relation": "same label/key typing",
    "fetch-media-content": "spec types files as strings; its example and the service give objects",
}


def _implemented_spec() -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in operations():
        if (op.spec, op.operation_id) not in HANDLERS:
            continue
        raw = load_spec(op.spec)["paths"][op.path][op.method.lower()]
        operation = _with_path_parameters(op.path, _without_any(resolve(raw, op.spec)))
        paths.setdefault(op.path, {})[op.method.lower()] = operation
    return {
        "openapi": "3.0.0",
        "info": {"title": "HighLevel (implemented subset)", "version": "2"},
        "paths": paths,
    }


def _with_path_parameters(path: str, operation: dict[str, Any]) -> dict[str, Any]:
    """get-message names ``{id}`` in its path but declares no such parameter: declare it as a string."""
    declared = {p.get("name") for p in operation.get("parameters", []) if p.get("in") == "path"}
    missing = [n for n in re.findall(r"{([^}]+)}", path) if n not in declared]
    extra = [{"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in missing]
    return {**operation, "parameters": [*operation.get("parameters", []), *extra]} if extra else operation


def _without_any(node: Any) -> Any:
    """conversations.json types a search parameter as ``"any"``, which no JSON Schema knows: untyped."""
    if isinstance(node, dict):
        return {k: _without_any(v) for k, v in node.items() if not (k == "type" and v == "any")}
    if isinstance(node, list):
        return [_without_any(v) for v in node]
    return node


schema = schemathesis.openapi.from_dict(_implemented_spec())
# Valid and invalid inputs, but no exhaustive "coverage" phase: it multiplies the cases by ~5.
schema.config.phases.update(phases=["examples", "fuzzing"])
sandbox = sandbox_fixture(rate_limit=1_000_000)


def _pin_ids(case: Any, handle: SandboxHandle) -> None:
    pinned = {
        "locationId": handle.location_id,
        "location_id": handle.location_id,
        "companyId": handle.company_id,
    }
    for container in (case.path_parameters, case.query):
        if isinstance(container, dict):
            container.update({k: v for k, v in pinned.items() if k in container})
    if isinstance(case.body, dict):
        case.body.update({k: v for k, v in pinned.items() if k in case.body})


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_stand_in_honours_the_official_spec(case: Any, sandbox: SandboxHandle) -> None:
    _pin_ids(case, sandbox)
    agency_only = case.operation.definition.raw.get("security") == [{"Agency-Access": []}]
    token = sandbox.agency_token if agency_only else sandbox.token
    response = case.call(base_url=sandbox.url, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    operation_id = case.operation.definition.raw.get("operationId")
    checks = [not_a_server_error]
    if not (operation_id in SHAPE_DIFFERS_FROM_SPEC and response.status_code < 300):
        checks.append(response_schema_conformance)
    case.validate_response(response, checks=checks)
