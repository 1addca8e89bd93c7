"""One source person -> one destination user: by e-mail, by name, by a unique first name or unique
initials ('JT' for Jamie Torres, as field-service apps show a sales rep), or none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from assistant.highlevel.state import User
from assistant.mapping.items import OwnerMatch
from assistant.mapping.models import Alternative, Evidence
from assistant.propose.normalize import normalise
from assistant.propose.owner_logins import LOGIN_CONFIDENCE, by_login

if TYPE_CHECKING:
    from assistant.propose.owners import SourceUser

NAME_MIN = 85


def _user_name(user: User) -> str:
    return user.name or " ".join(p for p in (user.firstName, user.lastName) if p)


def _by_first_name(name: str | None, users: list[User]) -> list[User]:
    """Exports that show owners by first name only ('Megan'): the users with that first name."""
    if not name or len(name.split()) != 1:
        return []
    wanted = normalise(name)
    return [u for u in users if normalise(u.firstName or _user_name(u).split(" ")[0]) == wanted]


def _by_initials(name: str | None, users: list[User]) -> list[User]:
    """The users whose first letters of each name spell ``name`` ('JT'): only a short all-capitals cell."""
    spelled = (name or "").strip()
    if not (2 <= len(spelled) <= 3 and spelled.isalpha() and spelled.isupper()):
        return []
    wanted = spelled.casefold()
    return [u for u in users if "".join(w[0] for w in normalise(_user_name(u)).split()) == wanted]


def match_owner(
    person: SourceUser, users: list[User], fallback: User | None, fallback_email: str | None
) -> OwnerMatch:
    base = {
        "id": f"owner:{person.table}.{person.key}",
        "source_object": person.table,
        "source_key": person.key,
        "source_name": person.name,
        "source_email": person.email,
    }
    if person.email:
        hit = next(
            (u for u in users if (u.email or "").strip().lower() == person.email.strip().lower()), None
        )
        if hit is not None:
            return OwnerMatch(
                **base,
                user_id=hit.id,
                user_name=_user_name(hit),
                user_email=hit.email,
                method="email",
                confidence=0.97,
                rationale="same e-mail (case-insensitive)",
                evidence=[Evidence(source="destination", detail=f"user {hit.id} has {hit.email}")],
            )
    ranked = sorted(
        (
            (fuzz.token_sort_ratio(normalise(person.name), normalise(_user_name(u))), u)
            for u in users
            if person.name and _user_name(u)
        ),
        key=lambda pair: -pair[0],
    )
    alternatives = [
        Alternative(target=f"{_user_name(u)} <{u.email}>", score=round(s / 100, 3), value={"user_id": u.id})
        for s, u in ranked[:3]
    ]
    if ranked and ranked[0][0] >= NAME_MIN:
        score, hit = ranked[0]
        return OwnerMatch(
            **base,
            user_id=hit.id,
            user_name=_user_name(hit),
            user_email=hit.email,
            method="name",
            confidence=round(0.9 * score / 100, 3),
            alternatives=alternatives[1:],
            rationale=f"name '{person.name}' matches '{_user_name(hit)}' ({score:.0f}/100); "
            "e-mail differs or is missing",
            evidence=[Evidence(source="name", detail=f"similarity {score:.0f}")],
        )
    namesakes = _by_first_name(person.name, users)
    initialled = _by_initials(person.name, users)
    by_first = namesakes[0] if len(namesakes) == 1 else None
    if by_first is None and not namesakes and len(initialled) == 1:
        hit = initialled[0]
        return OwnerMatch(
            **base,
            user_id=hit.id,
            user_name=_user_name(hit),
            user_email=hit.email,
            method="name",
            confidence=0.75,
            alternatives=alternatives[:2],
            rationale=f"'{person.name}' are the initials of exactly one user, {_user_name(hit)}",
            evidence=[Evidence(source="name", detail="initials only, unique among the destination's users")],
        )
    logins = by_login(person.name, users) if by_first is None and not namesakes and not initialled else []
    if len(logins) == 1:  # 'rmoss': a login spelled from exactly one user's name
        hit = logins[0]
        return OwnerMatch(
            **base,
            user_id=hit.id,
            user_name=_user_name(hit),
            user_email=hit.email,
            method="name",
            confidence=LOGIN_CONFIDENCE,
            alternatives=alternatives[:2],
            rationale=f"'{person.name}' is a login spelled from the name of one user, {_user_name(hit)}",
            evidence=[Evidence(source="name", detail="a login name, unique among the destination's users")],
        )
    if len(namesakes) > 1:  # a human picks: the namesakes are the alternatives, nobody else
        alternatives = [
            Alternative(target=f"{_user_name(u)} <{u.email}>", score=0.5, value={"user_id": u.id})
            for u in namesakes
        ]
    if by_first is not None:
        return OwnerMatch(
            **base,
            user_id=by_first.id,
            user_name=_user_name(by_first),
            user_email=by_first.email,
            method="name",
            confidence=0.8,
            alternatives=alternatives[:2],
            rationale=f"'{person.name}' is the first name of exactly one user, {_user_name(by_first)}",
            evidence=[
                Evidence(source="name", detail="a first name only, unique among the destination's users")
            ],
        )
    evidence = [Evidence(source="destination", detail="no user with this e-mail or a similar name")]
    if len(namesakes) > 1:
        who = ", ".join(_user_name(u) for u in namesakes)
        evidence = [
            Evidence(source="name", detail=f"a first name only, shared by {len(namesakes)} users: {who}")
        ]
    if fallback is not None:
        return OwnerMatch(
            **base,
            method="fallback",
            fallback_user_id=fallback.id,
            confidence=0.35,
            alternatives=alternatives,
            evidence=evidence,
            rationale=f"unmatched: records go to the fallback owner {fallback.email} until a "
            "HighLevel user is created for this person",
        )
    note = (
        f"fallback owner {fallback_email} is not a destination user"
        if fallback_email
        else "no fallback owner is set (propose.fallback_owner_email)"
    )
    return OwnerMatch(
        **base,
        method="none",
        confidence=0.2,
        alternatives=alternatives,
        evidence=evidence,
        rationale=f"unmatched and {note}: create the user or pick one",
    )
