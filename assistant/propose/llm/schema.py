"""The answer the model must give, built per source object so the schema itself grounds it.

The answer is an object with one required property per column of the request, each holding an
``option`` that is an enum of exactly that column's options. With schema-constrained decoding
the model cannot skip a column, invent one, or pick another column's option; without it,
validation reports the same mistakes in words that tell the model how to fix them when
instructor re-asks.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, create_model, model_validator


class ColumnChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    option: str
    confidence: float = Field(ge=0.0, le=1.0)
    rationale: str = Field(max_length=400)


class ObjectChoicesBase(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def grounded_in_request(self, info: ValidationInfo) -> ObjectChoicesBase:
        allowed: dict[str, list[str]] = (info.context or {}).get("options", {})
        problems = []
        for column, choice in self.by_column().items():
            if allowed and choice.option not in allowed.get(column, []):
                problems.append(
                    f"option '{choice.option}' is not offered for column '{column}'; "
                    f"choose one of: {', '.join(allowed.get(column, []))}"
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def by_column(self) -> dict[str, ColumnChoice]:
        """Choices keyed by the source column names (the JSON property names)."""
        return {(info.alias or name): getattr(self, name) for name, info in type(self).model_fields.items()}


def answer_model(options: dict[str, list[str]]) -> type[ObjectChoicesBase]:
    """A response model with one required property per column, its option an enum of its own ids."""
    fields: dict[str, Any] = {}
    for index, (column, ids) in enumerate(options.items()):
        option_type: Any = Literal[tuple(ids)]
        choice = create_model(f"Choice{index}", __base__=ColumnChoice, option=(option_type, ...))
        fields[f"column_{index}"] = (choice, Field(..., alias=column))
    return create_model("ObjectChoices", __base__=ObjectChoicesBase, **fields)
