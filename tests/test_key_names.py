"""Columns named like keys or record numbers, camelCase included; words that merely end in 'id' are not."""

from __future__ import annotations

import pytest

from assistant.mapping.models import DataType
from assistant.propose.customfields import data_type_for
from assistant.propose.normalize import reads_as_key
from tests.propose_factory import S, col


@pytest.mark.parametrize(
    "name", ["jobNumber", "invoiceNo", "ClientId", "recallForId", "Job #", "job_number", "UUID"]
)
def test_key_and_number_headers_read_as_keys(name: str) -> None:
    assert reads_as_key(name)


@pytest.mark.parametrize("name", ["Paid", "Valid", "Android", "Annual Revenue"])
def test_words_ending_in_id_are_no_keys(name: str) -> None:
    assert not reads_as_key(name)


def test_a_camelcase_job_number_keeps_its_numbers_as_text() -> None:
    assert data_type_for(col("jobs", "jobNumber", S.INTEGER)) == DataType.TEXT
    assert data_type_for(col("jobs", "Paid", S.INTEGER)) == DataType.NUMERICAL
