"""Small helpers shared by the resource APIs."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from assistant.highlevel.errors import JsonDict, NotFound
from assistant.highlevel.transport import Params, Transport


def unwrap(key: str) -> Callable[[JsonDict], JsonDict]:
    """Pick ``answer[key]`` (HighLevel wraps most records: ``{"contact": {...}}``)."""

    def pick(answer: JsonDict) -> JsonDict:
        value = answer.get(key)
        return value if isinstance(value, dict) else answer

    return pick


def items(answer: JsonDict, key: str) -> list[JsonDict]:
    return [item for item in answer.get(key) or [] if isinstance(item, dict)]


async def delete(
    transport: Transport,
    template: str,
    path_params: Mapping[str, str],
    params: Params | None = None,
    json_body: JsonDict | None = None,
) -> bool:
    """DELETE; a 404 (already gone, or a retried delete that had worked) answers False."""
    try:
        await transport.request(
            "DELETE", template, path_params=path_params, params=params, json_body=json_body
        )
    except NotFound:
        return False
    return True


PAGE = 100  # HighLevel's default page size; a short page is the last one


async def find_in_pages(
    transport: Transport,
    template: str,
    key: str,
    params: Params,
    match: Callable[[JsonDict], bool],
    *,
    offset_name: str = "skip",
    path_params: Mapping[str, str] | None = None,
) -> JsonDict | None:
    """The first item of a ``skip``/``offset``-paged listing that ``match`` accepts, page after page.

    Lookups before a resend read the whole collection: a record beyond page one is still a record.
    """
    offset = 0
    while True:
        query = {**params, "limit": PAGE, offset_name: offset}
        answer = await transport.request("GET", template, path_params=path_params, params=query)
        page = items(answer, key)
        found = next((item for item in page if match(item)), None)
        if found is not None or len(page) < PAGE:
            return found
        offset += len(page)


async def find_in_numbered_pages(
    transport: Transport, template: str, key: str, params: Params, match: Callable[[JsonDict], bool]
) -> JsonDict | None:
    """Like :func:`find_in_pages` for listings paged by ``page`` (1-based) beside ``limit``."""
    number = 1
    while True:
        answer = await transport.request("GET", template, params={**params, "limit": PAGE, "page": number})
        page = items(answer, key)
        found = next((item for item in page if match(item)), None)
        if found is not None or len(page) < PAGE:
            return found
        number += 1
