"""Retry timing, Retry-After parsing, error parsing and token secrecy."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from assistant.highlevel.auth import Secret, resolve_token
from assistant.highlevel.errors import (
    BadRequest,
    CredentialsMissing,
    DuplicateContact,
    DuplicateOpportunity,
    Forbidden,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
    Unprocessable,
    error_for,
    parse_body,
)
from assistant.highlevel.retry import RetryPolicy, rate_limit_wait, retry_after_seconds


def test_backoff_grows_exponentially_with_bounded_jitter() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=8.0, rng=random.Random(7))
    for attempt, ceiling in enumerate([0.5, 1.0, 2.0, 4.0, 8.0, 8.0]):
        delays = {policy.backoff(attempt) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1  # jittered


def test_retry_after_as_seconds_or_http_date() -> None:
    assert retry_after_seconds({"Retry-After": "3"}) == 3.0
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds({"retry-after": "Thu, 01 Jan 2026 12:00:05 GMT"}, now) == 5.0
    assert retry_after_seconds({}) is None


def test_rate_limit_wait_prefers_retry_after_then_interval() -> None:
    assert rate_limit_wait({"Retry-After": "1.5"}, 10.0, 0.3) == 1.5
    exhausted = {"X-RateLimit-Remaining": "0", "X-RateLimit-Interval-Milliseconds": "10000"}
    assert rate_limit_wait(exhausted, 10.0, 0.3) == 10.0
    assert rate_limit_wait({"X-RateLimit-Remaining": "40"}, 10.0, 0.3) == 0.3
    assert rate_limit_wait({}, 10.0, 0.3) == 10.0


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (400, {"statusCode": 400, "message": "Bad Request"}, BadRequest),
        (401, {"statusCode": 401, "message": "Invalid JWT", "error": "Unauthorized"}, Unauthorized),
        (403, {"statusCode": 403, "message": "The token does not have access to this location."}, Forbidden),
        (404, {"statusCode": 404, "message": "Contact not found"}, NotFound),
        (429, {"statusCode": 429, "message": "Too many requests"}, RateLimited),
        (502, {"message": "Bad Gateway"}, ServerError),
    ],
)
def test_errors_are_typed_and_keep_highlevels_message(
    status: int, body: dict[str, object], cls: type
) -> None:
    error = error_for("GET", "/contacts/x", status, body)
    assert type(error) is cls
    assert error.status == status
    assert str(body["message"]) in str(error)


def test_422_keeps_the_whole_message_list() -> None:
    body = {"statusCode": 422, "message": ["property foo should not exist", "name must be a string"]}
    error = error_for("POST", "/businesses/", 422, body)
    assert isinstance(error, Unprocessable)
    assert error.messages == ["property foo should not exist", "name must be a string"]


def test_duplicate_errors_expose_the_existing_id() -> None:
    contact = error_for(
        "POST",
        "/contacts/",
        400,
        {
            "message": "This location does not allow duplicated contacts.",
            "meta": {"contactId": "c1", "matchingField": "email"},
        },
    )
    assert isinstance(contact, DuplicateContact)
    assert (contact.contact_id, contact.matching_field) == ("c1", "email")
    opportunity = error_for(
        "POST", "/opportunities/", 400, {"code": "OPPORTUNITY_NO_DUPLICATE", "meta": {"existingId": "o9"}}
    )
    assert isinstance(opportunity, DuplicateOpportunity)
    assert opportunity.existing_id == "o9"


def test_non_json_error_bodies_are_kept_as_text() -> None:
    assert parse_body("<html>gateway</html>") == {"message": "<html>gateway</html>"}


def test_token_never_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HL_TEST_TOKEN", "pit-very-secret-123")
    token = resolve_token("HL_TEST_TOKEN", "loc1")
    assert token.reveal() == "pit-very-secret-123"
    assert "pit-very-secret" not in repr(token) + str(token) + f"{token}"
    assert token == Secret("pit-very-secret-123")


def test_missing_token_names_where_to_put_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HL_ABSENT_TOKEN", raising=False)
    import keyring

    monkeypatch.setattr(keyring, "get_password", lambda service, user: None)
    with pytest.raises(CredentialsMissing, match="HL_ABSENT_TOKEN"):
        resolve_token("HL_ABSENT_TOKEN", "loc1")


def test_keyring_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HL_ABSENT_TOKEN", raising=False)
    import keyring

    seen: list[tuple[str, str]] = []

    def fake_get(service: str, user: str) -> str:
        seen.append((service, user))
        return "from-keyring"

    monkeypatch.setattr(keyring, "get_password", fake_get)
    assert resolve_token("HL_ABSENT_TOKEN", "loc7").reveal() == "from-keyring"
    assert seen == [("hlmap", "loc7")]
