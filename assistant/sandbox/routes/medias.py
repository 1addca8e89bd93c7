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
