"""Names, companies, phones, tax ids and addresses for Spanish and North American records."""

from __future__ import annotations

import random
import unicodedata

from assistant.fixturegen.lists import pool

ES_FIRST = pool(
    "María José, Juan Carlos, Ana, Javier, Lucía, Francisco Javier, Carmen, Antonio, Pilar, "
    "José Luis, Laura, Miguel Ángel, Isabel, Manuel, Rocío, David, Elena, Sergio, Nuria, Álvaro, "
    "Marta, Jesús, Begoña, Raúl, Montserrat, Íñigo, Consuelo"
)
ES_LAST = pool(
    "García, López, Martínez, Sánchez, Pérez, Gómez, Fernández, Ruiz, Díaz, Moreno, Muñoz, Álvarez, "
    "Romero, Navarro, Torres, Domínguez, Vázquez, Ramos, Gil, Serrano, Blanco, Castillo, Ortega, "
    "Rubio, Marín, Sanz, Iglesias, Núñez, Medina, Peña"
)
ES_TRADES = ("Reformas", "Instalaciones", "Climatización", "Fontanería", "Electricidad", "Carpintería")
ES_PLACES = ("Levante", "del Turia", "Mediterráneo", "Sur", "Hermanos Ruiz", "Alcántara", "El Pino")
ES_FORMS = ("S.L.", "S.L.U.", "S.A.", "C.B.", "S.Coop.")
ES_CITIES = (  # (city, province, postal prefix)
    ("Valencia", "Valencia", "46"),
    ("Alicante", "Alicante", "03"),
    ("Madrid", "Madrid", "28"),
    ("Sevilla", "Sevilla", "41"),
    ("Málaga", "Málaga", "29"),
    ("Zaragoza", "Zaragoza", "50"),
    ("Murcia", "Murcia", "30"),
    ("Castellón de la Plana", "Castellón", "12"),
    ("Elche", "Alicante", "03"),
    ("A Coruña", "A Coruña", "15"),
    ("L'Hospitalet de Llobregat", "Barcelona", "08"),
)
ES_STREETS = pool(
    "Calle Mayor, Avda. del Puerto, Calle de Colón, Plaza de España, Calle San Vicente, Camino Real, "
    "Calle Doctor Fleming, Avda. Blasco Ibáñez, Calle de la Paz"
)

US_FIRST = pool(
    "James, Mary, Robert, Patricia, John, Jennifer, Michael, Linda, David, Elizabeth, William, "
    "Barbara, Richard, Susan, Joseph, Jessica, Thomas, Sarah, Chris, Karen, Daniel, Nancy, Matthew, "
    "Lisa, Anthony, Betty, Mark, Ashley"
)
US_LAST = pool(
    "Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, Martinez, Hernandez, "
    "Lopez, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee, O'Brien, Thompson, White, "
    "Harris, Clark, Lewis, Walker, Young"
)
US_BUSINESS = pool(
    "Property Management, Realty Group, Dental Care, Holdings LLC, HOA, Apartments, "
    "Construction Inc., Bakery, Church, Self Storage"
)
US_CITIES = (  # (city, state, zip prefix, area code)
    ("Austin", "TX", "787", "512"),
    ("Round Rock", "TX", "786", "512"),
    ("San Marcos", "TX", "786", "512"),
    ("Georgetown", "TX", "786", "737"),
    ("Pflugerville", "TX", "786", "512"),
    ("Kyle", "TX", "786", "737"),
)
US_STREETS = ("Oak St", "Maple Ave", "Ranch Rd", "Cedar Ln", "Main St", "Live Oak Dr", "Pecan Blvd")
CA_CITIES = (  # (city, province, postal prefixes, area code)
    ("Ottawa", "ON", "K1", "613"),
    ("Kanata", "ON", "K2", "613"),
    ("Gatineau", "QC", "J8", "819"),
    ("Toronto", "ON", "M5", "416"),
    ("Kingston", "ON", "K7", "343"),
)


def ascii_slug(text: str, sep: str = ".") -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return sep.join(
        "".join(c for c in w if c.isalnum()) for w in plain.split() if any(c.isalnum() for c in w)
    )


def spanish_person(rng: random.Random) -> tuple[str, str]:
    """(given names, two surnames) — Spanish people carry both surnames."""
    return rng.choice(ES_FIRST), f"{rng.choice(ES_LAST)} {rng.choice(ES_LAST)}"


def spanish_company(rng: random.Random, number: int) -> str:
    """Company ``number``: 'Reformas Levante S.L.' or named after owners: 'Fontanería Gil Serrano S.L.'.

    The trade and name come from ``number`` through a bijection, so no two of the first ~5,400
    companies share a name (accidental duplicates would spoil the counted, deliberate ones).
    """
    names = len(ES_PLACES) + len(ES_LAST) ** 2
    combo = number * 7919 % (len(ES_TRADES) * names)
    trade, name = ES_TRADES[combo % len(ES_TRADES)], combo // len(ES_TRADES)
    if name >= len(ES_PLACES):
        first, second = divmod(name - len(ES_PLACES), len(ES_LAST))
        place = f"{ES_LAST[first]} {ES_LAST[second]}"
    else:
        place = ES_PLACES[name]
    return f"{trade} {place} {rng.choice(ES_FORMS)}"


def free_mail_local(rng: random.Random, given: str, surname: str) -> str:
    """How people name free-mail accounts: names plus a number the first choice was taken by."""
    return f"{ascii_slug(given, '')}.{ascii_slug(surname, '')}{rng.randrange(10, 99)}"


def nif(rng: random.Random) -> str:
    """A DNI-style NIF with a valid check letter."""
    number = rng.randrange(10_000_000, 99_999_999)
    return f"{number}{'TRWAGMYFPDXBNJZSQVHLCKE'[number % 23]}"


def cif(rng: random.Random) -> str:
    """A company CIF (B = S.L.) with a valid control digit."""
    digits = f"{rng.randrange(10_000_000):07d}"
    odd = sum(sum(divmod(int(d) * 2, 10)) for d in digits[0::2])
    control = (10 - (odd + sum(int(d) for d in digits[1::2])) % 10) % 10
    return f"B{digits}{control}"


def spanish_mobile(rng: random.Random) -> str:
    n = rng.randrange(10**8)
    return f"+34 6{n // 10**6:02d} {n // 1000 % 1000:03d} {n % 1000:03d}"


def spanish_landline(rng: random.Random, prefix: str) -> str:
    return f"9{prefix[:2]} {rng.randrange(100, 999)} {rng.randrange(100, 999)}"


def spanish_address(rng: random.Random) -> dict[str, str]:
    city, province, prefix = rng.choice(ES_CITIES)
    floor = rng.choice(("", f", {rng.randint(1, 8)}º {rng.choice('ABCD')}", ", bajo", ", local 2"))
    return {
        "address-data": f"{rng.choice(ES_STREETS)}, {rng.randint(1, 140)}{floor}",
        "city-town": city,
        "province": province,
        "postal-code": f"{prefix}{rng.randrange(1000):03d}",
        "country-code": "ES",
    }


def us_person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(US_FIRST), rng.choice(US_LAST)


def us_phone(rng: random.Random, area: str) -> str:
    return f"({area}) {rng.randrange(200, 999)}-{rng.randrange(10_000):04d}"


def us_address(rng: random.Random) -> tuple[str, str, str, str, str]:
    """(street, city, state, zip, area code)."""
    city, state, zip_prefix, area = rng.choice(US_CITIES)
    return (
        f"{rng.randint(100, 9999)} {rng.choice(US_STREETS)}",
        city,
        state,
        f"{zip_prefix}{rng.randrange(100):02d}",
        area,
    )


def ca_address(rng: random.Random) -> tuple[str, str, str, str, str]:
    """(street, city, province, postal code, area code)."""
    city, province, prefix, area = rng.choice(CA_CITIES)
    letters = "ABCEGHJKLMNPRSTVXY"
    postal = f"{prefix}{rng.choice(letters)} {rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"
    return f"{rng.randint(1, 999)} {rng.choice(US_STREETS)}", city, province, postal, area
