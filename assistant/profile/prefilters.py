"""More cheap necessary conditions in front of detectors: mostly the first byte and the length.

Like ``guards``, each must hold for every value its detector matches (tests/test_profile_prefilters.py
checks them on values that reach every detector). They read the first byte or the length in bytes,
which costs a comparison: text compares byte by byte, so ``v >= '0' AND v < ':'`` says the first
character is an ASCII digit, and every character outside ASCII (an accented capital, a letter a
case-insensitive pattern folds to, like the Kelvin sign for 'k') starts with a byte at or above
``chr(128)``'s. Byte lengths allow for such letters wherever a pattern's letters could be them.
"""

from __future__ import annotations

_WIDE = "{v} >= chr(128)"  # starts with a character outside ASCII
_DIGIT = "({v} >= '0' AND {v} < ':')"
_CAPITAL = f"(({{v}} >= 'A' AND {{v}} < '[') OR {_WIDE})"  # \p{{Lu}} first
# '(' … '9' holds every first character of a phone pattern: '(', '+', digits
_PHONE_LEAD = "({v} >= '(' AND {v} < ':')"
# an amount starts with a currency mark (ASCII '$', wide '€' / '£', 'USD', 'EUR', 'GBP'), a space,
# a sign, a '.' or ',' or a digit: all below 'H' but 'U' and the wide marks
_AMOUNT_LEAD = f"({{v}} < 'H' OR ({{v}} >= 'U' AND {{v}} < 'V') OR {_WIDE})"
_LETTER_LEAD = "{v} >= 'A'"  # a letter (ASCII or not) first: no digit, sign or bracket
_SPACE = "(" + " OR ".join(f"contains({{v}}, chr({code}))" for code in (32, 9, 10, 12, 13)) + ")"  # RE2's \s
_PLACE = f"({_LETTER_LEAD} AND NOT contains({{v}}, '@'))"  # a listed place name, any case


def _length(low: int, high: int | None = None) -> str:
    if high is None:
        return f"strlen({{v}}) >= {low}"
    return f"strlen({{v}}) = {low}" if low == high else f"strlen({{v}}) BETWEEN {low} AND {high}"


def _all(*conditions: str) -> str:
    return "(" + " AND ".join(conditions) + ")"


PREFILTERS: dict[str, str] = {
    "email_list": "{v} LIKE '%@%@%'",  # two addresses at least
    "url": "(contains({v}, '.') OR contains({v}, ':'))",  # 'www.' or 'a.b' hold a '.', 'http://' a ':'
    "phone": _all(_PHONE_LEAD, _length(6, 22)),
    "phone_formatted": _all(_PHONE_LEAD, _length(8, 24)),
    "phone_list": _all(
        _PHONE_LEAD,
        _length(13),
        "(contains({v}, ';') OR contains({v}, ',') OR contains({v}, '|') OR contains({v}, '/'))",
    ),
    "phone_us": _all(_PHONE_LEAD, _length(10, 17)),
    "phone_es": _length(9),  # nine digits at least
    "phone_intl": "(starts_with({v}, '+') OR starts_with({v}, '00'))",
    "iso_offset": _DIGIT,
    "iso_t": _DIGIT,
    "ymd_hm": _length(16, 16),
    "ymd_hms": _length(19, 26),
    "dotnet_date": "starts_with({v}, '/Date(')",
    "iso_date": _length(10, 10),
    "dmy_like": _all(_DIGIT, _length(8, 22)),
    "ymd_slash": _all(_DIGIT, _length(8, 10)),
    "ymd_slash_hms": _length(19, 19),
    "ymd_slash_offset": _length(25, 26),
    "ymd_hms_offset": _length(25, 26),
    "epoch_s": _all(_DIGIT, _length(10, 10)),
    "epoch_ms": _all(_DIGIT, _length(13, 13)),
    "month_name_mdy": _all(_LETTER_LEAD, _length(10)),
    "month_name_dmy": _all(_DIGIT, _length(10)),
    "dmy_like_time": _all(_DIGIT, _length(13, 16)),
    "dmy_like_ampm": _all(_DIGIT, _length(15, 19)),
    "first_gt12": _all("{v} >= '1' AND {v} < '4'", _length(9)),
    "second_gt12": _all(_DIGIT, _length(9)),
    "integer": "({v} >= '+' AND {v} < ':')",  # '+', '-' or a digit first
    "num_es": _AMOUNT_LEAD,
    "num_en": _AMOUNT_LEAD,
    "decimal_comma": _AMOUNT_LEAD,
    "decimal_point": _AMOUNT_LEAD,
    "thousands_dot": _AMOUNT_LEAD,
    "thousands_comma": _AMOUNT_LEAD,
    "cur_eur": "(contains({v}, '€') OR contains({v}, 'EUR'))",
    "cur_usd": "(contains({v}, '$') OR contains({v}, 'USD'))",
    "cur_gbp": "(contains({v}, '£') OR contains({v}, 'GBP'))",
    "person": _all(_CAPITAL, _length(4)),
    "name_word": _all(_CAPITAL, _length(2)),
    "postal5": _length(5, 5),
    "postal4": _length(4, 4),
    "zip4": _length(10, 10),
    "postal_leading_zero": _all("starts_with({v}, '0')", _length(5, 5)),
    "postal_ca": _all(_LETTER_LEAD, _length(6, 13)),
    "postal_uk": _all(_LETTER_LEAD, _length(5, 18)),
    "country_name": _PLACE,
    "es_province": _PLACE,
    "us_state": _PLACE,
    # a Spanish street word first (all ASCII letters), or a US house number, then a space
    "street": f"({{v}} >= 'A' OR ({_DIGIT} AND {_SPACE}))",
    "company": f"({_SPACE} OR contains({{v}}, ','))",  # a suffix follows a space or a comma
    # a capital, or the lower-case particles a place name may start with
    "place_shape": f"({_CAPITAL} OR starts_with({{v}}, 'd') OR starts_with({{v}}, 'l') "
    "OR starts_with({v}, 'e') OR starts_with({v}, 'y'))",
    "tax_id_es": _length(9, 15),
    # spaces are dropped before the IBAN pattern is matched: one may lead
    "iban": _all("(({v} >= 'A' AND {v} < '[') OR starts_with({v}, ' '))", _length(15)),
    "id_like": _all("{v} >= '0'", _length(1, 64)),
    "sentence": _length(4),
    "many_words": _length(9),
}
