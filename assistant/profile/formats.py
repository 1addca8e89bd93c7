"""Detectors that also work out a format: dates, numbers and money, phones, booleans, lists."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import phonenumbers

from assistant.profile.ambiguous_dates import ambiguous_day_month
from assistant.profile.api_dates import api_date_format
from assistant.profile.models import SemanticType
from assistant.profile.patterns import FALSE_WORDS, TRUE_WORDS
from assistant.profile.stats import ColumnStats

STRONG = 0.8  # share of non-blank values a detector needs to name the column's type


@dataclass
class Detected:
    type: SemanticType
    share: float
    evidence: list[str] = field(default_factory=list)
    format: str | None = None
    locale: str | None = None
    currency: str | None = None
    country: str | None = None
    separator: str | None = None
    true_values: list[str] = field(default_factory=list)
    extra: dict[str, float] = field(default_factory=dict)


def pct(share: float) -> str:
    return f"{share:.0%}"


_DATE_FORMATS = [  # detector, type, format, words
    ("iso_offset", SemanticType.DATETIME, "iso-offset", "ISO 8601 with offset (2025-01-15T00:00:00+0000)"),
    ("ymd_hms", SemanticType.DATETIME, "%Y-%m-%d %H:%M:%S", "YYYY-MM-DD HH:MM:SS"),
    ("ymd_hm", SemanticType.DATETIME, "%Y-%m-%d %H:%M", "YYYY-MM-DD HH:MM"),
    ("iso_t", SemanticType.DATETIME, "iso", "ISO 8601 date-time without offset"),
    ("iso_date", SemanticType.DATE, "%Y-%m-%d", "ISO date YYYY-MM-DD"),
    ("ymd_slash_offset", SemanticType.DATETIME, "%Y/%m/%d %H:%M:%S %z", "YYYY/MM/DD HH:MM:SS with offset"),
    ("ymd_hms_offset", SemanticType.DATETIME, "%Y-%m-%d %H:%M:%S %z", "YYYY-MM-DD HH:MM:SS with offset"),
    ("ymd_slash_hms", SemanticType.DATETIME, "%Y/%m/%d %H:%M:%S", "YYYY/MM/DD HH:MM:SS"),
    ("ymd_slash", SemanticType.DATE, "%Y/%m/%d", "year-first date YYYY/MM/DD"),
    ("dmy_like", SemanticType.DATE, "", "day/month/year or month/day/year"),
    ("month_name_mdy", SemanticType.DATE, "%b %d, %Y", "month name, day, year (Jan 27, 2025)"),
    ("month_name_dmy", SemanticType.DATE, "%d %b %Y", "day, month name, year (27 Jan 2025)"),
    ("dotnet_date", SemanticType.DATETIME, "dotnet", ".NET JSON dates (/Date(1712102400000+0000)/)"),
]


def detect_date(stats: ColumnStats, default_country: str | None) -> Detected | None:
    shares = {name: stats.share(name) for name, *_ in _DATE_FORMATS}
    # The detectors match whole values and never the same one (an ISO time with an offset is not one
    # without): their shares add up. A 12-row history mixing +0100, .000+01:00 and no zone is all dates.
    total = min(1.0, sum(shares.values()))
    if total < STRONG:
        return None
    name, kind, fmt, words = max(_DATE_FORMATS, key=lambda item: shares[item[0]])
    evidence = [f"{pct(shares[name])} match {words}"]
    if name == "dmy_like":
        kind, fmt, more = _day_month_order(stats, default_country)
        evidence.append(more)
    elif name.startswith("month_name"):
        kind, fmt = month_name_format(fmt, [value for value, _ in stats.top])
    kind, fmt, read = api_date_format(name, kind, fmt, [value for value, _ in stats.top])
    evidence += [read] if read else []
    others = [f"{pct(shares[n])} {w}" for n, _, _, w in _DATE_FORMATS if n != name and shares[n] > 0]
    if others:
        evidence.append("other date formats present: " + ", ".join(others))
    detected = Detected(kind, total, evidence, format=fmt)
    either = ambiguous_day_month(stats) if name != "dmy_like" else None
    if either is not None:
        detected.extra["ambiguous_dates"], line = either
        detected.evidence.append(line)
    return detected


def _day_month_order(stats: ColumnStats, default_country: str | None) -> tuple[SemanticType, str, str]:
    first, second = stats.counts.get("first_gt12", 0), stats.counts.get("second_gt12", 0)
    sep = _separator_of(stats.top)
    if second > first:
        order, why = f"%m{sep}%d{sep}%Y", f"{second} values have a second part above 12 → MM{sep}DD{sep}YYYY"
    elif first > 0:
        order, why = f"%d{sep}%m{sep}%Y", f"{first} values have a first part above 12 → DD{sep}MM{sep}YYYY"
    elif (default_country or "").upper() == "US":
        order, why = f"%m{sep}%d{sep}%Y", "no part above 12; assumed MM/DD/YYYY from the default country"
    else:
        order, why = f"%d{sep}%m{sep}%Y", "no part above 12; assumed DD/MM/YYYY"
    if stats.share("dmy_like_ampm") >= 0.5:
        return SemanticType.DATETIME, order + " %I:%M %p", why + " with hh:mm AM/PM time"
    if stats.share("dmy_like_time") >= 0.5:
        return SemanticType.DATETIME, order + " %H:%M", why + " with HH:MM time"
    return SemanticType.DATE, order, why


def month_name_format(base: str, values: list[str]) -> tuple[SemanticType, str]:
    """The exact spelling of a month-name date column, read from its values: separators and any time."""
    sample = [v.strip() for v in values if v.strip()][:50]
    if base.startswith("%d") and any("-" in v[:7] for v in sample):
        base = "%d-%b-%Y"
    if base.startswith("%b") and sample and not any("," in v for v in sample):
        base = "%b %d %Y"
    seconds = ":%S" if any(v.count(":") == 2 for v in sample) else ""
    if any(v[-2:].upper() in ("AM", "PM") for v in sample):
        return SemanticType.DATETIME, f"{base} %I:%M{seconds} %p"
    if any(":" in v for v in sample):
        return SemanticType.DATETIME, f"{base} %H:%M{seconds}"
    return SemanticType.DATE, base


def _separator_of(top: list[tuple[str, int]]) -> str:
    seps = Counter(ch for value, _ in top for ch in value[:6] if ch in "/.-")
    return seps.most_common(1)[0][0] if seps else "/"


def detect_number(stats: ColumnStats, money_hint: bool) -> Detected | None:
    es, en = stats.share("num_es"), stats.share("num_en")
    share = max(es, en)
    if share < STRONG:
        return None
    currencies = {"EUR": stats.share("cur_eur"), "USD": stats.share("cur_usd"), "GBP": stats.share("cur_gbp")}
    currency, cur_share = max(currencies.items(), key=lambda item: item[1])
    comma_dec, point_dec = stats.counts.get("decimal_comma", 0), stats.counts.get("decimal_point", 0)
    dot_k, comma_k = stats.counts.get("thousands_dot", 0), stats.counts.get("thousands_comma", 0)
    integer = stats.share("integer")
    if integer >= 0.95 and cur_share < 0.3:
        return Detected(SemanticType.INTEGER, integer, [f"{pct(integer)} are whole numbers"])
    es_score, en_score = comma_dec * 2 + dot_k, point_dec * 2 + comma_k
    locale = "es" if es_score > en_score else "en"
    evidence = [f"{pct(share)} are numbers"]
    evidence.append(
        "decimal comma / dot thousands (1.234,56)" if locale == "es" else "decimal point (1,234.56)"
    )
    kind = SemanticType.DECIMAL
    if cur_share >= 0.3:
        kind = SemanticType.MONEY
        evidence.append(f"{pct(cur_share)} carry a {currency} symbol or code")
    elif money_hint:
        kind, currency = SemanticType.MONEY, ""
        evidence.append("column name suggests an amount")
    return Detected(
        kind, share, evidence, format=locale, locale=locale, currency=currency if cur_share >= 0.3 else None
    )


def detect_phone(stats: ColumnStats, phone_hint: bool, default_country: str | None) -> Detected | None:
    share = stats.share("phone")
    formatted = stats.share("phone_formatted")
    if share < STRONG or not (formatted >= 0.5 or phone_hint or stats.share("phone_es") >= STRONG):
        return None
    country, why = phone_country(stats, default_country)
    evidence = [f"{pct(share)} match a phone pattern", why]
    return Detected(SemanticType.PHONE, share, evidence, country=country)


def phone_country(stats: ColumnStats, default_country: str | None) -> tuple[str | None, str]:
    """Country from prefix counts, confirmed with libphonenumber on the few top values only."""
    regions = Counter[str]()
    for value, _ in stats.top[:10]:
        try:
            number = phonenumbers.parse(value, None if value.startswith(("+", "00")) else default_country)
        except phonenumbers.NumberParseException:
            continue
        region = phonenumbers.region_code_for_number(number)
        if region:
            regions[region] += 1
    if stats.share("phone_es") >= 0.5:
        return "ES", f"{pct(stats.share('phone_es'))} are Spanish numbers (+34/0034 or 9 digits from 6–9)"
    if stats.share("phone_us") >= 0.5:
        return "US", f"{pct(stats.share('phone_us'))} have the US (xxx) xxx-xxxx shape"
    if regions:
        region, seen = regions.most_common(1)[0]
        return region, f"{seen} of the top values parse as {region} numbers"
    return default_country, "no country prefix seen"


def detect_boolean(stats: ColumnStats) -> Detected | None:
    values = Counter[str]()
    for value, n in stats.top:
        values[value.strip().lower()] += n
    # every value must be a boolean spelling; how many spellings a column mixes does not matter
    if not values or sum(values.values()) < stats.nonblank:
        return None
    if not set(values) <= TRUE_WORDS | FALSE_WORDS:
        return None
    true = [value for value, _ in stats.top if value.strip().lower() in TRUE_WORDS]
    blanks_mean_false = not (set(values) & FALSE_WORDS) and stats.nonblank < stats.row_count
    # one spelled-out value ("false" everywhere) is still a flag; a lone "1" or "x" needs blanks beside it
    spelled = len(values) == 1 and set(values) <= _SPELLED
    if not spelled and (not true or not (set(values) & FALSE_WORDS or blanks_mean_false)):
        return None
    evidence = ["all values are " + "/".join(sorted(values))]
    if blanks_mean_false:
        evidence.append("blank means false")
    return Detected(SemanticType.BOOLEAN, 1.0, evidence, true_values=true)


_SPELLED = {"true", "false", "sí", "si", "no", "yes"}
_LIST_SEPARATORS = [
    ("list_star_slash", "*/*"),  # a marketing CRM's tag export ('Customer*/*Webinar lead')
    ("list_semicolon", ";"),
    ("list_pipe", "|"),
    ("list_slash", " / "),
    ("list_comma", ","),
]


def detect_contact_list(stats: ColumnStats) -> Detected | None:
    """Cells holding several emails or phones, with the separator."""
    for detector, kind in (("email_list", "emails"), ("phone_list", "phones")):
        listed = stats.share(detector)
        single = stats.share("email" if kind == "emails" else "phone")
        if listed >= 0.05 and listed + single >= STRONG:
            sep = _list_separator(stats)
            return Detected(
                SemanticType.MULTI_VALUE,
                listed + single,
                [f"{pct(listed)} hold several {kind}"],
                separator=sep,
            )
    return None


def detect_tag_list(stats: ColumnStats) -> Detected | None:
    """Cells holding several short tags or categories (or JSON arrays), with the separator.

    Tags repeat across cells; sentences with commas do not, so tokens must repeat.
    """
    arrays = stats.share("json_array")
    if arrays >= STRONG:
        return Detected(
            SemanticType.MULTI_VALUE, arrays, [f"{pct(arrays)} are JSON arrays"], separator="json"
        )
    if stats.share("sentence") >= 0.1 or stats.share("many_words") >= 0.2:  # prose, not lists
        return None
    for detector, sep in _LIST_SEPARATORS:
        listed = stats.share(detector)
        tokens, distinct = stats.tokens.get(sep, (0, 0))
        if (
            listed >= 0.15
            and listed + stats.share("short_token") >= 0.95
            and distinct <= tokens * 0.5
            and _varies_like_a_list(stats, sep)
        ):
            evidence = [
                f"{pct(listed)} hold several short values separated by '{sep}'",
                f"{distinct} distinct values across {tokens} list items",
            ]
            return Detected(SemanticType.MULTI_VALUE, listed, evidence, separator=sep)
    return None


def _varies_like_a_list(stats: ColumnStats, sep: str) -> bool:
    """One label that holds the separator ('Channel Partner / Reseller') is no list: a list's cells
    vary their combinations, or its items also stand alone ('VIP; cliente-vip' beside 'VIP')."""
    singles = {value.strip().lower() for value, _ in stats.top if sep not in value}
    combos = [value for value, _ in stats.top if sep in value]
    parts = {p.strip().lower() for value in combos for p in value.split(sep)}
    return len(combos) > 1 or bool(parts & singles)


def _list_separator(stats: ColumnStats) -> str:
    counts = Counter(sep for value, _ in stats.top for sep in (";", "|", ",", "/") if sep in value)
    return counts.most_common(1)[0][0] if counts else ";"
