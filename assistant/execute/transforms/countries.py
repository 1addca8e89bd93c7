"""Country values as the ISO 3166 alpha-2 codes HighLevel stores ("España", "Deutschland" → ES, DE).

HighLevel keeps whatever ``country`` it is sent, but its phone formatting, address display and
filters expect the two-letter code; a name stays unusable there. Names come from libphonenumber's
region names in the vocabulary's languages (English, Spanish, German, French, Portuguese,
Italian) plus the common short forms, compared without case, accents or punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import pyarrow as pa

LANGUAGES = ("aa", "en", "es", "de", "fr", "pt", "it")  # "aa" is libphonenumber's English default
ALIASES = {
    "usa": "US", "us": "US", "eeuu": "US", "eua": "US", "united states of america": "US",
    "america": "US", "uk": "GB", "england": "GB", "great britain": "GB", "inglaterra": "GB",
    "scotland": "GB", "wales": "GB", "holland": "NL", "holanda": "NL", "deutschland brd": "DE",
    "uae": "AE", "emiratos arabes": "AE", "paises bajos": "NL", "paises baixos": "NL",
    "vereinigte staaten": "US", "alemanha": "DE",
}  # fmt: skip
RESULT = pa.struct([("value", pa.string()), ("error", pa.string())])


def key(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"[.']", "", plain.lower())).strip()  # U.S.A. -> usa


@cache
def names() -> dict[str, str]:
    """Normalised name or code → alpha-2 code."""
    # Imported here: the geodata package loads every region's data (over a second per process).
    from phonenumbers.geodata.locale import LOCALE_DATA

    out: dict[str, str] = {}
    for region, by_language in LOCALE_DATA.items():
        if len(region) != 2 or not region.isalpha():
            continue
        out[region.lower()] = region
        for language in LANGUAGES:
            name = by_language.get(language, "")
            while name.startswith("*"):  # "*aa": the same as another language's name
                name = by_language.get(name[1:], "")
            if name:
                out.setdefault(key(name), region)
    for alias, region in ALIASES.items():
        out.setdefault(alias, region)
    return out


@lru_cache(maxsize=50_000)
def country_code(raw: str) -> tuple[str | None, str | None]:
    found = names().get(key(raw))
    return (found, None) if found else (None, f"not a country name or ISO code HighLevel accepts: {raw}")


def country_batch(values: pa.Array) -> pa.Array:
    out = [
        None if v is None or not v.strip() else dict(zip(("value", "error"), country_code(v), strict=True))
        for v in values.to_pylist()
    ]
    return pa.array(out, type=RESULT)
