"""The generated eval cases are exactly what their seeded generator writes (nobody edits them by hand)."""

from __future__ import annotations

from pathlib import Path

from evals.casegen.__main__ import BUILDERS, main

CASES_DIR = Path(__file__).resolve().parent.parent / "evals" / "cases"


def test_generator_rewrites_every_case_byte_for_byte(tmp_path: Path) -> None:
    main(tmp_path)
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert len({p.parts[0] for p in written}) == len(BUILDERS)
    for rel in written:
        assert (tmp_path / rel).read_bytes() == (CASES_DIR / rel).read_bytes(), rel
