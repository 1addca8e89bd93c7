"""The stand-in as an agency: several locations, agency and location tokens, per-location state and
rate limit, custom object schemas only with the agency token, and HighLevel's custom object cap."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(locations=3, rate_limit=100_000)
OAUTH = "2021-07-28"


@pytest.fixture(autouse=True)
def _clean(sandbox: SandboxHandle) -> Iterator[None]:
    sandbox.admin("POST", "limits", {"max": 100_000, "windowSeconds": 10})
    sandbox.admin("POST", "reset")
    yield


def _others(sandbox: SandboxHandle) -> list[str]:
    return [loc for loc in sandbox.tokens if loc != sandbox.location_id]


def location_token(sandbox: SandboxHandle, location_id: str, token: str | None = None) -> httpx.Response:
    return httpx.post(
        f"{sandbox.url}/oauth/locationToken",
        data={"companyId": sandbox.company_id, "locationId": location_id},
        headers=sandbox.headers(OAUTH, token=token or sandbox.agency_token),
        timeout=10,
    )


def _contact(sandbox: SandboxHandle, location_id: str, token: str, email: str) -> httpx.Response:
    return httpx.post(
        f"{sandbox.url}/contacts/",
        json={"locationId": location_id, "email": email, "firstName": "A"},
        headers=sandbox.headers(token=token),
        timeout=10,
    )


def test_agency_token_mints_location_tokens_that_reach_only_their_location(sandbox: SandboxHandle) -> None:
    second = _others(sandbox)[0]
    answer = location_token(sandbox, second)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["locationId"] == second and body["token_type"] == "Bearer" and body["userId"]
    minted = body["access_token"]
    assert _contact(sandbox, second, minted, "a@x.test").status_code == 201
    assert _contact(sandbox, sandbox.location_id, minted, "a@x.test").status_code == 403
    # each location keeps its own records: the same email lands in the first one too
    assert _contact(sandbox, sandbox.location_id, sandbox.token, "a@x.test").status_code == 201
    assert len(sandbox.admin("GET", "records/contacts", location=second)["records"]) == 1
    assert _contact(sandbox, second, sandbox.agency_token, "b@x.test").status_code == 401


def test_location_token_needs_the_agency_token_and_its_company(sandbox: SandboxHandle) -> None:
    second = _others(sandbox)[0]
    assert location_token(sandbox, second, token=sandbox.token).status_code == 401
    assert location_token(sandbox, "NoSuchLocation000000").json()["message"] == "Location not found"
    stranger = httpx.post(
        f"{sandbox.url}/oauth/locationToken",
        data={"companyId": "SomeOtherCompany0000", "locationId": second},
        headers=sandbox.headers(OAUTH, token=sandbox.agency_token),
        timeout=10,
    )
    assert stranger.status_code == 400
    missing = httpx.post(
        f"{sandbox.url}/oauth/locationToken",
        data={"locationId": second},
        headers=sandbox.headers(OAUTH, token=sandbox.agency_token),
        timeout=10,
    )
    assert missing.status_code == 422 and "companyId should not be empty" in missing.json()["message"]


def test_each_location_has_its_own_burst_limit(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "limits", {"max": 3, "windowSeconds": 5})
    first, second = sandbox.location_id, _others(sandbox)[0]
    for location_id in (first, second):
        token = sandbox.tokens[location_id]
        statuses = [
            httpx.get(
                f"{sandbox.url}/locations/{location_id}", headers=sandbox.headers(token=token), timeout=10
            ).status_code
            for _ in range(4)
        ]
        assert statuses == [200, 200, 200, 429], location_id


def test_revoked_location_tokens_are_refused_while_the_others_work(sandbox: SandboxHandle) -> None:
    third = _others(sandbox)[1]
    minted = location_token(sandbox, third).json()["access_token"]
    assert sandbox.admin("POST", "revoke", {"locationId": third})["revoked"] == 2
    for token in (minted, sandbox.tokens[third]):
        refused = _contact(sandbox, third, token, "r@x.test")
        assert refused.status_code == 401 and refused.json()["message"].startswith("Invalid token")
    assert _contact(sandbox, sandbox.location_id, sandbox.token, "r@x.test").status_code == 201
    fresh = location_token(sandbox, third).json()["access_token"]  # a new install works again
    assert _contact(sandbox, third, fresh, "r@x.test").status_code == 201


def _schema(key: str, location_id: str) -> dict[str, object]:
    return {
        "labels": {"singular": key.title(), "plural": f"{key.title()}s"},
        "key": f"custom_objects.{key}",
        "locationId": location_id,
        "primaryDisplayPropertyDetails": {
            "key": f"custom_objects.{key}.name",
            "name": "Name",
            "dataType": "TEXT",
        },
    }


def test_custom_object_schemas_need_the_agency_token_and_stop_at_ten(sandbox: SandboxHandle) -> None:
    second = _others(sandbox)[0]
    url = f"{sandbox.url}/objects/"
    by_location = httpx.post(
        url, json=_schema("job", second), headers=sandbox.headers(token=sandbox.tokens[second])
    )
    assert by_location.status_code == 401
    agency = sandbox.headers(token=sandbox.agency_token)
    created = httpx.post(url, json=_schema("job", second), headers=agency)
    assert created.status_code == 201 and created.json()["object"]["locationId"] == second
    listed = httpx.get(
        url, params={"locationId": second}, headers=sandbox.headers(token=sandbox.tokens[second])
    )
    assert "custom_objects.job" in [o["key"] for o in listed.json()["objects"]]
    first = httpx.get(url, params={"locationId": sandbox.location_id}, headers=sandbox.headers())
    assert "custom_objects.job" not in [o["key"] for o in first.json()["objects"]]
    for index in range(8):  # the seeded pets and job already: ten in all
        assert httpx.post(url, json=_schema(f"thing{index}", second), headers=agency).status_code == 201
    over = httpx.post(url, json=_schema("eleventh", second), headers=agency)
    assert over.status_code == 400 and "at most 10 custom objects" in over.json()["message"]


def test_a_scheduled_revoke_lands_after_the_named_number_of_requests(sandbox: SandboxHandle) -> None:
    second = _others(sandbox)[0]
    token = sandbox.tokens[second]
    sandbox.admin("POST", "revoke", {"locationId": second, "afterRequests": 2})
    url = f"{sandbox.url}/locations/{second}"
    headers = sandbox.headers(token=token)
    statuses = [httpx.get(url, headers=headers, timeout=10).status_code for _ in range(3)]
    assert statuses == [200, 200, 401]
