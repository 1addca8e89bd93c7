"""Which token a run into a location uses: the location's own, else one the agency token obtains."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from assistant.highlevel.agency import AgencyClient
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import CredentialsMissing, HighLevelError
from assistant.settings import HighLevelSettings


async def location_client(
    settings: HighLevelSettings, location_id: str, agency: AgencyClient | None, *, use_env: bool = True
) -> HighLevelClient:
    """A client for ``location_id``: its token from the environment (``use_env``) or the keyring, or
    its OAuth refresh token, else a location token obtained with the agency token."""
    if not location_id:
        raise HighLevelError(
            "a HighLevel location id is required: --location-id, or location_id in hlmap.toml"
        )
    own = settings if use_env else settings.model_copy(update={"token_env": ""})
    try:  # the location's own access token, or its OAuth refresh token
        return HighLevelClient.from_settings(own, location_id)
    except CredentialsMissing as missing:
        if agency is None:
            raise CredentialsMissing(
                f"{missing}, or give an agency token in {settings.agency_token_env} (or keyring hlmap/agency)"
            ) from None
    return HighLevelClient.from_settings(settings, location_id, await agency.location_token(location_id))


@asynccontextmanager
async def connect(
    settings: HighLevelSettings, location_id: str, *, use_env: bool = True
) -> AsyncIterator[tuple[HighLevelClient, AgencyClient | None]]:
    """The location's client and the agency client (None without an agency token), closed after."""
    agency = AgencyClient.from_settings(settings)
    try:
        async with await location_client(settings, location_id, agency, use_env=use_env) as hl:
            yield hl, agency
    finally:
        if agency is not None:
            await agency.aclose()
