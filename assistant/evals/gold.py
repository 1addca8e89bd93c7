"""Reading ``gold.yaml``: strict, so that a typo in a gold file fails loudly instead of scoring 0.

Every error names the file and the YAML path of the bad entry (``fields.clients.email``).
The format is documented in ``evals/README.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from assistant.errors import HlmapError
from assistant.evals.gold_models import (
    SKIP,
    Gold,
    GoldColumn,
    GoldTarget,
    ObjectReading,
    Reading,
    StageAnswer,
)
from assistant.mapping.models import DataType, FieldModel, OpportunityStatus, TargetObject

_OBJECTS = {o.value for o in TargetObject}
_MODELS = {m.value for m in FieldModel}
_TYPES = {t.value for t in DataType}
_STATUSES = {s.value for s in OpportunityStatus}
_SECTIONS = {"case", "objects", "fields", "stages", "tags", "owners"}


class GoldError(HlmapError):
    def __init__(self, file: Path, where: str, message: str) -> None:
        super().__init__(f"{file}: {where}: {message}")


def load_gold(path: Path, name: str | None = None) -> Gold:
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise HlmapError(f"{path}: gold file not found") from exc
    except yaml.YAMLError as exc:
        raise HlmapError(f"{path}: not valid YAML: {exc}") from exc
    return parse_gold(data, path, name or path.parent.name)


def parse_gold(data: Any, path: Path, name: str) -> Gold:
    p = _Parser(path)
    root = p.mapping(data, "(top level)")
    unknown = set(root) - _SECTIONS
    if unknown:
        raise GoldError(
            path, "(top level)", f"unknown section(s) {sorted(unknown)}; allowed: {sorted(_SECTIONS)}"
        )
    gold = Gold(name=str(root.get("case") or name))
    for obj, value in p.mapping(root.get("objects"), "objects").items():
        gold.objects[str(obj)] = p.object_readings(value, f"objects.{obj}")
    for obj, columns in p.mapping(root.get("fields"), "fields").items():
        table = p.mapping(columns, f"fields.{obj}")
        gold.fields[str(obj)] = {str(c): p.column(v, f"fields.{obj}.{c}") for c, v in table.items()}
    for where, values in p.mapping(root.get("stages"), "stages").items():
        obj, _, col = str(where).partition(".")
        if not col:
            raise GoldError(path, f"stages.{where}", "key must be <source_object>.<column>")
        for value, answer in p.mapping(values, f"stages.{where}").items():
            gold.stages[(obj, col, str(value))] = p.stage_answers(answer, f"stages.{where}.{value}")
    for canonical, members in p.mapping(root.get("tags"), "tags").items():
        gold.tags[str(canonical)] = p.strings(members, f"tags.{canonical}")
    for obj, keys in p.mapping(root.get("owners"), "owners").items():
        for key, user in p.mapping(keys, f"owners.{obj}").items():
            gold.owners[(str(obj), str(key))] = tuple(p.strings(_any_of(user), f"owners.{obj}.{key}"))
    return gold


def _any_of(value: Any) -> list[Any]:
    if isinstance(value, dict) and set(value) == {"any_of"}:
        return list(value["any_of"])
    return [value]


class _Parser:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> GoldError:
        return GoldError(self.path, where, message)

    def mapping(self, value: Any, where: str) -> dict[Any, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(where, f"expected a mapping, got {type(value).__name__}")
        return value

    def strings(self, value: Any, where: str) -> list[str]:
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str | int) for v in items):
            raise self.fail(where, "expected a string or a list of strings")
        return [str(v) for v in items]

    def column(self, value: Any, where: str) -> GoldColumn:
        readings = tuple(self.reading(v, where) for v in _any_of(value))
        if not readings:
            raise self.fail(where, "any_of needs at least one reading")
        return GoldColumn(readings)

    def reading(self, value: Any, where: str) -> Reading:
        items = value if isinstance(value, list) else [value]
        targets = tuple(self.target(v, where) for v in items)
        if not targets:
            raise self.fail(where, "empty target list (write `skip` to say the column is not migrated)")
        if SKIP in targets and len(targets) > 1:
            raise self.fail(where, "skip cannot be combined with other targets in one reading")
        return targets

    def target(self, value: Any, where: str) -> GoldTarget:
        if value == "skip":
            return SKIP
        if isinstance(value, str):
            obj, dot, fld = value.partition(".")
            if not dot or obj not in _OBJECTS or not fld:
                raise self.fail(
                    where,
                    f"{value!r}: expected skip, <object>.<field> (objects: {sorted(_OBJECTS)})"
                    " or {custom: <model>, type: <dataType>}",
                )
            return GoldTarget("standard", object=obj, field=fld)
        if isinstance(value, dict) and "custom" in value:
            return self.custom(value, where)
        raise self.fail(where, f"{value!r}: not a target")

    def custom(self, value: dict[str, Any], where: str) -> GoldTarget:
        unknown = set(value) - {"custom", "type", "key", "object_key"}
        if unknown:
            raise self.fail(where, f"unknown custom-field key(s) {sorted(unknown)}")
        model = str(value["custom"])
        if model not in _MODELS:
            raise self.fail(where, f"custom model {model!r} not one of {sorted(_MODELS)}")
        types = tuple(self.strings(value.get("type", []), where))
        bad = [t for t in types if t not in _TYPES]
        if bad:
            raise self.fail(where, f"dataType(s) {bad} not one of {sorted(_TYPES)}")
        key = value.get("key")
        object_key = value.get("object_key")
        return GoldTarget(
            "custom",
            model=model,
            data_types=types,
            key=str(key) if key else None,
            object_key=str(object_key) if object_key else None,
        )

    def object_readings(self, value: Any, where: str) -> tuple[ObjectReading, ...]:
        return tuple(self.object_reading(v, where) for v in _any_of(value))

    def object_reading(self, value: Any, where: str) -> ObjectReading:
        if isinstance(value, dict):
            unknown = set(value) - {"include", "allow"}
            if unknown:
                raise self.fail(where, f"unknown key(s) {sorted(unknown)}; use include/allow")
            include, allow = value.get("include", []), value.get("allow", [])
        else:
            include, allow = value, []
        inc = frozenset(self.object_name(v, where) for v in self.strings(include, where))
        alw = frozenset(self.object_name(v, where) for v in self.strings(allow, where))
        if not inc:
            raise self.fail(where, "include needs at least one target object")
        return ObjectReading(inc, alw)

    def object_name(self, value: str, where: str) -> str:
        if value.split(":", 1)[0] not in _OBJECTS:
            raise self.fail(where, f"{value!r}: not a target object ({sorted(_OBJECTS)})")
        return value

    def stage_answers(self, value: Any, where: str) -> tuple[StageAnswer, ...]:
        return tuple(self.stage_answer(v, where) for v in _any_of(value))

    def stage_answer(self, value: Any, where: str) -> StageAnswer:
        if value == "flag":
            return StageAnswer(flag=True)
        spec = self.mapping(value, where)
        unknown = set(spec) - {"stage", "status", "pipeline"}
        if unknown:
            raise self.fail(where, f"unknown key(s) {sorted(unknown)}; use stage/status/pipeline or `flag`")
        status = spec.get("status")
        if status is not None and status not in _STATUSES:
            raise self.fail(where, f"status {status!r} not one of {sorted(_STATUSES)}")
        stages = tuple(self.strings(spec["stage"], where)) if "stage" in spec else ()
        pipeline = spec.get("pipeline")
        return StageAnswer(stages, status, str(pipeline) if pipeline else None)
