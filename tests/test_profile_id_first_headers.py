"""Headers that put the id word first ('Identifiant société', 'ID Cliente') are checked as references."""

from __future__ import annotations

from pathlib import Path

from assistant.mapping.models import DataType
from assistant.profile import profile_workspace
from assistant.profile.id_headers import leading_id_stem
from assistant.propose.customfields import data_type_for
from assistant.workspace import Workspace
from tests.propose_factory import S, col


def test_the_words_after_a_leading_id_word_name_what_the_column_points_at() -> None:
    assert leading_id_stem("Identifiant société") == "société"
    assert leading_id_stem("ID Cliente") == "Cliente"
    assert leading_id_stem("id de la empresa") == "empresa"
    # a bare number names no record; words that merely start like 'id' are no id word
    assert leading_id_stem("ID Number") is None
    assert leading_id_stem("Idioma") is None
    assert leading_id_stem("Id") is None


def test_an_id_first_header_whose_values_are_another_tables_keys_is_a_foreign_key(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        'CREATE TABLE raw.tiers AS SELECT CAST(1 + 3 * i AS VARCHAR) AS "Id", '
        "'Boutique ' || CAST(i AS VARCHAR) AS \"Nom\", i + 1 AS _row FROM range(30) t(i)"
    )
    con.execute(
        'CREATE TABLE raw.contacts AS SELECT CAST(500 + i AS VARCHAR) AS "Identifiant contact", '
        'CAST(1 + 3 * (i % 20) AS VARCHAR) AS "Identifiant société", '
        'CAST(900000 + 7 * i AS VARCHAR) AS "Identifiant professionnel", i + 1 AS _row FROM range(40) t(i)'
    )
    profiles = {p.table: p for p in profile_workspace(workspace)}
    workspace.close()
    columns = {c.column: c for c in profiles["contacts"].columns}
    link = columns["Identifiant société"].foreign_key
    assert link is not None and (link.target_table, link.target_column) == ("tiers", "Id")
    assert columns["Identifiant professionnel"].foreign_key is None  # checked, and resolves nowhere


def test_whole_numbers_under_an_id_first_header_are_a_code_kept_as_text() -> None:
    siret = col("tiers", "Identifiant professionnel 2", S.INTEGER)
    assert data_type_for(siret) == DataType.TEXT
    assert data_type_for(col("tiers", "Nombre de salariés", S.INTEGER)) == DataType.NUMERICAL
