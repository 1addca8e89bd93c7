"""Decide each column's semantic type from its statistics; values decide, names only break ties."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.profile.epoch_dates import detect_epoch
from assistant.profile.formats import (
    STRONG,
    Detected,
    detect_boolean,
    detect_contact_list,
    detect_date,
    detect_number,
    detect_phone,
    detect_tag_list,
    pct,
)
from assistant.profile.models import ColumnProfile, SemanticType, ValueCount
from assistant.profile.short_postcodes import four_digit_postcodes
from assistant.profile.stats import ColumnStats
from assistant.settings import ProfileSettings

# header words in English and Spanish, then German, French, Portuguese and Italian
_HINTS = {
    "id": r"(^|[-_ .])(id|uuid|key|ref|reference|code|codigo|number|num|no|#|nº)$|^id[-_ ]",
    "phone": r"phone|tel[eé]?fono|tel$|movil|móvil|mobile|cell|fax"
    r"|telefon|handy|mobil|festnetz|t[eé]l[eé]phone|portable|telem[oó]vel|cellulare",
    "money": r"amount|total|price|precio|importe|coste?|cost|balance|paid|subtotal|tax|iva|fee|value"
    r"|betrag|summe|preis|kosten|umsatz|netto|brutto|montant|prix|valor|pre[cç]o|importo|prezzo",
    "percent": r"percent|porcentaje|pct|rate|ratio|%|prozent|pourcentage",
    "postal": r"postal|zip|(^|[-_ .])cp$|post[-_ ]?code|^plz$|postleitzahl|^cep$|^cap$",
    "city": r"city|ciudad|town|localidad|poblaci[oó]n|municipio|^ort$|stadt|wohnort|ville|cidade|citt[aà]",
    "region": r"province|provincia|state|region|regi[oó]n|county|comunidad|bundesland|kanton|d[eé]partement",
    # first/last/given names on their own (a full "name" column is told apart by its values)
    "person": r"(first|last|given|family|middle|sur|fore)[-_ .]?name|^(nombre|apellidos?|surname|forename)$"
    r"|vorname|nachname|familienname|pr[eé]nom|nom de famille|sobrenome|cognome",
    "company": r"company|empresa|legal|raz[oó]n|business|organi[sz]ation|account[-_ ]?name|compañ[ií]a"
    r"|firma|unternehmen|soci[eé]t[eé]|entreprise|raison sociale|azienda|ragione sociale",
}


def name_hint(column: str, hint: str) -> bool:
    return re.search(_HINTS[hint], column.lower()) is not None


# a header ending in a key word ('site.id', 'job-type-id', 'siteId'): its values are ids, whatever shape
_KEY_HEADER = re.compile(r"(?:^|[-_ .])(?:id|uuid|key)$", re.IGNORECASE)
_CAMEL_KEY = re.compile(r"[a-z](?:Id|ID|Uuid|Key)$")


def names_a_key(column: str) -> bool:
    return _KEY_HEADER.search(column) is not None or _CAMEL_KEY.search(column) is not None


def _strong(stats: ColumnStats, detector: str, kind: SemanticType, words: str) -> Detected | None:
    share = stats.share(detector)
    return Detected(kind, share, [f"{pct(share)} {words}"]) if share >= STRONG else None


_POSTAL_SHAPES = (  # detector, country (None: several use it), words
    ("postal5", None, "5-digit postal codes / ZIP codes"),
    ("zip4", "US", "ZIP+4 codes"),
    ("postal_ca", "CA", "Canadian postal codes (A1A 1A1)"),
    ("postal_uk", "GB", "UK postcodes (SW1A 1AA)"),
)


def _postal(stats: ColumnStats, column: str) -> Detected | None:
    shares = {name: stats.share(name) for name, _, _ in _POSTAL_SHAPES}
    share = sum(shares.values())
    if share < 0.9:
        return None
    reasons = []
    if name_hint(column, "postal"):
        reasons.append("column name says postal code")
    if stats.counts.get("postal_leading_zero", 0):
        reasons.append("leading zeros kept")
    if stats.counts.get("zip4", 0):
        reasons.append("ZIP+4 values")
    if stats.distinct < stats.nonblank * 0.9 and not names_a_key(column):
        reasons.append("values repeat")  # under 'site.id' they are the ids of records rows share
    # letter-digit codes are a shape nothing else has; 5 digits alone could be any number
    lettered = shares["postal_ca"] + shares["postal_uk"] >= 0.5
    if not reasons and not lettered:
        return None
    name, country, words = max(_POSTAL_SHAPES, key=lambda shape: shares[shape[0]])
    if name == "postal5":
        country = "US" if stats.counts.get("zip4", 0) else None
    evidence = [f"{pct(share)} are {words}", *reasons]
    return Detected(SemanticType.POSTAL_CODE, share, evidence, country=country)


def _place(stats: ColumnStats, column: str) -> Detected | None:
    country = stats.share("country_code") + stats.share("country_name")
    if country >= STRONG and stats.share("country_code") >= stats.share("us_state"):
        return Detected(SemanticType.COUNTRY, country, [f"{pct(country)} are country codes or names"])
    region = stats.share("es_province") + stats.share("us_state")
    city_hint, region_hint = name_hint(column, "city"), name_hint(column, "region")
    if not city_hint and (region >= STRONG or (region >= 0.5 and region_hint)):
        return Detected(SemanticType.REGION, region, [f"{pct(region)} are Spanish provinces or US states"])
    shape = stats.share("place_shape")
    if city_hint and shape >= STRONG:
        return Detected(SemanticType.CITY, shape, [f"{pct(shape)} look like place names", "column name"])
    if region_hint and shape >= STRONG:
        return Detected(SemanticType.REGION, shape, [f"{pct(shape)} look like place names", "column name"])
    return None


# people's names repeat a little (a contact on two records): options recur far more often than that
PEOPLE_MIN_ROWS_PER_VALUE = 3.0


def _picklist(stats: ColumnStats, settings: ProfileSettings) -> Detected | None:
    repeated = stats.distinct <= max(2, stats.nonblank // 2)
    short = (stats.avg_len or 0) <= 40 and stats.share("many_words") < 0.5
    people = stats.share("person") >= STRONG and stats.nonblank < PEOPLE_MIN_ROWS_PER_VALUE * stats.distinct
    if people:
        return None  # many distinct people's names: a name column (the name detector reads it), no options
    if stats.distinct <= settings.picklist_max_distinct and repeated and short and stats.nonblank >= 4:
        words = f"{stats.distinct} distinct short values repeated over {stats.nonblank} rows"
        return Detected(SemanticType.PICKLIST, 1.0, [words])
    return None


def _names(stats: ColumnStats, column: str) -> Detected | None:
    company, person = stats.share("company"), stats.share("person")
    if (
        company >= 0.5
        or (company >= 0.2 and company + person >= 0.7)
        or (company > 0 and name_hint(column, "company"))
    ):
        words = f"{pct(company)} end in a company suffix (S.L., S.A., Inc, LLC, Ltd…)"
        return Detected(SemanticType.COMPANY_NAME, company, [words])
    if person >= STRONG:
        return Detected(SemanticType.PERSON_NAME, person, [f"{pct(person)} are 2–4 capitalised words"])
    return None


def _company(stats: ColumnStats) -> Detected | None:
    """Names ending in a company suffix, checked before lists: "Smith & Sons, LLC" is no tag list."""
    company = stats.share("company")
    if company < STRONG:
        return None
    return Detected(SemanticType.COMPANY_NAME, company, [f"{pct(company)} end in a company suffix"])


def _single_names(stats: ColumnStats, column: str) -> Detected | None:
    """First or last names on their own: capitalised single words under a first/last name header.

    Checked before pick-lists, since a few hundred given names repeat like a pick-list's values.
    """
    single, person = stats.share("name_word"), stats.share("person")
    # mostly full names ("Ana López") are left to the general name detector
    if not name_hint(column, "person") or person >= STRONG or single + person < STRONG:
        return None
    share = single + person
    words = [f"{pct(single)} are single capitalised words", "column name says first/last name"]
    return Detected(SemanticType.PERSON_NAME, min(share, 1.0), words)


def _identifier(stats: ColumnStats, column: str) -> Detected | None:
    tax, iban = stats.share("tax_id_es"), stats.share("iban")
    if tax >= STRONG:
        return Detected(SemanticType.IDENTIFIER, tax, [f"{pct(tax)} are Spanish tax ids (NIF/CIF/NIE)"])
    if iban >= STRONG:
        return Detected(SemanticType.IDENTIFIER, iban, [f"{pct(iban)} are IBAN bank accounts"])
    unique = stats.distinct / stats.nonblank if stats.nonblank else 0.0
    id_like = stats.share("id_like")
    numeric = stats.share("integer") >= 0.95
    if unique >= 0.98 and id_like >= 0.95 and (not numeric or name_hint(column, "id")):
        return Detected(
            SemanticType.IDENTIFIER, id_like, [f"{pct(unique)} unique", f"{pct(id_like)} id-like"]
        )
    codes = stats.share("has_digit")
    if name_hint(column, "id") and id_like >= 0.95 and codes >= 0.95:  # repeated codes: references
        words = [f"{pct(id_like)} id-like codes, {pct(unique)} unique", "column name says id/reference"]
        return Detected(SemanticType.IDENTIFIER, id_like, words)
    return None


def detect(stats: ColumnStats, settings: ProfileSettings) -> Detected:
    """The first detector in priority order that the values support."""
    column, country = stats.name, settings.default_country
    steps: tuple[Callable[[], Detected | None], ...] = (
        lambda: detect_boolean(stats),
        lambda: detect_contact_list(stats),
        lambda: _strong(stats, "email", SemanticType.EMAIL, "match the email pattern"),
        lambda: _strong(stats, "url", SemanticType.URL, "are web addresses"),
        lambda: _strong(stats, "path", SemanticType.IDENTIFIER, "are resource paths like /clients/123"),
        lambda: detect_date(stats, country),
        lambda: detect_epoch(stats.counts, stats.sample_nonblank, column),
        lambda: (
            _identifier(stats, column)
            if max(stats.share("tax_id_es"), stats.share("iban")) >= STRONG
            else None
        ),
        lambda: detect_phone(stats, name_hint(column, "phone"), country),
        lambda: _postal(stats, column),
        lambda: four_digit_postcodes(stats, name_hint(column, "postal")),
        lambda: _identifier(stats, column) if name_hint(column, "id") else None,
        lambda: detect_number(stats, name_hint(column, "money") and not name_hint(column, "percent")),
        lambda: _place(stats, column),
        lambda: _strong(stats, "street", SemanticType.ADDRESS, "start or end like a street line"),
        lambda: _company(stats),
        lambda: detect_tag_list(stats),
        lambda: _single_names(stats, column),
        lambda: _picklist(stats, settings),
        lambda: _names(stats, column),
        lambda: _identifier(stats, column),
    )
    for step in steps:
        found = step()
        if found is not None:
            return found
    words = stats.share("many_words")
    return Detected(SemanticType.FREE_TEXT, 1.0, [f"no pattern dominates; {pct(words)} have 5+ words"])


def profile_column(table: str, stats: ColumnStats, settings: ProfileSettings) -> ColumnProfile:
    top = [ValueCount(value=v, count=n) for v, n in stats.top]
    base = ColumnProfile(
        table=table,
        column=stats.name,
        position=stats.position,
        semantic_type=SemanticType.EMPTY,
        row_count=stats.row_count,
        null_count=stats.row_count - stats.nonblank,
        null_share=(stats.row_count - stats.nonblank) / stats.row_count if stats.row_count else 0.0,
        distinct_count=stats.distinct,
        unique_share=stats.distinct / stats.nonblank if stats.nonblank else 0.0,
        top_values=top[:10],
        min_value=stats.min_text,
        max_value=stats.max_text,
        min_length=stats.min_len,
        max_length=stats.max_len,
        avg_length=round(stats.avg_len, 2) if stats.avg_len is not None else None,
        samples=[v for v, _ in stats.top[: settings.sample_values]],
    )
    if stats.nonblank == 0 or stats.sample_nonblank == 0:
        base.evidence = ["every value is blank" if stats.nonblank == 0 else "only whitespace"]
        return base
    found = detect(stats, settings)
    base.semantic_type = found.type
    base.evidence = found.evidence
    base.type_share = round(min(found.share, 1.0), 4)
    base.format, base.locale, base.currency = found.format, found.locale, found.currency
    base.country, base.separator, base.true_values = found.country, found.separator, found.true_values
    if found.type is SemanticType.PICKLIST:
        base.picklist = top
    base.extra.update(found.extra)
    if not stats.distinct_exact:
        base.extra["distinct_estimated"] = True
    return base
