"""One typed settings model: hlmap.toml < HLMAP_* environment < command-line flags.

Field docstrings are the reference documentation (``hlmap`` prints them in the README table).
Nested groups map to TOML tables (``[llm]``) and to ``HLMAP_LLM__MODEL``-style variables.
Secrets are never settings: tokens come from the environment or the OS keyring at the moment
they are needed, so they never reach ``hlmap.toml`` or the workspace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from assistant.settings_errors import check_environment, explain, read_toml


class IngestSettings(BaseModel):
    chunk_rows: int = Field(50_000, ge=1_000)
    """Rows read per batch when streaming a large file (memory stays bounded by this)."""

    encoding: str | None = None
    """Force a text encoding for CSV/TSV (default: detected per file)."""

    delimiter: str | None = None
    """Force a CSV delimiter (default: detected per file)."""

    repair_lines: bool = True
    """Read back CSV lines with a wrong field count that the file's good rows single out (meta.repairs)."""


class ProfileSettings(BaseModel):
    picklist_max_distinct: int = 30
    """A column with at most this many distinct values (and repetition) is a pick-list."""

    sample_values: int = 5
    """How many sample values each column profile keeps."""

    default_country: str | None = None
    """ISO country used for phone numbers without a prefix (default: inferred from the data)."""


class ProposeSettings(BaseModel):
    backend: Literal["offline", "llm"] = "offline"
    """Which proposer runs: the embedded offline one, or an OpenAI-compatible LLM."""

    confidence_threshold: float = Field(0.7, ge=0.0, le=1.0)
    """Proposals below this confidence are flagged for a human and never bulk-accepted."""

    fallback_owner_email: str | None = None
    """Destination user who owns records whose source owner matches no HighLevel user."""

    top_k: int = 5
    """Candidates retrieved per source column and shown to the LLM."""


class LLMSettings(BaseModel):
    model: str = "gpt-4o-mini"
    """Model name sent to the OpenAI-compatible endpoint."""

    base_url: str | None = None
    """Endpoint URL; default is OPENAI_BASE_URL or OpenAI itself."""

    mode: Literal["auto", "json_schema", "tools", "json"] = "auto"
    """Structured-output mode; auto picks strict json_schema for OpenAI, JSON-schema mode elsewhere."""

    max_retries: int = Field(2, ge=0, le=5)
    """Re-asks after a validation failure before falling back to the offline proposal."""

    send_values: bool = True
    """Send sample source values to the model; false keeps every raw value on this machine."""

    timeout_seconds: float = 120.0
    """Per-call timeout."""

    max_tokens: int = 4096
    """Upper bound on the tokens of one answer."""

    max_columns_per_call: int = Field(10, ge=1)
    """Columns asked about in one call; wider source objects are asked in several parts."""

    price_input_per_million: float = 0.0
    """Price of a million input tokens in USD, for the cost estimate (0 for a local model)."""

    price_output_per_million: float = 0.0
    """Price of a million output tokens in USD, for the cost estimate."""


class HighLevelSettings(BaseModel):
    base_url: str = "https://services.leadconnectorhq.com"
    """API root; point it at ``hlmap sandbox serve`` to rehearse locally."""

    location_id: str | None = None
    """The sub-account (location) being migrated into."""

    token_env: str = "HIGHLEVEL_TOKEN"
    """Environment variable holding the Private Integration Token or OAuth access token."""

    agency_token_env: str = "HIGHLEVEL_AGENCY_TOKEN"
    """Variable holding an agency token (else keyring hlmap/agency): location tokens, custom objects."""
    oauth_client_id: str | None = None
    """Client id of the OAuth app whose refresh token renews expired access tokens (not a secret)."""

    refresh_token_env: str = "HIGHLEVEL_REFRESH_TOKEN"
    """Variable holding an OAuth refresh token (else keyring ``hlmap`` / ``LOCATION:refresh_token``)."""

    client_secret_env: str = "HIGHLEVEL_CLIENT_SECRET"
    """Variable holding the OAuth app's secret (else keyring ``hlmap`` / ``CLIENT_ID:client_secret``)."""

    requests_per_window: int = 100
    """HighLevel's burst limit per location."""

    window_seconds: float = 10.0
    """Length of the burst window."""

    max_retries: int = 5
    """Retries after a 5xx, a timeout or a dropped connection before an operation is marked failed."""

    max_rate_limited_retries: int = 30
    """Resends after a 429 (never processed by HighLevel, so safe to resend) before giving up."""

    timeout_seconds: float = 30.0
    """Per-request timeout; a create that times out is looked up before it is sent again."""

    daily_requests: int = 200_000
    """HighLevel's daily request budget per location (the plan says how many days a run needs)."""

    wait_for_daily_reset: bool = True
    """When the daily budget is spent, pause and resume at its reset (false: stop the run there)."""


class ExecuteSettings(BaseModel):
    sample_size: int = Field(100, ge=1, le=500)
    """Records in a sample run (the seeds call for 50–500)."""

    max_file_mb: float = 25.0
    """Files above this size are linked from a note instead of uploaded."""

    audit_payloads: bool = False
    """Write full request payloads (PII) into the audit log."""

    currency: str = ""
    """ISO code of the prices created for catalog products; blank: the location country's currency."""

    verify_read_share: float = Field(0.05, gt=0.0, le=1.0)
    """Read requests `hlmap verify` may spend, as a share of the migration's write requests."""

    source_timezone: str | None = None
    """IANA zone of source times without an offset (due dates, appointment times); blank: the location's."""

    conversation_provider_id: str | None = None
    """Id of the custom conversation provider set up in the location; history messages need one."""

    history_as_notes: bool = False
    """Without a provider, carry calls and e-mails as dated notes on their contact (else: refuse the run)."""
    tax_rate: float | None = Field(None, ge=0.0, le=100.0)
    """Tax rate (percent) of document lines a Yes/No taxable column marks taxable, when no rate is mapped."""

    @field_validator("source_timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(
                    f"unknown time zone {value!r} (an IANA name such as 'Europe/Madrid')"
                ) from None
        return value


class MemorySettings(BaseModel):
    enabled: bool = True
    """Record each confirmed map in the memory file and reuse it in ``propose``; false turns both off."""

    path: str = "~/.config/hlmap/memory.yaml"
    """The memory of confirmed maps (YAML a team can share); a relative path is read from the workspace."""


class Settings(BaseSettings):
    """All settings of one workspace."""

    model_config = SettingsConfigDict(
        env_prefix="HLMAP_", env_nested_delimiter="__", extra="ignore", validate_default=True
    )

    project: str = "migration"
    """A label for this migration project, shown in reports."""

    ingest: IngestSettings = IngestSettings()
    profile: ProfileSettings = ProfileSettings()
    propose: ProposeSettings = ProposeSettings()
    llm: LLMSettings = LLMSettings()
    highlevel: HighLevelSettings = HighLevelSettings()
    execute: ExecuteSettings = ExecuteSettings()
    memory: MemorySettings = MemorySettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = _TOML_PATH.get("path")
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_path is not None and toml_path.exists():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        return tuple(sources)


_TOML_PATH: dict[str, Path | None] = {"path": None}


def load_settings(toml_path: Path | None, overrides: dict[str, Any] | None = None) -> Settings:
    """Settings from ``toml_path`` < environment < ``overrides`` (flags, nested dicts allowed).

    A bad value or an unknown key raises one ``HlmapError`` line naming the file or variable.
    """
    toml = read_toml(toml_path, Settings) if toml_path is not None and toml_path.exists() else {}
    check_environment(Settings)
    _TOML_PATH["path"] = toml_path
    try:
        return Settings(**(overrides or {}))
    except ValidationError as exc:
        raise explain(exc, Settings, toml_path, toml) from None
    finally:
        _TOML_PATH["path"] = None
