"""History tables: an activity log of calls, e-mails, texts and meeting logs becomes conversation
messages (type and direction value maps, original date, contact link); notes, calendar events and
people with a preferred channel do not."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.history_words import call_status_of, channel_of, direction_of
from assistant.propose.objects import classify_tables
from tests.propose_factory import S, destination, table

T = TargetObject
CONTACTS = table(
    "clientes",
    [
        ("id", S.IDENTIFIER, {}),
        ("nombre", S.PERSON_NAME, {}),
        ("email", S.EMAIL, {}),
        ("telefono", S.PHONE, {}),
    ],
    key="id",
)


TYPES = {"Llamada": 9, "Correo electrónico": 6, "WhatsApp": 3, "Reunión": 2}


def activity_log() -> list[TableProfile]:
    log = table(
        "registro",
        [("id", S.IDENTIFIER, {}),
         ("cliente_id", S.FOREIGN_KEY, {"fk": ("clientes", "id")}),
         ("tipo", S.PICKLIST, {"values": TYPES}),
         ("sentido", S.PICKLIST, {"values": {"Entrante": 10, "Saliente": 8}}),
         ("fecha", S.DATETIME, {"format": "iso-offset"}),
         ("asunto", S.FREE_TEXT, {}),
         ("mensaje", S.FREE_TEXT, {}),
         ("resultado", S.PICKLIST, {"values": {"Contestada": 6, "No contesta": 2, "Buzón de voz": 1}}),
         ("duracion", S.INTEGER, {})],
        key="id",
    )  # fmt: skip
    return [CONTACTS, log]


def test_an_activity_log_is_proposed_as_messages_with_value_maps_for_type_and_direction() -> None:
    doc = propose_offline(ProposeInputs(activity_log(), destination()))
    obj = next(o for o in doc.objects if o.source_object == "registro")
    assert [t.object for t in obj.targets] == [T.MESSAGE]
    assert any("name channels" in e.detail for e in obj.evidence)
    assert "meeting logs" in obj.rationale  # the decision for meeting logs is said, not silent
    fields = {f.source_columns[0]: f for f in doc.fields if f.source_object == "registro"}
    target = {
        c: f"{f.target.object}.{f.target.field}" if f.target.field else "skip" for c, f in fields.items()
    }
    assert target == {
        "id": "message.altId",
        "cliente_id": "message.contactId",
        "tipo": "message.type",
        "sentido": "message.direction",
        "fecha": "message.date",
        "asunto": "message.subject",
        "mensaje": "message.message",
        "resultado": "message.callStatus",
        "duracion": "skip",
    }
    assert fields["tipo"].transform.kind == K.VALUE_MAP
    assert fields["tipo"].transform.params["map"] == {
        "Llamada": "Call",
        "Correo electrónico": "Email",
        "WhatsApp": "WhatsApp",
        "Reunión": "Custom",
    }
    assert fields["sentido"].transform.params["map"] == {"Entrante": "inbound", "Saliente": "outbound"}
    assert fields["resultado"].transform.params["map"] == {
        "Contestada": "answered",
        "No contesta": "no-answer",
        "Buzón de voz": "voicemail",
    }
    assert fields["cliente_id"].transform.kind == K.LOOKUP
    assert fields["fecha"].transform.kind == K.DATE


def test_type_values_that_name_no_channel_go_as_custom_and_say_so() -> None:
    contacts, log = activity_log()
    tipo = next(c for c in log.columns if c.column == "tipo")
    tipo.picklist = [*tipo.picklist, tipo.picklist[0].model_copy(update={"value": "Incidencia", "count": 3})]
    tipo.top_values = tipo.picklist
    doc = propose_offline(ProposeInputs([contacts, log], destination()))
    type_map = next(f for f in doc.fields if f.source_columns == ["tipo"])
    # an incident entry is kept as a Custom message (its subject and body say what it was), never dropped
    assert type_map.transform.params["map"]["Incidencia"] == "Custom"
    assert "unmapped" not in type_map.transform.params
    assert any("'Incidencia' names no channel" in e.detail for e in type_map.evidence)
    assert type_map.confidence >= 0.7  # the row is kept either way: no person needs to decide it


def test_a_plain_notes_table_is_not_read_as_messages() -> None:
    notes = table(
        "notes",
        [("id", S.IDENTIFIER, {}), ("contact_id", S.FOREIGN_KEY, {"fk": ("clientes", "id")}),
         ("body", S.FREE_TEXT, {}), ("created_at", S.DATETIME, {})],
    )  # fmt: skip
    assert classify_tables([CONTACTS, notes])["notes"].primary == T.NOTE


def test_calendar_meetings_with_a_start_and_an_end_stay_appointments() -> None:
    meetings = table(
        "meetings",
        [("id", S.IDENTIFIER, {}), ("contact_id", S.FOREIGN_KEY, {"fk": ("clientes", "id")}),
         ("type", S.PICKLIST, {"values": {"Meeting": 8, "Site visit": 4}}),
         ("start", S.DATETIME, {}), ("end", S.DATETIME, {}), ("notes", S.FREE_TEXT, {})],
    )  # fmt: skip
    assert classify_tables([CONTACTS, meetings])["meetings"].primary == T.APPOINTMENT


def test_people_with_a_preferred_channel_stay_contacts() -> None:
    people = table(
        "customers",
        [("id", S.IDENTIFIER, {}), ("first name", S.PERSON_NAME, {}), ("last name", S.PERSON_NAME, {}),
         ("email", S.EMAIL, {}), ("created", S.DATETIME, {}), ("notes", S.FREE_TEXT, {}),
         ("channel", S.PICKLIST, {"values": {"Phone": 5, "Email": 9, "SMS": 2}})],
    )  # fmt: skip
    assert classify_tables([people])["customers"].primary == T.CONTACT


def test_channel_direction_and_call_status_words_in_several_languages() -> None:
    assert [channel_of(v) for v in ("Phone Call", "Llamada telefónica", "E-mail", "Text Message")] == [
        "call",
        "call",
        "email",
        "sms",
    ]
    assert [channel_of(v) for v in ("Courriel", "Anruf", "Site Visit", "Incidencia", "Presupuesto")] == [
        "email",
        "call",
        "meeting",
        None,
        None,
    ]
    assert [direction_of(v) for v in ("in", "OUT", "Incoming", "Saliente", "Eingehend", "maybe")] == [
        "inbound",
        "outbound",
        "inbound",
        "outbound",
        "inbound",
        None,
    ]
    assert [call_status_of(v) for v in ("Left voicemail", "No Answer", "Ocupado", "great")] == [
        "voicemail",
        "no-answer",
        "busy",
        None,
    ]


def test_one_body_column_per_channel_each_feeds_the_message_and_html_goes_to_html() -> None:
    log = table(
        "activity",
        [("id", S.IDENTIFIER, {}), ("contact_id", S.FOREIGN_KEY, {"fk": ("clientes", "id")}),
         ("kind", S.PICKLIST, {"values": {"Call": 6, "Email": 5, "SMS": 4, "Note": 1}}),
         ("direction", S.PICKLIST, {"values": {"inbound": 7, "outgoing": 8}}),
         ("date_created", S.DATETIME, {}),
         ("disposition", S.PICKLIST, {"values": {"answered": 3, "vm-left": 2, "abandoned": 1}}),
         ("note", S.FREE_TEXT, {}), ("body_text", S.FREE_TEXT, {}), ("body_html", S.FREE_TEXT, {}),
         ("text", S.FREE_TEXT, {})],
        key="id",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([CONTACTS, log], destination()))
    fields = {f.source_columns[0]: f for f in doc.fields if f.source_object == "activity"}
    assert {c: fields[c].target.field for c in ("note", "body_text", "text", "body_html")} == {
        "note": "message",
        "body_text": "message",
        "text": "message",
        "body_html": "html",
    }
    status = fields["disposition"].transform.params
    assert status == {"map": {"answered": "answered", "vm-left": "voicemail"}, "unmapped": ["abandoned"]}
    assert fields["disposition"].confidence < 0.7
    assert fields["kind"].transform.params["map"]["Note"] == "Custom"


def test_a_log_naming_who_wrote_each_entry_is_still_a_history() -> None:
    contacts, log = activity_log()
    author = table("x", [("registrado_por", S.PERSON_NAME, {})]).columns[0]
    log.columns.append(author.model_copy(update={"table": "registro", "position": len(log.columns)}))
    doc = propose_offline(ProposeInputs([contacts, log], destination()))
    obj = next(o for o in doc.objects if o.source_object == "registro")
    assert [t.object for t in obj.targets] == [T.MESSAGE]
