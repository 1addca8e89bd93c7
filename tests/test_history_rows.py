"""How one compiled history row reads as a message request: type and direction from the source's
words, HTML e-mail bodies as html, the endpoint per kind, and values it cannot be sent with."""

from __future__ import annotations

import pytest

from assistant.execute.messages import MessageError, is_same, message_of, request_of

WHEN = "2023-05-02T08:30:00Z"


def test_words_become_highlevel_values_and_bodies_go_where_they_render() -> None:
    mail = message_of(
        {"type": "Correo recibido", "direction": "Entrante", "date": WHEN, "message": "<p>Hi</p>"}
    )
    assert (mail.type, mail.direction, mail.html, mail.text) == ("Email", "inbound", "<p>Hi</p>", "Hi")
    sms = message_of({"type": "SMS", "direction": "out", "date": WHEN, "html": "<b>Hola</b> &amp; adiós"})
    assert (sms.text, sms.html) == ("Hola & adiós", "")
    visit = message_of({"type": "Site visit", "date": WHEN})
    assert (visit.type, visit.direction) == ("Custom", "outbound")


def test_an_outbound_call_without_text_goes_through_outbound_anything_else_through_inbound() -> None:
    bare = message_of({"type": "Llamada", "direction": "saliente", "date": WHEN, "callStatus": "Perdida"})
    path, body = request_of(bare, "C", "V", "P")
    assert path.endswith("/outbound") and body["call"] == {"status": "no-answer"} and "contactId" not in body
    noted = message_of({"type": "Call", "direction": "outbound", "date": WHEN, "message": "left a voicemail"})
    path, body = request_of(noted, "C", "V", "P")
    assert path.endswith("/inbound") and (body["direction"], body["message"]) == (
        "outbound",
        "left a voicemail",
    )
    assert is_same({"dateAdded": "2023-05-02T08:30:00.000Z", "body": "left a voicemail"}, body)
    assert not is_same({"dateAdded": "2023-05-02T08:31:00.000Z", "body": "left a voicemail"}, body)


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"type": "Call", "date": ""}, "no date"),
        ({"type": "Call", "date": "02/05/2023 10:30"}, "no date-time with an offset"),
        ({"type": "Call", "date": WHEN, "direction": "sideways"}, "neither inbound nor outbound"),
    ],
)
def test_values_a_row_cannot_be_sent_with_are_named(values: dict[str, str], said: str) -> None:
    with pytest.raises(MessageError, match=said):
        message_of(values)
