"""The totals check: decimal arithmetic as invoices are written, headings ignored, one cent matters."""

from __future__ import annotations

from assistant.execute.documents import Customer, Line, SourceDocument, items, total_mismatch


def _doc(total: float, *lines: Line) -> SourceDocument:
    return SourceDocument("inv:1", "F1", "2024-05-02", "EUR", total, Customer("c1"), list(lines))


def test_half_a_cent_of_tax_rounds_up_as_on_a_written_invoice() -> None:
    # 148.50 + 21 % = 179.685: in binary floating point that rounds down to 179.68
    assert total_mismatch(_doc(179.69, Line("Boiler", 1, 148.5, 21.0))) is None
    off = total_mismatch(_doc(179.68, Line("Boiler", 1, 148.5, 21.0)))
    assert off is not None and (off.line_sum, off.stated_total) == (179.69, 179.68)


def test_tax_is_rounded_once_per_document_and_line_discounts_apply_before_it() -> None:
    lines = (Line("A", 1, 0.05, 10.0), Line("B", 1, 0.05, 10.0), Line("C", 3, 10.0, 21.0, 10.0))
    # nets 0.05 + 0.05 + 27.00; tax 0.005 + 0.005 + 5.67 = 5.68 once rounded
    assert total_mismatch(_doc(32.78, *lines)) is None


def test_section_headings_are_not_items() -> None:
    doc = _doc(10.0, Line("Materials", None, None), Line("Pipe", 2, 5.0))
    assert [(i["name"], i["qty"], i["amount"]) for i in items(doc)] == [("Pipe", 2, 5.0)]
    assert "taxes" not in items(doc)[0]
