"""Settings mistakes as one line: which file or variable, which key, what it may be.

Unknown keys are refused rather than ignored, with the nearest known key suggested: a typo in
``hlmap.toml`` would otherwise leave a default in force without anyone noticing.
"""

from __future__ import annotations

import os
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from assistant.errors import HlmapError, did_you_mean

ENV_PREFIX = "HLMAP_"


def leaf_fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """``{"llm.model": FieldInfo, "project": FieldInfo, ...}`` for every setting."""
    out: dict[str, FieldInfo] = {}
    for name, info in model.model_fields.items():
        if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
            out.update({f"{name}.{sub}": sub_info for sub, sub_info in info.annotation.model_fields.items()})
        else:
            out[name] = info
    return out


def read_toml(path: Path, model: type[BaseModel]) -> dict[str, Any]:
    """The file's settings, refusing bad TOML and unknown keys by name."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise HlmapError(f"{path}: not valid TOML: {exc}") from None
    known = leaf_fields(model)
    groups = {key.split(".", 1)[0] for key in known if "." in key}
    for key, value in data.items():
        names = [f"{key}.{sub}" for sub in value] if isinstance(value, dict) and key in groups else [key]
        for name in names:
            if name not in known:
                raise HlmapError(f"{path}: unknown key {name!r}{_suggest(name, known, groups)}")
    return data


def _suggest(name: str, known: Mapping[str, FieldInfo], groups: set[str]) -> str:
    group, _, leaf = name.rpartition(".")
    if group in groups:
        siblings = [k.split(".", 1)[1] for k in known if k.startswith(group + ".")]
        hint = did_you_mean(leaf, siblings).replace("did you mean '", f"did you mean '{group}.")
        return f" ([{group}] keys: {', '.join(siblings)}){hint}"
    top = [k for k in known if "." not in k] + sorted(groups)
    listed = ", ".join(k if k not in groups else f"[{k}]" for k in top)
    return f" (top-level keys: {listed}){did_you_mean(name, top)}"


def env_variable(key: str) -> str:
    return ENV_PREFIX + key.replace(".", "__").upper()


def check_environment(model: type[BaseModel], environ: Mapping[str, str] | None = None) -> None:
    """Refuse an ``HLMAP_*`` variable that looks like a setting but names none."""
    known = leaf_fields(model)
    groups = {key.split(".", 1)[0] for key in known if "." in key}
    variables = {env_variable(k): k for k in known}
    for name in environ if environ is not None else os.environ:
        upper = name.upper()
        if not upper.startswith(ENV_PREFIX) or upper in variables:
            continue
        rest = upper[len(ENV_PREFIX) :].lower()
        looks_like_setting = (
            "__" in rest or rest.split("_", 1)[0] in groups or bool(did_you_mean(rest, known))
        )
        if looks_like_setting:
            hint = did_you_mean(upper, variables)
            raise HlmapError(
                f"{name}: no such setting"
                f"{hint or ' (variables are HLMAP_<GROUP>__<KEY>, e.g. HLMAP_LLM__MODEL)'}"
            )


def explain(
    exc: ValidationError, model: type[BaseModel], toml_path: Path | None, toml: dict[str, Any]
) -> HlmapError:
    """The first validation error as one line naming where the value came from and what is allowed."""
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"])
    info = leaf_fields(model).get(key)
    variable = env_variable(key)
    if variable in {n.upper() for n in os.environ}:
        where = variable
    elif toml_path is not None and _in_toml(toml, key):
        where = f"{toml_path}: {key}"
    else:
        where = f"setting {key}"
    allowed = f"; allowed: {allowed_values(info)}" if info is not None else ""
    return HlmapError(f"{where} = {error.get('input')!r} is not valid{allowed}")


def _in_toml(toml: dict[str, Any], key: str) -> bool:
    node: Any = toml
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def allowed_values(info: FieldInfo) -> str:
    annotation: Any = info.annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    optional = len(args) < len(typing.get_args(annotation))
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if typing.get_origin(annotation) is Literal:
        text = ", ".join(str(a) for a in typing.get_args(annotation))
    elif annotation is bool:
        text = "true, false"
    elif annotation in (int, float):
        text = ("a whole number" if annotation is int else "a number") + _bounds(info)
    else:
        text = "text"
    return f"{text} (or leave it out)" if optional else text


def _bounds(info: FieldInfo) -> str:
    parts = []
    for meta in info.metadata:
        for kind, attr, word in ((Ge, "ge", ">="), (Gt, "gt", ">"), (Le, "le", "<="), (Lt, "lt", "<")):
            if isinstance(meta, kind):
                parts.append(f"{word} {getattr(meta, attr)}")
    return f" {' and '.join(parts)}" if parts else ""
