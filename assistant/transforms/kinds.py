"""One SQL expression per transform kind, over one source row.

Every kind answers ``Output`` items: the key the value goes under in the compiled record, the SQL
of the value, and the SQL of an error message (NULL when the value converted). An unconvertible
value yields NULL plus an error, so it is reported and never sent half-converted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from assistant.transforms import fastpaths
from assistant.transforms.cells import first_of_several, other_date_formats
from assistant.transforms.magnitudes import magnitude_sql
from assistant.transforms.net_dates import DOTNET_FORMAT, dotnet_timestamp
from assistant.transforms.sqltext import cleaned, lit, lit_list

DATETIME_FIELDS = frozenset({"dueDate", "startTime", "endTime", "date"})  # date: a message's
ZONE_VARIABLE = "source_zone"  # DuckDB variable: the zone of source times without an offset (unset: UTC)
LIST_TYPES = frozenset({"MULTIPLE_OPTIONS", "TEXTBOX_LIST", "CHECKBOX"})
TRUE_WORDS = ["true", "1", "yes", "y", "si", "sí", "s", "x", "t", "verdadero", "on", "paid", "done"]
FALSE_WORDS = ["false", "0", "no", "n", "f", "falso", "off", "-"]
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%Y/%m/%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"]
EPOCH_FORMATS = frozenset({"epoch", "epoch-ms"})  # the profile's formats for unix times
DATE_FORMATS += ["%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y"]  # month names, as US and UK exports


@dataclass(frozen=True)
class Output:
    key: str  # "firstName", "cf:contact.vat_number", "tags", "ref:contactId"
    value: str  # SQL
    error: str | None = None  # SQL, NULL when fine
    append: bool = False  # one line of a text built from several fields (a task body, a note)
    blocks: bool = False  # a failure holds the whole record back (no owner or stage decision)
    leads: bool = False  # wins over other outputs for the same key (a stage's own pipeline)
    orphan: str | None = None  # SQL: the parent a link names when no row of the export holds it, else NULL
    unattached: str | None = None  # SQL: the company a link names when the export holds no contact of it


@dataclass(frozen=True)
class Context:
    """What a kind needs beyond the field map: where the value lands and what profiling saw."""

    key: str
    columns: list[str]
    params: dict[str, Any]
    data_type: str | None = None  # custom field dataType
    region: str | None = None
    spanish_names: bool = False
    locale: str | None = None
    date_format: str | None = None
    separator: str | None = None
    true_values: tuple[str, ...] = ()
    company_columns: tuple[str, ...] = ()  # the same record's companyName source, for name splitting

    def cell(self) -> str:
        """The first source cell, or one key of the JSON object it holds (``json_key``)."""
        key = self.params.get("json_key")
        if key is None:
            return cleaned(self.columns[0])
        path = lit("$." + json.dumps(str(key)))
        raw = cleaned(self.columns[0])
        picked = f"CASE WHEN json_valid({raw}) THEN json_extract_string({raw}, {path}) END"
        return f"nullif(trim({picked}), '')"


def _failed(raw: str, value: str, message: str) -> str:
    return f"CASE WHEN {raw} IS NOT NULL AND ({value}) IS NULL THEN {lit(message)} || ': ' || {raw} END"


def copy(ctx: Context) -> list[Output]:
    return [Output(ctx.key, ctx.cell())]


def udf_checked(ctx: Context, call: str) -> list[Output]:
    return [Output(ctx.key, f"{call}.value", f"{call}.error")]


def phone(ctx: Context) -> list[Output]:
    region = str(ctx.params.get("region") or ctx.region or "").upper()
    raw, others = first_of_several(ctx.cell())
    call = f"hl_phone({raw}, {lit(region)})"
    known = fastpaths.national_pattern(region)
    failed = f"{call}.error || ': ' || {raw}"
    if known is None:
        return [Output(ctx.key, f"{call}.value", f"coalesce({failed}, {others})")]
    code, pattern = known
    digits = f"regexp_replace({raw}, '[\\s().\\-/]', '', 'g')"
    fast = f"regexp_full_match({digits}, {lit(pattern)})"
    national = f"{lit('+' + str(code))} || {digits}"
    return [Output(ctx.key, *fastpaths.fast_or_udf(fast, national, call, failed, others))]


def email(ctx: Context) -> list[Output]:
    raw, others = first_of_several(ctx.cell())
    call = f"hl_email({raw})"
    fast = f"regexp_full_match(lower({raw}), {lit(fastpaths.PLAIN_EMAIL)})"
    return [Output(ctx.key, *fastpaths.fast_or_udf(fast, f"lower({raw})", call, f"{call}.error", others))]


# the offset after an ISO time of day ('T22:33:59-05:00', '.120+0530', 'Z'), the time itself kept
_ISO_OFFSET = "([0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?) ?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$"


def _with_offset(raw: str, fmt: str, dated: bool) -> str:
    """SQL of a time written with its own offset ('2025/05/03 14:02:11 -0500'): the instant in UTC for
    a date-time field, the day the source shows for a date field (late evening is not the next day)."""
    if dated:
        wall = fmt.replace(" %z", "")
        return f"try_strptime(regexp_replace({raw}, ' [+-][0-9:]+$', ''), {lit(wall)})"
    return f"(try_strptime({raw}, {lit(fmt)}) AT TIME ZONE 'UTC')"


def date(ctx: Context) -> list[Output]:
    raw = ctx.cell()
    fmt = ctx.params.get("format") or ctx.date_format
    out_fmt = "%Y-%m-%dT%H:%M:%SZ" if ctx.key in DATETIME_FIELDS else "%Y-%m-%d"
    if fmt in EPOCH_FORMATS:  # unix seconds or milliseconds (told apart by length), '0' for not set
        raw = f"nullif({raw}, '0')"
        value = f"strftime({other_date_formats(raw)}, {lit(out_fmt)})"
        return [Output(ctx.key, value, _failed(raw, value, "not a date"))]
    if fmt == DOTNET_FORMAT:  # '/Date(1712102400000+0000)/': an instant with the zone it was written in
        value = f"strftime({dotnet_timestamp(raw, local=ctx.key not in DATETIME_FIELDS)}, {lit(out_fmt)})"
        return [Output(ctx.key, value, _failed(raw, value, "not a date"))]
    if fmt and "%z" in fmt:  # absolute times: no source zone applies
        exact = _with_offset(raw, fmt, dated=ctx.key not in DATETIME_FIELDS)
        value = f"strftime(coalesce({exact}, {other_date_formats(raw)}), {lit(out_fmt)})"
        return [Output(ctx.key, value, _failed(raw, value, "not a date"))]
    formats = [fmt] if fmt and fmt.startswith("%") else DATE_FORMATS
    if "%b" in formats[0]:  # "Jun 5" and "June 5" in one column: both spellings of the month
        formats = [formats[0], formats[0].replace("%b", "%B")]
    naive = f"coalesce(try_strptime({raw}, {lit_list(formats)}), {other_date_formats(raw)})"
    if ctx.key in DATETIME_FIELDS:  # a time without an offset is the source's wall clock: send it as UTC
        zone = f"getvariable({lit(ZONE_VARIABLE)})"
        naive = f"CASE WHEN {zone} IS NULL THEN {naive} ELSE timezone('UTC', timezone({zone}, {naive})) END"
    absolute = f"try_cast(try_cast({raw} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS TIMESTAMP)"
    if ctx.key not in DATETIME_FIELDS:  # a date field keeps the day the source shows, as with ' -0500' above
        wall = f"try_cast(regexp_replace({raw}, {lit(_ISO_OFFSET)}, '\\1') AS TIMESTAMP)"
        absolute = f"coalesce({wall}, {absolute})"
    parsed = f"coalesce({naive}, {absolute})"
    value = f"strftime({parsed}, {lit(out_fmt)})"
    return [Output(ctx.key, value, _failed(raw, value, "not a date"))]


def number(ctx: Context) -> list[Output]:
    raw = ctx.cell()
    digits = f"regexp_replace({raw}, '[^0-9,.\\-]', '', 'g')"
    locale = ctx.params.get("locale") or ctx.locale
    if locale == "es":
        normal = f"replace(replace({digits}, '.', ''), ',', '.')"
    elif locale == "en":
        normal = f"replace({digits}, ',', '')"
    else:  # decide per value: a trailing ",dd" is a decimal comma
        normal = (
            f"CASE WHEN regexp_matches({digits}, ',[0-9]{{1,2}}$') "
            f"THEN replace(replace({digits}, '.', ''), ',', '.') ELSE replace({digits}, ',', '') END"
        )
    scale = 10 ** int(ctx.params.get("minor_units") or 0)  # amounts in cents: 1060000 is 10,600.00
    value = f"round(try_cast({normal} AS DOUBLE) * {magnitude_sql(raw)} / {scale}, 2)"
    return [Output(ctx.key, value, _failed(raw, value, "not a number"))]


def boolean(ctx: Context) -> list[Output]:
    raw = f"lower({ctx.cell()})"
    trues = [str(v).lower() for v in ctx.params.get("true_values") or ctx.true_values or TRUE_WORDS]
    falses = [str(v).lower() for v in ctx.params.get("false_values") or FALSE_WORDS]
    value = f"CASE WHEN {raw} IN ({', '.join(map(lit, trues))}) THEN true "
    value += f"WHEN {raw} IN ({', '.join(map(lit, falses))}) THEN false END"
    return [Output(ctx.key, value, _failed(raw, value, "not a yes/no value"))]


def split_list(ctx: Context, column: str) -> str:
    """A multi-value cell as a list: a JSON array as exported by APIs, else split on the separator."""
    sep = ctx.params.get("separator") or ctx.separator or ","
    raw = cleaned(column)
    as_json = f"try_cast(CASE WHEN starts_with({raw}, '[') AND json_valid({raw}) THEN {raw} END AS VARCHAR[])"
    # exports mix separators in one column ("VIP|vip-client", "a; b"): '|' and ';' always split too
    # an alternation, not a character class: ' / ' and '*/*' split on the whole separator only
    split = f"regexp_split_to_array({raw}, {lit('(?:' + re.escape(sep) + '|[|;])')})"
    items = f"list_transform(coalesce({as_json}, {split}), lambda x: trim(x))"
    return f"list_filter({items}, lambda x: x <> '')"


def multi_value(ctx: Context) -> list[Output]:
    items = split_list(ctx, ctx.columns[0])
    if ctx.params.get("joined"):  # one text field: every item kept, an empty list is no value
        return [Output(ctx.key, f"nullif(array_to_string({items}, ', '), '')")]
    if ctx.data_type in LIST_TYPES:
        return [Output(ctx.key, f"nullif({items}, [])")]
    return [Output(ctx.key, f"{items}[1]")]


def value_map(ctx: Context) -> list[Output]:
    """An explicit ``{source: destination}`` map; a named map of pick-list options passes values through."""
    mapping = ctx.params.get("map")
    if not isinstance(mapping, dict) and isinstance(ctx.params.get("values"), dict):
        mapping = ctx.params["values"]  # a named map ("pipelines") with its values decided
    raw = ctx.cell()
    if not isinstance(mapping, dict) or not mapping:
        return multi_value(ctx) if ctx.data_type in LIST_TYPES else copy(ctx)
    cases = " ".join(f"WHEN {lit(str(k))} THEN {lit(str(v))}" for k, v in mapping.items())
    value = f"CASE {raw} {cases} END"
    default = ctx.params.get("default")
    if isinstance(default, str) and default:  # every other filled value ('unpaid' for any balance owed)
        value = f"CASE WHEN {raw} IS NOT NULL THEN CASE {raw} {cases} ELSE {lit(default)} END END"
    needed = ctx.params.get("when_filled")
    if isinstance(needed, str) and needed:
        # a flag that means something only beside another value (archived + a lost reason = lost):
        # the other values, and rows without it, give nothing and leave the key to the other maps
        return [Output(ctx.key, f"CASE WHEN {cleaned(needed)} IS NOT NULL THEN {value} END")]
    return [Output(ctx.key, value, _failed(raw, value, "no mapped value for"))]


def concat(ctx: Context) -> list[Output]:
    template = str(ctx.params.get("template") or " ".join("{" + c + "}" for c in ctx.columns))
    parts: list[str] = []
    for piece in re.split(r"(\{[^{}]+\})", template):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        if name is not None and name in ctx.columns:
            parts.append(f"coalesce({cleaned(name)}, '')")
        elif piece:
            parts.append(lit(piece))
    joined = " || ".join(parts) if parts else "''"
    anything = f"coalesce({', '.join(cleaned(c) for c in ctx.columns)})"
    squeezed = f"nullif(trim(regexp_replace({joined}, '\\s+', ' ', 'g')), '')"
    value = f"CASE WHEN {anything} IS NOT NULL THEN {squeezed} END"
    return [Output(ctx.key, value)]


def option_key(label: str) -> str:
    """How the custom-fields API keys an option created from ``label`` (see the schema pass)."""
    return label.strip().lower().replace(" ", "_")


def within_options(out: Output, options: list[str], by_key: bool = False) -> Output:
    """A pick-list value matched to the field's option spelling (or key); a value outside them is reported."""
    if not options:
        return out
    pairs = {o.strip().lower(): (option_key(o) if by_key else o) for o in options}
    pairs.update({option_key(o): (option_key(o) if by_key else o) for o in options})
    cases = " ".join(f"WHEN {lit(k)} THEN {lit(v)}" for k, v in pairs.items())
    value = f"CASE lower(trim(CAST({out.value} AS VARCHAR))) {cases} END"
    raw = f"CAST({out.value} AS VARCHAR)"
    error = (
        f"CASE WHEN {raw} IS NOT NULL AND ({value}) IS NULL THEN 'not among the field options: ' || {raw} END"
    )
    combined = f"coalesce({out.error}, {error})" if out.error else error
    return Output(out.key, value, combined, out.append, out.blocks)


def as_country(out: Output) -> Output:
    call = f"hl_country(CAST({out.value} AS VARCHAR))"
    error = f"coalesce({out.error}, {call}.error)" if out.error else f"{call}.error"
    return Output(out.key, f"{call}.value", error, out.append, out.blocks)
