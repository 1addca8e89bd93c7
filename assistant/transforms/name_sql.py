"""The SQL of the name transforms: a full name split into firstName / lastName per row."""

from __future__ import annotations

from assistant.transforms.kinds import Context, Output
from assistant.transforms.names import LEGAL_FORM
from assistant.transforms.sqltext import cleaned, lit


def name_part(ctx: Context, part: str) -> list[Output]:
    """A person name split in two; a company's own name (its row's company carries a legal form and
    starts with it: "Reformas Levante" of "Reformas Levante C.B.") stays whole as the first name."""
    spanish = "true" if ctx.spanish_names else "false"
    split = f"hl_name({ctx.cell()}, {spanish}).{part}"
    if not ctx.company_columns:
        return [Output(ctx.key, split)]
    name, company = ctx.cell(), cleaned(ctx.company_columns[0])
    legal = f"regexp_matches({company}, {lit(LEGAL_FORM.pattern)}, 'i')"
    is_company = f"({company} IS NOT NULL AND {legal} AND starts_with(lower({company}), lower({name})))"
    whole = name if part == "first" else "NULL"
    return [Output(ctx.key, f"CASE WHEN {is_company} THEN {whole} ELSE {split} END")]
