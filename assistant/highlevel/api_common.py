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
