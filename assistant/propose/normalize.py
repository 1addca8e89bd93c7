"""Turn column and table names into comparable tokens and vocabulary concepts.

``main-address.city-town``, ``cityTown``, ``City / Town`` and ``población`` all need to meet
in one representation before any fuzzy matching is worth doing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from assistant.propose.vocabulary import FIELD_CONCEPTS, NOISE_TOKENS, WHOLE_HEADER_ONLY
from assistant.propose.vocabulary_records import OBJECT_WORDS

# camelCase and acronym edges, but "IDs" and "URLs" stay one word
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])(?![A-Z]s\b)")
_DIGIT_EDGE = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_LABEL_SPLIT = re.compile(r"[\s\-_./:]+")
# Letters that do not decompose into a base letter plus an accent ('Straße' -> 'strasse').
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def tokens(name: str) -> tuple[str, ...]:
    """Split kebab, snake, camel and display labels into lower-case ascii tokens."""
    spaced = _CAMEL.sub(" ", name).replace("#", " number ")
    lowered = strip_accents(spaced).lower().translate(_LETTERS)
    lowered = _DIGIT_EDGE.sub(" ", lowered)
    return tuple(tok for tok in _SPLIT.split(lowered) if tok)


def normalise(name: str) -> str:
    """Tokens joined by single spaces, e.g. ``Fecha de Creación`` -> ``fecha de creacion``."""
    return " ".join(tokens(name))


def singular(token: str) -> str:
    """A crude singular good enough for table names in English and Spanish."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith(("ses", "xes", "ches", "shes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def _phrase_index(
    table: dict[str, tuple[str, ...]], drop: frozenset[str] = frozenset()
) -> list[tuple[tuple[str, ...], str]]:
    """All phrases as token tuples, longest first so 'tax identification number' beats 'number'.

    ``drop`` removes the tokens the matched text loses too ('date of birth' meets 'date birth').
    """
    entries = [
        (tuple(w for w in phrase.split() if w not in drop) or tuple(phrase.split()), concept)
        for concept, phrases in table.items()
        for phrase in phrases
    ]
    return sorted(entries, key=lambda entry: -len(entry[0]))


_FIELD_PHRASES = _phrase_index(FIELD_CONCEPTS, NOISE_TOKENS)
_OBJECT_PHRASES = _phrase_index(OBJECT_WORDS)


def _find_phrases(
    words: tuple[str, ...], index: list[tuple[tuple[str, ...], str]]
) -> list[tuple[str, int, int]]:
    """Non-overlapping (concept, start, length) matches, longest phrases claimed first."""
    taken = [False] * len(words)
    found: list[tuple[str, int, int]] = []
    for phrase, concept in index:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if words[start : start + size] == phrase and not any(taken[start : start + size]):
                found.append((concept, start, size))
                for pos in range(start, start + size):
                    taken[pos] = True
    return sorted(found, key=lambda item: item[1])


@lru_cache(maxsize=8192)
def concepts(name: str) -> tuple[str, ...]:
    """Vocabulary concepts named by a column, most specific (rightmost leaf) first.

    ``main-address.city-town`` -> ('city', 'address'); ``document-state-id`` -> ('status', ...).
    """
    leaf = name.rsplit(".", 1)[-1]
    ordered: list[str] = []
    for part in (leaf, name):
        words = tuple(w for w in tokens(part) if w not in NOISE_TOKENS)
        words = tuple(
            w if w in _KNOWN_WORDS or singular(w) not in _KNOWN_WORDS else singular(w) for w in words
        )
        words = tuple(part for w in words for part in compound_parts(w))
        for concept, start, size in reversed(_find_phrases(words, _FIELD_PHRASES)):
            if size < len(words) and words[start : start + size] in WHOLE_HEADER_ONLY:
                continue
            if concept not in ordered:
                ordered.append(concept)
    # An "-id" suffix says how the value is stored, not what it means: keep it last.
    return tuple(sorted(ordered, key=lambda concept: concept == "identifier"))


_SINGLE_OBJECT_WORDS = frozenset(p[0] for p, _c in _OBJECT_PHRASES if len(p) == 1)


def _object_compound(word: str) -> tuple[str, ...]:
    """'companycontact' -> ('contact',): a name run together from two object words names the second
    one, its head noun (the first names the parent record, a company's contacts); any other word is
    kept whole."""
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], singular(word[cut:])
        if head in _SINGLE_OBJECT_WORDS and tail in _SINGLE_OBJECT_WORDS and word not in _SINGLE_OBJECT_WORDS:
            return (tail,)
    return (word,)


@lru_cache(maxsize=2048)
def object_words(table: str) -> tuple[str, ...]:
    """Object-vocabulary keys named by a table name, rightmost (head noun) first."""
    kept = (singular(w) for w in tokens(table) if w not in NOISE_TOKENS)
    words = tuple(part for w in kept for part in _object_compound(w))
    found = _find_phrases(words, _OBJECT_PHRASES)
    return tuple(dict.fromkeys(concept for concept, _s, _l in reversed(found)))


def phrase_matcher(table: dict[str, tuple[str, ...]]) -> PhraseMatcher:
    """A function naming the concepts of ``table`` found in a text, leftmost first."""
    index = _phrase_index(table)

    def match(text: str) -> tuple[str, ...]:
        found = _find_phrases(tokens(text), index)
        return tuple(dict.fromkeys(concept for concept, _s, _l in found))

    return match


PhraseMatcher = Callable[[str], tuple[str, ...]]

_KNOWN_WORDS: frozenset[str] = frozenset(
    word for phrases in FIELD_CONCEPTS.values() for phrase in phrases for word in phrase.split()
)


_SUFFIX_WORDS = sorted((w for w in _KNOWN_WORDS if len(w) >= 5), key=len, reverse=True)


@lru_cache(maxsize=8192)
def compound_parts(word: str) -> tuple[str, ...]:
    """A compound the vocabulary does not list, split before a word it knows.

    German writes 'Bruttobetrag' and 'Angebotsdatum' as one token, and exports write 'homephone':
    the head noun at the end says what the column holds.
    """
    if word in _KNOWN_WORDS or len(word) < 8:
        return (word,)
    for suffix in _SUFFIX_WORDS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:  # not "sub" + "total"
            return (word[: -len(suffix)], suffix)
    return (word,)


def is_plain(name: str, concept: str) -> bool:
    """The column's name is exactly one of the concept's phrases ('total-amount', not 'tax-total-amount')."""
    return normalise(name.rsplit(".", 1)[-1]) in FIELD_CONCEPTS.get(concept, ())


def readable(name: str) -> str:
    """A custom field label: ``tax-identification-number`` -> ``Tax Identification Number``."""
    words = [tok for tok in _LABEL_SPLIT.split(_CAMEL.sub(" ", name)) if tok]
    titled = [w if i and w.lower() in NOISE_TOKENS else w[:1].upper() + w[1:] for i, w in enumerate(words)]
    return " ".join(titled) or name


def snake(name: str) -> str:
    """``Tax ID`` -> ``tax_id``: the key part of a custom field's fieldKey."""
    return "_".join(tokens(name)) or "field"


# a column named like a key or a record number ('recallForId', 'Job #', 'client_no'): it identifies
_KEY_LIKE = re.compile(r"(?:^|[\s_\-.])(?:id|uuid|guid|no|nr|num|number|ref)$|#", re.IGNORECASE)
# camelCase keys ('ClientId', 'jobNumber') by their capital: 'Paid' or 'Android' end in no key word
_CAMEL_KEY = re.compile(r"[a-z](?:Id|ID|Uuid|UUID|No|Nr|Num|Number|Ref)$")


def reads_as_key(column: str) -> bool:
    name = column.strip()
    return bool(_KEY_LIKE.search(name) or _CAMEL_KEY.search(name))
