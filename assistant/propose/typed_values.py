"""Values people type rather than pick, whatever the header: job titles, and one value spelled two ways.

A person's role in a small export repeats ('CEO' on five of forty people) and profiles as a
pick-list, yet job titles are written, never chosen from a list: 'Head of Sales' at one firm is
'Sales Director' at the next, so options would only freeze the sample's spellings. Titles give
themselves away by their words (manager, director, founder, CEO), under whatever header: 'role',
'function', a nested 'positions' list's 'title'; only a header naming a scale ('Seniority', 'Level')
makes such words the steps of a list to pick from. A value typed in two spellings ('ceo' and 'CEO')
is the other sign: a pick-list stores each option as it was defined, so case variants of one value
are what people typed by hand.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.label_variants import spelled_several_ways
from assistant.propose.normalize import tokens

# Words that make a value a job title; words as often a kind of contact ('owner', 'partner', 'lead',
# 'tenant') are left out on purpose: 'Owner' / 'Tenant' / 'Agent' is a real pick-list of roles.
TITLE_WORDS = frozenset(
    {
        "ceo", "cto", "cfo", "coo", "cmo", "cio", "vp", "founder", "cofounder", "president", "director",
        "manager", "head", "chief", "officer", "engineer", "assistant", "coordinator", "specialist",
        "analyst", "consultant", "accountant", "administrator", "supervisor", "secretary", "receptionist",
        "gerente", "directora", "jefe", "jefa", "fundador", "fundadora",
        "geschaftsfuhrer", "leiter", "leiterin",
    }
)  # fmt: skip
# Headers naming a scale: 'Manager' / 'Director' / 'VP' under 'Seniority' are its steps, picked.
SCALE_WORDS = frozenset({"seniority", "level", "rank", "tier", "grade", "nivel", "rango"})
MIN_TITLES = 3  # two values prove nothing about a whole column
TITLE_SHARE = 0.5  # at least half of the distinct values are job titles


def reads_as_job_titles(values: list[str]) -> bool:
    """At least three distinct values, and half of them, hold a job title's word."""
    distinct = {" ".join(v.split()).casefold() for v in values if v.strip()}
    titled = sum(1 for v in distinct if TITLE_WORDS & set(tokens(v)))
    return titled >= MIN_TITLES and titled >= TITLE_SHARE * len(distinct)


def typed_not_picked(column: ColumnProfile) -> bool:
    """A pick-list-looking column whose values people typed: job titles, or one value in two spellings."""
    values = column.picklist or column.top_values
    scale = bool(SCALE_WORDS & set(tokens(column.column)))
    return (not scale and reads_as_job_titles([v.value for v in values])) or spelled_several_ways(column)
