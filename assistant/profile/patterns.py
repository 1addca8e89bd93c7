"""Value detectors as DuckDB boolean expressions over one trimmed, non-blank value ``{v}``.

Each detector is counted with ``count(*) FILTER (WHERE …)`` inside one aggregate query per
table, so adding a detector costs a predicate, not a scan. Regexes are RE2 (DuckDB's engine).
"""

from __future__ import annotations

import phonenumbers

from assistant.profile.api_dates import DOTNET_PATTERN

_EMAIL = r"[\p{L}0-9._%+'-]+@[\p{L}0-9-]+(\.[\p{L}0-9-]+)*\.\p{L}{2,}"
_PHONE = (
    r"(\+|00)[0-9][0-9 ().-]{6,18}[0-9]"
    r"|\(?[0-9]{2,4}\)?[ ./-]?[0-9]{2,4}[ .-]?[0-9]{2,4}([ .-]?[0-9]{2,4})?"
)  # '0497/21.54.70': a slash may part the area code off (Belgian, German, Austrian habit)
# "(\+34|0034)?[6789][0-9]{8}" once every character but digits and '+' is dropped, matched with those
# characters allowed between the others instead: dropping them first copies every value
_NOT_DIGIT = "[^0-9+]*"
_PHONE_ES = (
    rf"{_NOT_DIGIT}(\+{_NOT_DIGIT}3{_NOT_DIGIT}4{_NOT_DIGIT}|0{_NOT_DIGIT}0{_NOT_DIGIT}3{_NOT_DIGIT}4{_NOT_DIGIT})?"
    rf"[6789]{_NOT_DIGIT}([0-9]{_NOT_DIGIT}){{8}}"
)
_CUR_PRE = r"(?:[$€£]|US\$|USD|EUR|GBP)?\s?"
_CUR_POST = r"\s?(?:[$€£]|USD|EUR|GBP)?"
_NUM_ES = r"[+-]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]{1,4})?"
_NUM_EN = r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]{1,4})?"
_MAGNITUDE = r"(?: ?[kKmM])?"  # '41.6k', '1.2M': abbreviated amounts (transforms/magnitudes reads them)
_ISO_T = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
_PLACE_WORD = r"(\p{Lu}[\p{L}'’.-]*|de|del|la|las|los|el|y|d'|l')"
_NAME_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
_PARTICLE = r"(?:de|del|la|las|los|y|i|van|von|da|di|du|le|st\.)"
_COMPANY_SUFFIX = (
    r"(?i).*[\s,](S\.?\s?L\.?(\s?U\.?)?|S\.?\s?A\.?(\s?U\.?)?|S\.?\s?L\.?\s?L\.?|S\.?\s?Coop\.?|C\.?\s?B\.?"
    r"|S\.?\s?C\.?|Inc\.?|LLC\.?|L\.L\.C\.|Ltd\.?|Limited|Co\.|Corp\.?|Corporation|GmbH|AG|B\.?V\.?"
    r"|PLC|LLP|L\.?P\.?|Company|Group|Grupo|Holdings?)"
)
_STREET_ES = (
    r"(?i)((calle|cl|avda|av|avenida|plaza|pza|paseo|ctra|carretera|camino|ronda|traves[ií]a|urb"
    r"|urbanizaci[oó]n|pol|pol[ií]gono|r[uú]a|v[ií]a|glorieta|passeig|carrer)\s+"
    r"|(c/|c\.|cl\.|avda\.|av\.|pza\.|pl\.|pº|ctra\.|urb\.|pol\.)\s*)\p{L}.*"
)
_STREET_US = (
    r"(?i)[0-9]+[A-Za-z]?\s+.*\b(st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court"
    r"|pl|place|hwy|highway|pkwy|parkway|sq|square|ter|terrace|cir|circle)\b\.?.*"
)


EPOCH_LAST = 4102444800  # 2100-01-01 in unix seconds: later values are no plausible date
_DMY = r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}"
# English month names as US and UK exports write dates ("Jan 27, 2025", "27 Jan 2025", "27-Jan-2025")
_MONTH = r"(?i)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_CLOCK = r"( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?"


def _re(pattern: str) -> str:
    return f"regexp_full_match({{v}}, '{pattern.replace(chr(39), chr(39) * 2)}')"


def _list(item: str, sep: str) -> str:
    return _re(rf"({item})(\s*{sep}\s*({item}))+")


def _token_list(sep: str) -> str:
    token = r"[^;|,/]{0,20}\p{L}[^;|,/]{0,20}"  # tags carry letters: "1.234,56" is no list
    return _re(rf"{token}(\s*{sep}\s*{token})+")


def _in_list(values: set[str], expr: str = "lower({v})") -> str:
    quoted = ", ".join("'" + value.replace("'", "''") + "'" for value in sorted(values))
    return f"{expr} IN ({quoted})"


COUNTRY_CODES = {code for code in phonenumbers.SUPPORTED_REGIONS if len(code) == 2}
COUNTRY_NAMES = {
    "spain", "españa", "espana", "united states", "usa", "u.s.a.", "estados unidos", "eeuu", "ee.uu.",
    "mexico", "méxico", "france", "francia", "portugal", "germany", "alemania", "italy", "italia",
    "united kingdom", "uk", "reino unido", "canada", "canadá", "argentina", "colombia", "chile", "peru",
    "perú", "andorra", "netherlands", "países bajos", "belgium", "bélgica", "ireland", "irlanda",
}  # fmt: skip
ES_PROVINCES = {
    "álava", "araba", "albacete", "alicante", "alacant", "almería", "asturias", "ávila", "badajoz",
    "barcelona", "burgos", "cáceres", "cádiz", "cantabria", "castellón", "castelló", "ciudad real",
    "córdoba", "cuenca", "girona", "gerona", "granada", "guadalajara", "gipuzkoa", "guipúzcoa", "huelva",
    "huesca", "illes balears", "islas baleares", "baleares", "jaén", "a coruña", "la coruña", "la rioja",
    "las palmas", "león", "lleida", "lérida", "lugo", "madrid", "málaga", "murcia", "navarra", "ourense",
    "orense", "palencia", "pontevedra", "salamanca", "santa cruz de tenerife", "segovia", "sevilla",
    "soria", "tarragona", "teruel", "toledo", "valencia", "valència", "valladolid", "bizkaia", "vizcaya",
    "zamora", "zaragoza", "ceuta", "melilla",
}  # fmt: skip
US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
    "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
    "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
    "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
    "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
    "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
    "west virginia", "wisconsin", "wyoming", "district of columbia",
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky",
    "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd",
    "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "dc",
}  # fmt: skip
TRUE_WORDS = {
    "sí",
    "si",
    "s",
    "yes",
    "y",
    "true",
    "t",
    "1",
    "x",
    "verdadero",
    "v",
    "on",
    "✓",
    "ja",
    "oui",
    "sim",
    "wahr",
    "vrai",
}
FALSE_WORDS = {"no", "n", "false", "f", "0", "falso", "off", "nein", "non", "não", "nao", "falsch", "faux"}

# name → SQL predicate over the trimmed non-blank value {v}
DETECTORS: dict[str, str] = {
    "email": _re(_EMAIL),
    "email_list": _list(_EMAIL, "[;,| /]"),
    "url": _re(r"(?i)(https?://|www\.)\S+|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?"),
    "path": _re(r"/[A-Za-z][A-Za-z0-9_-]*/[^/\s]+"),
    "phone": _re(_PHONE),
    "phone_formatted": _re(r"(\+|00|\()[0-9 ().-]{7,22}|[0-9]{2,4}[ ./-][0-9]{2,4}([ .-][0-9]{2,4}){1,3}"),
    "phone_list": _list(_PHONE, "[;,|/]"),
    "phone_es": _re(_PHONE_ES),
    "phone_us": _re(r"(\+?1[ .-]?)?\(?[2-9][0-9]{2}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}"),
    "phone_intl": _re(r"(\+|00)[1-9][0-9 ().-]{6,20}"),
    "iso_offset": _re(_ISO_T + r"(Z|[+-][0-9]{2}:?[0-9]{2})"),
    "iso_t": _re(_ISO_T),
    "ymd_hm": _re(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"),
    "ymd_hms": _re(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"),  # '…:00.0'
    "dotnet_date": _re(DOTNET_PATTERN),  # '/Date(1712102400000+0000)/' (see api_dates)
    "iso_date": _re(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"),
    # year first with slashes ('2025/05/03', '2025/05/03 14:02:11'), and times with a numeric offset
    # after a space ('2025-05-03 14:02:11 -0500'): none of them matches another date detector
    "ymd_slash": _re(r"[0-9]{4}/(0?[1-9]|1[0-2])/(0?[1-9]|[12][0-9]|3[01])"),
    "ymd_slash_hms": _re(r"[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}"),
    "ymd_slash_offset": _re(r"[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{2}:?[0-9]{2}"),
    "ymd_hms_offset": _re(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{2}:?[0-9]{2}"),
    # unix times from 2001-09-09 to 2100 in seconds (10 digits) or milliseconds (13); '0' is 'not set'
    "epoch_s": f"({_re('[0-9]{10}')} AND try_cast({{v}} AS BIGINT) <= {EPOCH_LAST})",
    "epoch_ms": f"({_re('[0-9]{13}')} AND try_cast({{v}} AS BIGINT) <= {EPOCH_LAST * 1000})",
    "zero": "{v} = '0'",
    # a day/month/year date, alone or followed by a time ("03/05/2024 2:45 PM", as US exports write it)
    "dmy_like": _re(_DMY + r"( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?"),
    "month_name_mdy": _re(_MONTH + r" [0-9]{1,2},? [0-9]{4}" + _CLOCK),
    "month_name_dmy": _re(r"(?i)[0-9]{1,2}[ -]" + _MONTH[4:] + r"[ -][0-9]{4}" + _CLOCK),
    "dmy_like_time": _re(r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4} [0-9]{1,2}:[0-9]{2}"),
    "dmy_like_ampm": _re(r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4} [0-9]{1,2}:[0-9]{2} ?[AaPp][Mm]"),
    "first_gt12": _re(r"(1[3-9]|2[0-9]|3[01])[/.-][0-9]{1,2}[/.-][0-9]{4}( .*)?"),
    "second_gt12": _re(r"[0-9]{1,2}[/.-](1[3-9]|2[0-9]|3[01])[/.-][0-9]{4}( .*)?"),
    "integer": _re(r"[+-]?[0-9]+"),
    "num_es": _re(_CUR_PRE + _NUM_ES + _MAGNITUDE + _CUR_POST),
    "num_en": _re(_CUR_PRE + _NUM_EN + _MAGNITUDE + _CUR_POST),
    "decimal_comma": _re(_CUR_PRE + r"[+-]?[0-9.]*[0-9],[0-9]{1,4}" + _CUR_POST),
    "decimal_point": _re(_CUR_PRE + r"[+-]?[0-9,]*[0-9]\.[0-9]{1,2}" + _CUR_POST),
    "thousands_dot": _re(_CUR_PRE + r"[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?" + _CUR_POST),
    "thousands_comma": _re(_CUR_PRE + r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?" + _CUR_POST),
    "cur_eur": "regexp_matches({v}, '€|\\bEUR\\b')",
    "cur_usd": "regexp_matches({v}, '\\$|\\bUSD\\b')",
    "cur_gbp": "regexp_matches({v}, '£|\\bGBP\\b')",
    "person": _re(rf"{_NAME_WORD}(\s+({_PARTICLE}|{_NAME_WORD}|\p{{Lu}}\.)){{1,4}}"),
    "name_word": _re(_NAME_WORD),  # one capitalised word: a given name or surname on its own
    "company": _re(_COMPANY_SUFFIX),
    "street": f"({_re(_STREET_ES)} OR {_re(_STREET_US)})",
    "postal5": _re(r"[0-9]{5}"),
    "postal4": _re(r"[0-9]{4}"),  # read as postal codes under a postal header only (short_postcodes)
    "zip4": _re(r"[0-9]{5}-[0-9]{4}"),
    "postal_leading_zero": _re(r"0[0-9]{4}"),
    "postal_ca": _re(r"(?i)[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]"),
    "postal_uk": _re(r"(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}"),
    "country_code": _in_list(COUNTRY_CODES, "{v}"),
    "country_name": _in_list(COUNTRY_NAMES),
    "es_province": _in_list(ES_PROVINCES),
    "us_state": _in_list(US_STATES),
    "place_shape": _re(rf"{_PLACE_WORD}(\s+{_PLACE_WORD}){{0,3}}"),
    "tax_id_es": _re(r"(?i)[0-9]{8}-?[A-Z]|[XYZ]-?[0-9]{7}-?[A-Z]|[ABCDEFGHJNPQRSUVW]-?[0-9]{7}[0-9A-J]"),
    "iban": "regexp_full_match(replace({v}, ' ', ''), '[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}')",
    "json_array": _re(r"\[.*\]"),
    "id_like": _re(r"[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,63}"),
    "has_digit": "regexp_matches({v}, '[0-9]')",
    "sentence": _re(r"\S+\s+\S+.*[.!?]"),
    "many_words": _re(r"\S+(\s+\S+){4,}"),
    "list_star_slash": _token_list(r"\*/\*"),
    "list_semicolon": _token_list(";"),
    "list_pipe": _token_list(r"\|"),
    "list_slash": _token_list(" / "),
    "list_comma": _token_list(","),
    "short_token": _re(r"[^;|,/]{1,40}"),
}  # fmt: skip
