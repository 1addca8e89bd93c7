"""Media library uploads (multipart, 25 MB at most) and deletes; only metadata is kept."""

from __future__ import annotations

import hashlib

from assistant.sandbox.errors import ApiError, JsonDict, bad_request
from assistant.sandbox.ids import now_iso
from assistant.sandbox.registry import Call, handles

SPEC = "medias"
MAX_UPLOAD_BYTES = 25 * 1024 * 1024


def too_large() -> ApiError:
    return ApiError(
        413, {"statusCode": 413, "message": "File size exceeds the 25 MB limit", "error": "Payload Too Large"}
    )


@handles(SPEC, "upload-media-content")
def upload(call: Call) -> JsonDict:
    """A file part, or ``hosted=true`` with a ``fileUrl``; the answer names the file's id and URL."""
    form, store = call.form, call.store
    hosted = str(form.get("hosted", "false")).lower() == "true"
    media: JsonDict = {
        "locationId": store.location_id,
        "parentId": form.get("parentId"),
        "dateAdded": now_iso(),
    }
    if hosted:
        if not form.get("fileUrl"):
            raise bad_request("fileUrl is required when hosted is true")
        media.update(
            url=str(form["fileUrl"]), name=str(form.get("name") or form["fileUrl"]).rsplit("/", 1)[-1]
        )
    else:
        content = form.get("file")
        if not isinstance(content, tuple):
            raise bad_request("file is required when hosted is false")
        filename, data, content_type = content
        if len(data) > MAX_UPLOAD_BYTES:
            raise too_large()
        media.update(
            name=str(form.get("name") or filename),
            size=len(data),
            contentType=content_type,
            sha256=hashlib.sha256(data).hexdigest(),
        )
    store.insert("medias", media)
    media.setdefault("url", f"{call.base_url}/_sandbox/media/{media['id']}/{media['name']}")
    return {"fileId": media["id"], "url": media["url"]}


@handles(SPEC, "delete-media-content")
def delete(call: Call) -> JsonDict:
    call.store.remove("medias", call.store.get("medias", call.path["id"], "File")["id"])
    return {}


@handles(SPEC, "fetch-media-content")
def listing(call: Call) -> JsonDict:
    """The location's files: ``query`` matches names, ``sortBy``/``sortOrder``, ``offset``/``limit`` page."""
    for name in ("sortBy", "sortOrder", "type", "altType", "altId"):
        call.require_query(name)
    if call.query["altId"] != call.store.location_id:
        raise bad_request("altId must be the location of the token")
    files = [m for m in call.store.table("medias").values() if call.query["type"] in ("file", "")]
    if call.query.get("query"):
        needle = call.query["query"].lower()
        files = [m for m in files if needle in str(m.get("name", "")).lower()]
    key = call.query["sortBy"] if call.query["sortBy"] in ("name", "dateAdded") else "dateAdded"
    files.sort(key=lambda m: str(m.get(key, "")), reverse=call.query["sortOrder"].lower() == "desc")
    offset, limit = call.int_query("offset", 0), call.int_query("limit", 100, maximum=100) or 100
    shown = files[offset : offset + limit]
    view = ("id", "name", "url", "parentId", "altId", "altType", "dateAdded", "size", "contentType")
    here = {"altType": "location", "altId": call.store.location_id}
    return {"files": [{**here, **{k: m[k] for k in view if m.get(k) is not None}} for m in shown]}
