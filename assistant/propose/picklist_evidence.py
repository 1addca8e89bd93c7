"""Is a profiled pick-list really a set of options, or free text that a small sample made look one?

Forty rows of job titles, comments or referral names show few distinct values, and the profile
calls them a pick-list. Options need evidence: a header that names something chosen from a list
rather than written, values repeated well beyond a couple of times each, and no value that reads
like an instruction or a sentence (an option is a label, never "Call on arrival."). Short
instructions without punctuation ("Send quote", "Call back Monday") give themselves away by the verb
they start with: when most of a column's values do, it holds next steps someone wrote, not options.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import concepts, tokens
from assistant.propose.typed_values import typed_not_picked
from assistant.propose.written_references import written_reference

# Headers for things people write rather than pick: job titles, subjects, comments, instructions,
# and organisations' names (a company is named, never chosen from a list).
WRITTEN_CONCEPTS = frozenset({"position", "title", "notes", "company"})
# Header words of a line someone writes beside the title ('Subtitle', 'Subject'), which no concept names.
WRITTEN_WORDS = frozenset({"subtitle", "subheading", "subject", "headline", "caption", "tagline"})
MIN_ROWS_PER_OPTION = 3.0  # on average each option must recur at least this often
MAX_OPTION_WORDS = 4
# Verbs an instruction or a next step starts with ("Send quote", "Call back Tuesday", "Llamar al
# cliente") and rarely a label: an option names a state or a kind, a to-do names an action. Words that
# are as often nouns ("contact", "quote", "email", "review", "text") are left out on purpose.
INSTRUCTION_VERBS = frozenset(
    {
        "send", "call", "ring", "phone", "visit", "schedule", "chase", "remind", "ask", "arrange",
        "prepare", "confirm", "collect", "pick", "drop", "book", "follow", "check", "bring", "meet",
        "llamar", "enviar", "visitar", "confirmar", "preparar", "pedir", "revisar", "preguntar",
        "anrufen", "senden", "schicken",
    }
)  # fmt: skip


def reads_like_sentence(value: str) -> bool:
    text = value.strip()
    words = text.split()
    return len(words) > MAX_OPTION_WORDS or text.endswith((".", "!", "?", "#"))


def reads_like_instruction(value: str) -> bool:
    """An imperative verb followed by what to do ("Call back Monday"); a lone verb is a label."""
    words = value.strip().casefold().split()
    return len(words) >= 2 and words[0] in INSTRUCTION_VERBS


def mostly_instructions(values: list[str]) -> bool:
    """At least two distinct values, and half of them, read like instructions."""
    distinct = {v.strip().casefold() for v in values if v.strip()}
    told = sum(reads_like_instruction(v) for v in distinct)
    return told >= 2 and told * 2 >= len(distinct)


def repetition(column: ColumnProfile) -> float | None:
    """Filled rows per distinct value: from the profile's counts, else the listed values; None unknown."""
    if column.distinct_count and column.row_count:
        return column.row_count * (1 - column.null_share) / column.distinct_count
    values = column.picklist or column.top_values
    return sum(v.count for v in values) / len(values) if values else None


def written_not_chosen(column: ColumnProfile) -> bool:
    """True when a pick-list-looking column should stay free text."""
    lead = (concepts(column.column) or ("",))[0]
    if lead in WRITTEN_CONCEPTS or WRITTEN_WORDS & set(tokens(column.column.rsplit(".", 1)[-1])):
        return True
    values = column.picklist or column.top_values
    if column.distinct_count == 1 or len({v.value.strip().casefold() for v in values}) == 1:
        return True  # one value offers no choice: a label written on some rows
    rows_per_option = repetition(column)
    if rows_per_option is not None and rows_per_option < MIN_ROWS_PER_OPTION:
        return True
    if (
        mostly_instructions([v.value for v in values])
        or typed_not_picked(column)
        or written_reference(column)
    ):
        return True  # next steps, job titles, one value typed in two spellings, a project as a reference
    return any(reads_like_sentence(v.value) for v in values)
