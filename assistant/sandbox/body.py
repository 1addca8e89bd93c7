"""Reading a request body: JSON (with HighLevel's parse-error answer) or a multipart form."""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from assistant.hlspec import Operation
from assistant.sandbox.errors import bad_request, unprocessable
from assistant.sandbox.routes.medias import MAX_UPLOAD_BYTES, too_large

_MULTIPART_OVERHEAD = 64 * 1024  # boundaries and small fields around the file part


def _reject_constant(name: str) -> None:
    # Python's json accepts NaN and Infinity; JSON (and HighLevel's parser) does not.
    raise json.JSONDecodeError(f"Unexpected token {name}", name, 0)


async def read_json(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        return None
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise bad_request(
            f"Unexpected token in JSON at position {getattr(exc, 'pos', 0)}", error="Bad Request"
        ) from exc


async def read_form(request: Request, op: Operation) -> dict[str, Any]:
    """Form fields as strings and files as (filename, bytes, content type); unknown fields rejected."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES + _MULTIPART_OVERHEAD:
        raise too_large()
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise bad_request("Content-Type must be multipart/form-data")
    try:
        form = await request.form(max_files=1, max_fields=20)
    except (MultiPartException, ValueError, KeyError) as exc:  # no boundary, truncated parts...
        raise bad_request(f"Malformed multipart body: {exc}") from exc
    allowed = set(((op.request_schema or {}).get("properties") or {}).keys())
    values: dict[str, Any] = {}
    problems = []
    for key, value in form.multi_items():
        if allowed and key not in allowed:
            problems.append(f"property {key} should not exist")
        elif isinstance(value, UploadFile):
            values[key] = (value.filename or "upload", await value.read(), value.content_type or "")
        else:
            values[key] = value
    await form.close()
    if problems:
        raise unprocessable(problems)
    return values
