"""Splitting a full person name into HighLevel's firstName / lastName.

English-style names go through nameparser (titles dropped, middle names kept with the first name,
suffixes kept with the last name). Spanish-style names follow the two-surname rule: the last two
surname groups form the last name, where a group absorbs its particles ("de la Fuente"), and a
three-word name whose second word is itself a given name ("José Luis Rodríguez") keeps it first.
"""

from __future__ import annotations

import re

from nameparser import HumanName

PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "y", "i", "da", "das", "do", "dos", "van", "von", "di"}
)

# Second halves of common compound given names (María José, José Luis, Juan Carlos, ...).
GIVEN_NAMES = frozenset(
    [
        "josé",
        "jose",
        "luis",
        "carlos",
        "maría",
        "maria",
        "antonio",
        "manuel",
        "ángel",
        "angel",
        "ignacio",
        "javier",
        "pablo",
        "miguel",
        "carmen",
        "isabel",
        "elena",
        "teresa",
        "francisco",
        "jesús",
        "jesus",
        "ramón",
        "ramon",
        "alberto",
        "andrés",
        "andres",
        "fernando",
        "enrique",
        "eugenia",
        "victoria",
        "pilar",
        "dolores",
        "rosa",
        "lucía",
        "lucia",
        "inés",
        "ines",
        "cristina",
        "beatriz",
        "alejandro",
        "eduardo",
    ]
)

SPANISH_REGIONS = frozenset(
    [
        "ES",
        "MX",
        "AR",
        "CO",
        "CL",
        "PE",
        "VE",
        "EC",
        "GT",
        "CU",
        "BO",
        "DO",
        "HN",
        "PY",
        "SV",
        "NI",
        "CR",
        "PA",
        "UY",
        "PR",
        "GQ",
    ]
)


# A legal-form ending marks a business name: it is kept whole as the first name, never split.
LEGAL_FORM = re.compile(
    r"(,|\s)(s\.?\s?l\.?u?|s\.?\s?a\.?u?|s\.?\s?coop\.?|s\.?c\.?|c\.?b\.?|ltd\.?|llc|inc\.?|gmbh|corp\.?|co\.?)$",
    re.IGNORECASE,
)


def split_name(full: str | None, spanish: bool) -> tuple[str | None, str | None]:
    """(first, last) of ``full``; (None, None) for a blank value."""
    if full is None or not full.strip():
        return None, None
    text = " ".join(full.split())
    if LEGAL_FORM.search(text):
        return text, None
    if "," in text:  # "García López, María José" / "Smith, John" say which part is the surname
        last, _, first = text.partition(",")
        return (first.strip() or None), (last.strip() or None)
    if spanish:
        return _split_spanish(text)
    return _split_english(text)


def _split_english(text: str) -> tuple[str | None, str | None]:
    name = HumanName(text)
    first = " ".join(part for part in (name.first, name.middle) if part) or None
    last = " ".join(part for part in (name.last, name.suffix) if part) or None
    if first is None and last is not None:
        return last, None
    return first, last


def _groups(text: str) -> list[str]:
    """Words with each particle run attached to the word after it."""
    groups: list[str] = []
    pending: list[str] = []
    for word in text.split(" "):
        if word.lower() in PARTICLES:
            pending.append(word)
            continue
        groups.append(" ".join([*pending, word]))
        pending = []
    if pending:  # trailing particle: keep it on the last group
        groups[-1:] = [" ".join([*groups[-1:], *pending])]
    return groups


def _split_spanish(text: str) -> tuple[str | None, str | None]:
    groups = _groups(text)
    if len(groups) == 1:
        return groups[0], None
    if len(groups) == 2:
        return groups[0], groups[1]
    if len(groups) == 3:
        if groups[1].lower() in GIVEN_NAMES:
            return " ".join(groups[:2]), groups[2]
        return groups[0], " ".join(groups[1:])
    return " ".join(groups[:-2]), " ".join(groups[-2:])
