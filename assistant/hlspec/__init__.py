"""HighLevel's official OpenAPI specs (shipped verbatim in ``openapi/``) as typed operations.

Public API: ``load_spec``, ``spec_names``, ``operations``, ``find_operation``, ``operation_by_id``,
``validate_request_body``, ``check_value``, ``Operation``, ``UnknownOperationError``.
"""

from assistant.hlspec.loader import load_spec, resolve, spec_names
from assistant.hlspec.operations import (
    Operation,
    UnknownOperationError,
    find_operation,
    operation_by_id,
    operations,
)
from assistant.hlspec.validate import check_value, validate_request_body

__all__ = [
    "Operation",
    "UnknownOperationError",
    "check_value",
    "find_operation",
    "load_spec",
    "operation_by_id",
    "operations",
    "resolve",
    "spec_names",
    "validate_request_body",
]
