"""What an update may send: the keys whose source value changed since this operation last wrote them,
minus those someone changed in HighLevel since (conflicts, reported and left as they are).

Pure functions over three views of one record: ``desired`` (the body the source asks for now),
``written`` (what earlier runs of the same operation wrote) and ``current`` (HighLevel, read back).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.execute.diff import custom_value

SKIP = frozenset({"locationId"})


@dataclass(frozen=True)
class Conflict:
    key: str
    written: Any
    destination: Any
    source: Any


@dataclass
class UpdateDiff:
    body: dict[str, Any] = field(default_factory=dict)  # keys to PUT
    add_tags: list[str] = field(default_factory=list)
    remove_tags: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    previous: dict[str, Any] = field(default_factory=dict)  # what HighLevel held, for rollback

    @property
    def empty(self) -> bool:
        return not (self.body or self.add_tags or self.remove_tags)


def norm(value: Any) -> Any:
    """A value as compared: HighLevel lower-cases emails and tags, formats numbers its own way."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, list):
        return sorted(str(norm(v)) for v in value)
    text = str(value).strip().casefold()
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return text


def same(a: Any, b: Any) -> bool:
    return bool(norm(a) == norm(b))


def custom_map(items: Any) -> dict[str, Any]:
    if isinstance(items, dict):
        return dict(items)
    return {str(i["id"]): custom_value(i) for i in items or [] if isinstance(i, dict) and i.get("id")}


def _verdict(want: Any, written: dict[str, Any], key: str, have: Any) -> str:
    """send | skip | conflict for one key."""
    if key in written and same(want, written[key]):
        return "skip"  # the source did not change it since the last write
    if same(have, want):
        return "skip"  # HighLevel already holds it
    edited = not same(have, written[key]) if key in written else norm(have) is not None
    return "conflict" if edited and written else "send"


def diff_update(
    desired: dict[str, Any], written: dict[str, Any], current: dict[str, Any], tag_endpoints: bool
) -> UpdateDiff:
    out = UpdateDiff()
    for key, want in desired.items():
        if key in SKIP or key == "customFields" or (key == "tags" and tag_endpoints):
            continue
        verdict = _verdict(want, written, key, current.get(key))
        if verdict == "conflict":
            out.conflicts.append(Conflict(key, written.get(key), current.get(key), want))
        elif verdict == "send":
            out.body[key], out.previous[key] = want, current.get(key)
    _custom_fields(out, desired, written, current)
    if tag_endpoints and "tags" in desired:
        _tags(out, desired["tags"], written.get("tags"), current.get("tags"))
    return out


def _custom_fields(out: UpdateDiff, desired: dict[str, Any], written: dict[str, Any], current: Any) -> None:
    want = custom_map(desired.get("customFields"))
    had = custom_map(written.get("customFields"))
    have = custom_map(current.get("customFields"))
    for fid, value in want.items():
        verdict = _verdict(value, had, fid, have.get(fid))
        if verdict == "conflict":
            out.conflicts.append(Conflict(f"customFields.{fid}", had.get(fid), have.get(fid), value))
        elif verdict == "send":
            out.body.setdefault("customFields", []).append({"id": fid, "field_value": value})
            out.previous.setdefault("customFields", []).append({"id": fid, "field_value": have.get(fid)})


def _tags(out: UpdateDiff, want: Any, written: Any, current: Any) -> None:
    """Only the tags the source added or dropped move; tags users added in HighLevel stay."""
    wanted = {str(t).strip().casefold() for t in want or []}
    wrote = {str(t).strip().casefold() for t in written or []}
    out.add_tags = sorted(wanted - wrote)
    out.remove_tags = sorted(wrote - wanted)
    if out.add_tags or out.remove_tags:
        out.previous["tags"] = list(current or [])
