"""Channel and direction words of activity logs, in the vocabulary's languages, as data.

Phrases are normalised (lower case, no accents, single spaces). A value reads as a channel when it
is one of the phrases, or when one of its words is a one-word phrase ('Phone Call', 'Llamada
telefónica', 'Outbound call').
"""

from __future__ import annotations

from assistant.propose.normalize import normalise, tokens

# fmt: off
CHANNELS: dict[str, tuple[str, ...]] = {
    "call": (
        "call", "calls", "phone call", "phone", "telephone", "voicemail", "llamada", "llamadas",
        "llamada telefonica", "telefono", "anruf", "telefonat", "appel", "appel telephonique",
        "chamada", "ligacao", "telefonema", "chiamata", "telefonata",
    ),
    "email": (
        "email", "e mail", "emails", "mail", "correo", "correo electronico", "courriel", "mel",
        "e post", "posta elettronica",
    ),
    "sms": ("sms", "text", "text message", "texto", "mensaje de texto", "mms", "textnachricht", "texte"),
    "whatsapp": ("whatsapp", "whats app"),
    "meeting": (
        "meeting", "meetings", "reunion", "visit", "site visit", "visita", "besuch", "besprechung",
        "termin", "rendez vous", "rdv", "reuniao", "riunione", "incontro", "in person",
    ),
}
DIRECTIONS: dict[str, tuple[str, ...]] = {
    "inbound": (
        "inbound", "incoming", "in", "received", "recibido", "recibida", "entrante", "entrada",
        "eingehend", "entrant", "entrante", "recu", "recebido", "recebida", "in entrata", "ricevuto",
        "from customer", "del cliente",
    ),
    "outbound": (
        "outbound", "outgoing", "out", "sent", "enviado", "enviada", "saliente", "salida", "ausgehend",
        "sortant", "envoye", "saida", "in uscita", "inviato", "to customer", "al cliente",
    ),
}
# Words that name a column holding the kind of entry.
TYPE_COLUMN_WORDS = frozenset({
    "type", "tipo", "kind", "channel", "canal", "medium", "medio", "typ", "art", "kanal", "categorie",
    "categoria", "category", "activity", "actividad",
})
# fmt: on
_PHRASES = {phrase: key for key, phrases in CHANNELS.items() for phrase in phrases}
_WORDS = {p: k for p, k in _PHRASES.items() if " " not in p and len(p) > 3}
_DIRECTION = {phrase: key for key, phrases in DIRECTIONS.items() for phrase in phrases}


def channel_of(value: str) -> str | None:
    """'Phone Call' -> 'call', 'Correo electrónico' -> 'email', 'Incidencia' -> None."""
    text = normalise(value)
    if text in _PHRASES:
        return _PHRASES[text]
    found = {_WORDS[w] for w in tokens(value) if w in _WORDS}
    return found.pop() if len(found) == 1 else None


def direction_of(value: str) -> str | None:
    """'Incoming' -> 'inbound', 'OUT' -> 'outbound', 'Saliente' -> 'outbound'."""
    return _DIRECTION.get(normalise(value))


# fmt: off
# Call outcomes -> the spec's call status enum.
CALL_STATUSES: dict[str, tuple[str, ...]] = {
    "answered": ("answered", "answer", "contestada", "contestado", "atendida", "atendido", "beantwortet",
                 "repondu", "atendida", "risposto", "connected", "conectada"),
    "completed": ("completed", "complete", "completada", "completado", "realizada", "done", "finished",
                  "abgeschlossen", "termine", "concluida", "completata"),
    "busy": ("busy", "ocupado", "comunicando", "besetzt", "occupe", "occupato", "line busy"),
    "no-answer": ("no answer", "no answered", "unanswered", "missed", "no contesta", "sin respuesta",
                  "perdida", "no contestada", "keine antwort", "pas de reponse", "nao atendida",
                  "nessuna risposta"),
    "voicemail": ("voicemail", "left voicemail", "voice mail", "left message", "vm", "vm left", "left vm",
                  "buzon", "buzon de voz",
                  "mensaje de voz", "mailbox", "messagerie", "mailbox", "caixa postal", "segreteria"),
    "failed": ("failed", "fallida", "error", "blocked", "fehlgeschlagen", "echoue", "falhou", "fallita"),
    "canceled": ("canceled", "cancelled", "cancelada", "cancelado", "abgebrochen", "annule", "annullata"),
}
# Whole column names of the calling and called party.
FROM_NAMES = frozenset({"from", "from number", "caller", "caller number", "caller id",
                        "desde", "de", "numero origen", "llamante", "von", "expediteur", "da"})
TO_NAMES = frozenset({"to", "to number", "callee", "para", "numero destino",
                      "llamado", "an", "destinataire", "a"})
# fmt: on
_CALL_STATUS = {phrase: key for key, phrases in CALL_STATUSES.items() for phrase in phrases}


def call_status_of(value: str) -> str | None:
    """'Left voicemail' -> 'voicemail', 'No contesta' -> 'no-answer'."""
    return _CALL_STATUS.get(normalise(value))
