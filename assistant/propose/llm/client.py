"""An instructor client over any OpenAI-compatible endpoint, with the right structured-output mode.

Modes (``llm.mode``):
- ``json_schema``: OpenAI-style strict ``response_format: json_schema`` — OpenAI, Azure OpenAI,
  vLLM, LM Studio and Ollama's OpenAI endpoint accept it.
- ``tools``: the answer schema as a forced function call, for servers with tool calling only.
- ``json``: ``response_format: json_object`` carrying the schema — the JSON-schema mode of the
  llama.cpp server (and llama-cpp-python), which constrains decoding to the schema.
- ``auto``: ``json_schema`` for OpenAI and Azure endpoints, ``json`` for everything else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import instructor
from openai import OpenAI
from pydantic import BaseModel

from assistant.settings import LLMSettings

# A local server needs no key, but the openai client insists on one; this placeholder is not a secret.
_LOCAL_PLACEHOLDER_KEY = "sk-local-no-key"
_OPENAI_HOSTS = ("api.openai.com", "openai.azure.com")


def resolve_mode(settings: LLMSettings, base_url: str | None) -> str:
    if settings.mode != "auto":
        return settings.mode
    if base_url is None or any(host in base_url for host in _OPENAI_HOSTS):
        return "json_schema"
    return "json"


_INSTRUCTOR_MODE = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
}


@dataclass
class Usage:
    """Tokens and attempts of one logical call, retries included."""

    attempts: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    errors: list[str] = field(default_factory=list)

    def add_completion(self, completion: Any) -> None:
        self.attempts += 1
        usage = getattr(completion, "usage", None)
        if usage is not None:
            self.tokens_in += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.tokens_out += int(getattr(usage, "completion_tokens", 0) or 0)


class StructuredClient:
    """Asks for one validated answer; usage of every attempt is counted."""

    def __init__(self, settings: LLMSettings, model: str | None = None) -> None:
        self.settings = settings
        self.model = model or settings.model
        self.base_url = settings.base_url or os.environ.get("OPENAI_BASE_URL")
        self.mode = resolve_mode(settings, self.base_url)
        raw = OpenAI(
            api_key=os.environ.get("OPENAI_API_KEY") or _LOCAL_PLACEHOLDER_KEY,
            base_url=self.base_url,
            timeout=settings.timeout_seconds,
            max_retries=2,
        )
        self._client = instructor.from_openai(raw, mode=_INSTRUCTOR_MODE[self.mode])

    def __repr__(self) -> str:  # never shows the key
        return f"StructuredClient(model={self.model!r}, base_url={self.base_url!r}, mode={self.mode!r})"

    def request_payload(self, messages: list[dict[str, str]], answer: type[BaseModel]) -> dict[str, Any]:
        """Everything that decides the answer: the cache key is its hash."""
        return {
            "model": self.model,
            "mode": self.mode,
            "messages": messages,
            "schema": answer.model_json_schema(),
            "temperature": 0,
            "max_retries": self.settings.max_retries,
        }

    def ask(
        self, messages: list[dict[str, str]], answer: type[BaseModel], context: dict[str, Any], usage: Usage
    ) -> BaseModel:
        """One validated answer; every attempt's tokens and validation errors land in ``usage``."""

        def on_response(completion: Any) -> None:
            usage.add_completion(completion)

        def on_parse_error(error: Any) -> None:
            usage.errors.append(str(error)[:300])

        self._client.on("completion:response", on_response)
        self._client.on("parse:error", on_parse_error)
        try:
            result = self._client.chat.completions.create(
                model=self.model,
                response_model=answer,
                messages=messages,  # type: ignore[arg-type]
                max_retries=self.settings.max_retries,
                context=context,
                temperature=0,
                seed=0,
                max_tokens=self.settings.max_tokens,
                **self._schema_kwargs(answer),
            )
        finally:
            self._client.off("completion:response", on_response)
            self._client.off("parse:error", on_parse_error)
        return result

    def _schema_kwargs(self, answer: type[BaseModel]) -> dict[str, Any]:
        if self.mode != "json":
            return {}
        # llama.cpp constrains decoding when the schema rides inside response_format.
        return {
            "extra_body": {"response_format": {"type": "json_object", "schema": answer.model_json_schema()}}
        }
