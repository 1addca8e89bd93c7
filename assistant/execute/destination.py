"""What the destination holds now, listed with as few requests as HighLevel allows."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError, JsonDict, NotFound


async def all_contacts(hl: HighLevelClient) -> dict[str, JsonDict]:
    """Every contact of the location, 500 a page, paged by ``searchAfter`` (page paging stops at 10,000)."""
    out: dict[str, JsonDict] = {}
    after: list[Any] | None = None
    while True:
        page = await hl.contacts.search(page_limit=500, search_after=after)
        items = [c for c in page.get("contacts") or [] if isinstance(c, dict)]
        out.update({str(c["id"]): c for c in items if c.get("id")})
        if len(items) < 500:
            return out
        after = items[-1].get("searchAfter")
        if not after:
            return out


async def all_opportunities(hl: HighLevelClient) -> dict[str, JsonDict]:
    out: dict[str, JsonDict] = {}
    page = 1
    while True:
        items = await hl.opportunities.search(limit=100, page=page)
        out.update({str(o["id"]): o for o in items if o.get("id")})
        if len(items) < 100:
            return out
        page += 1


PAGE = 100  # HighLevel's default page size for skip/limit listings; a short page is the last


async def all_businesses(hl: HighLevelClient) -> dict[str, JsonDict]:
    """Every business of the location, ``skip``/``limit`` paged (one request answers at most a page)."""
    out: dict[str, JsonDict] = {}
    for item in await paged(hl, "/businesses/", "businesses", {"locationId": hl.location_id}, "skip"):
        out[str(item["id"])] = item
    return out


async def all_products(hl: HighLevelClient) -> dict[str, JsonDict]:
    """Every product of the location (ids under ``_id``), ``offset``/``limit`` paged."""
    listed = await paged(hl, "/products/", "products", {"locationId": hl.location_id}, "offset")
    return {str(p.get("_id") or p.get("id")): p for p in listed}


async def paged(
    hl: HighLevelClient,
    template: str,
    key: str,
    params: dict[str, Any],
    offset_name: str,
    path_params: dict[str, str] | None = None,
) -> list[JsonDict]:
    """Every item of an offset-paged listing (``skip`` or ``offset`` beside ``limit``), page after page."""
    items: list[JsonDict] = []
    while True:
        query = {**params, "limit": PAGE, offset_name: len(items)}
        answer = await hl.transport.request("GET", template, path_params=path_params, params=query)
        page = [i for i in answer.get(key) or [] if isinstance(i, dict) and (i.get("id") or i.get("_id"))]
        items.extend(page)
        if len(page) < PAGE:
            return items


async def children(hl: HighLevelClient, contact_ids: set[str], kind: str) -> dict[str, str]:
    """task/note id -> contact id, for the given contacts (one request per contact)."""
    out: dict[str, str] = {}
    for contact in sorted(contact_ids):
        try:
            answer = await hl.transport.request(
                "GET", f"/contacts/{{contactId}}/{kind}", path_params={"contactId": contact}
            )
        except NotFound:
            continue
        out.update(
            {str(i["id"]): contact for i in answer.get(kind) or [] if isinstance(i, dict) and i.get("id")}
        )
    return out


async def exists(hl: HighLevelClient, template: str, params: dict[str, str]) -> bool:
    try:
        await hl.transport.request("GET", template, path_params=params)
    except NotFound:
        return False
    except HighLevelError:
        raise
    return True
