"""Detectors for shapes real exports have that first went wrong: single given names, Canadian and
UK postcodes, "10.8k" amounts, booleans spelled five ways, whitespace-only cells, company names
with a comma, and tables big enough to be sampled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.profile import profile_workspace
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.profile.sql import SAMPLE_ROWS
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table

GIVEN = ["James", "Mary", "Robert", "Linda", "Michael", "Karen", "David", "Susan", "José", "Chloé"]
SURNAMES = ["Smith", "Johnson", "O'Brien", "Williams", "Nguyen", "Tremblay", "Gagnon", "Roy", "Côté"]
NOMBRES = ["María", "José", "Lucía", "Álvaro", "Begoña", "Íñigo", "Carmen", "Javier", "Nuria"]
CA_POSTAL = ["J8H 8B8", "K1A 0B1", "M5V 3L9", "H2X 1Y4", "V6B 4Y8", "T2P 2M5", "j8y3g7", "R3C 4T3"]
UK_POSTAL = ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX", "LS1 4AP"]
BUDGETS = ["10.8k", "2k", "$1.5k", "15k", "7.2K", "500", "12k", "3.75k"]
FLAGS = ["1", "TRUE", "yes", "no", "0", "false", "Yes", "FALSE"]
COMPANIES = ["Smith & Sons, LLC", "Hill Country Rentals, Inc.", "Lakeway, Ltd.", "Young, Lee & Clark LLC"]


def _contacts(n: int) -> list[dict[str, str | None]]:
    return [
        {
            "first_name": GIVEN[i % len(GIVEN)],
            "Last Name": SURNAMES[(i * 7) % len(SURNAMES)],
            "Nombre": NOMBRES[(i * 5) % len(NOMBRES)],
            "Postal Code": CA_POSTAL[i % len(CA_POSTAL)],
            "postcode": UK_POSTAL[i % len(UK_POSTAL)],
            "budget": BUDGETS[i % len(BUDGETS)],
            "do_not_call": FLAGS[i % len(FLAGS)],
            "company": COMPANIES[i % len(COMPANIES)],
            # a third of the cells hold spaces or a tab only: blank, not values
            "fax": ["", "   ", "\t", f"+1 613 555 {i:04d}"][i % 4] if i % 3 else " ",
            "nickname": ["", " ", "  "][i % 3],
        }
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, TableProfile]]:
    workspace = Workspace(tmp_path_factory.mktemp("ws")).ensure()
    con = workspace.connect()
    _varchar_table(con, "contacts", _contacts(240))
    # the same shapes in a table too big to be sampled whole, so the whole-column path runs too
    big = SAMPLE_ROWS + 1000
    _varchar_table(con, "contacts_big", _contacts(12))
    con.execute('DELETE FROM raw."contacts_big"')
    con.execute(
        'INSERT INTO raw."contacts_big" SELECT c.* EXCLUDE (_row, _load_id), r.i * 240 + c._row, '
        f"'load-1' FROM raw.\"contacts\" c, range({big // 240 + 1}) r(i) "
        f"WHERE r.i * 240 + c._row <= {big}"
    )
    yield {p.table: p for p in profile_workspace(workspace)}
    workspace.close()


def col(profile: TableProfile, column: str) -> ColumnProfile:
    return next(c for c in profile.columns if c.column == column)


TABLES = ["contacts", "contacts_big"]


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("column", ["first_name", "Last Name", "Nombre"])
def test_single_given_names_and_surnames_are_person_names(
    profiles: dict[str, TableProfile], table: str, column: str
) -> None:
    found = col(profiles[table], column)
    assert found.semantic_type is SemanticType.PERSON_NAME, found.evidence
    assert "column name says first/last name" in found.evidence


def test_capitalised_words_without_a_name_header_stay_a_picklist(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    workspace = Workspace(tmp_path_factory.mktemp("ws")).ensure()
    colours = ["Red", "Green", "Blue", "Yellow", "Black"]
    _varchar_table(workspace.connect(), "items", [{"colour": colours[i % 5]} for i in range(50)])
    (items,) = profile_workspace(workspace)
    workspace.close()
    assert items.columns[0].semantic_type is SemanticType.PICKLIST


@pytest.mark.parametrize("table", TABLES)
def test_canadian_postal_codes(profiles: dict[str, TableProfile], table: str) -> None:
    found = col(profiles[table], "Postal Code")
    assert (found.semantic_type, found.country) == (SemanticType.POSTAL_CODE, "CA")
    assert "Canadian" in found.evidence[0]


@pytest.mark.parametrize("table", TABLES)
def test_uk_postcodes(profiles: dict[str, TableProfile], table: str) -> None:
    found = col(profiles[table], "postcode")
    assert (found.semantic_type, found.country) == (SemanticType.POSTAL_CODE, "GB")


@pytest.mark.parametrize("table", TABLES)
def test_thousands_shorthand_is_read_at_its_magnitude(profiles: dict[str, TableProfile], table: str) -> None:
    """'10.8k' is 10,800: a number column whose typed range reads the letter, never 10.8."""
    found = col(profiles[table], "budget")
    assert found.semantic_type in {SemanticType.MONEY, SemanticType.DECIMAL}, found.evidence
    assert (float(found.min_value or 0), float(found.max_value or 0)) == (500, 15000)


@pytest.mark.parametrize("table", TABLES)
def test_boolean_spelled_many_ways(profiles: dict[str, TableProfile], table: str) -> None:
    found = col(profiles[table], "do_not_call")
    assert found.semantic_type is SemanticType.BOOLEAN, found.evidence
    assert sorted(found.true_values) == ["1", "TRUE", "Yes", "yes"]


@pytest.mark.parametrize("table", TABLES)
def test_company_names_with_a_comma_are_not_lists(profiles: dict[str, TableProfile], table: str) -> None:
    assert col(profiles[table], "company").semantic_type is SemanticType.COMPANY_NAME


@pytest.mark.parametrize("table", TABLES)
def test_whitespace_only_cells_count_as_blank(profiles: dict[str, TableProfile], table: str) -> None:
    fax = col(profiles[table], "fax")
    rows = fax.row_count
    filled = sum(1 for i in range(rows) if i % 3 and i % 4 == 3)
    assert fax.null_count == rows - filled
    assert fax.distinct_count == filled if table == "contacts" else fax.distinct_count <= 240
    assert all(v.value.strip() for v in fax.top_values)
    assert fax.min_value is not None and fax.min_value.startswith("+1")
    nickname = col(profiles[table], "nickname")
    assert (nickname.semantic_type, nickname.null_count) == (SemanticType.EMPTY, rows)
