"""A source invoice or estimate as the executor sends it: header, lines, status, totals check.

The check compares the sum of the source lines with the document total the source states, in the
document's currency, in decimal arithmetic the way invoices are written: each line's net amount
(quantity x unit price, less the line discount) rounded to cents, the tax of all lines rounded once,
then added. A difference is reported and the document is sent as its lines say: the executor
never adjusts an amount to make a total agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

Status = Literal["draft", "unpaid", "partially_paid", "paid", "void", "sent", "accepted", "declined"]
ESTIMATE_STATUSES = ("sent", "accepted", "declined")  # set on an estimate by an update: nothing is sent


@dataclass(frozen=True)
class Line:
    name: str
    quantity: float | None
    unit_price: float | None
    tax_rate: float = 0.0  # percent, exclusive
    discount_rate: float = 0.0  # percent off this line
    stated_net: float | None = None  # the line's net amount as the source states it (its own rounding)

    @property
    def is_heading(self) -> bool:
        """A section title among the lines (no quantity, no price): not an item of the invoice."""
        return self.quantity is None and self.unit_price is None

    @property
    def net_unit(self) -> float:
        return (self.unit_price or 0.0) * (1 - self.discount_rate / 100)

    @property
    def net(self) -> Decimal:
        """The stated line amount, else quantity x unit price less the line discount, rounded to cents."""
        if self.stated_net is not None:
            return _cents(_dec(self.stated_net))
        return _cents(_dec(self.quantity) * _dec(self.unit_price) * (1 - _dec(self.discount_rate) / 100))

    @property
    def unit_amount(self) -> float:
        """The unit amount to send: HighLevel multiplies it by the quantity without rounding the line,
        so where the net unit price times the quantity is not the line's amount in cents (12.5 x 17.01
        = 212.625 where the source states 212.63), the unit amount is that amount over the quantity."""
        qty = _dec(self.quantity if self.quantity is not None else 1)
        unit = _dec(round(self.net_unit, 6))
        if qty == 0 or qty * unit == self.net:
            return float(unit)
        return round(float(self.net / qty), 6)

    @property
    def tax(self) -> Decimal:
        return self.net * _dec(self.tax_rate) / 100


def _dec(value: float | None) -> Decimal:
    return Decimal(str(value or 0))


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Customer:
    contact_id: str  # the HighLevel contact the document belongs to
    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class SourceDocument:
    source_key: str  # where it came from: "ordinaryInvoices:300001"
    number: str
    issue_date: str  # YYYY-MM-DD
    currency: str
    total: float
    customer: Customer
    lines: list[Line] = field(default_factory=list)
    status: Status = "unpaid"
    due_date: str | None = None
    paid_amount: float = 0.0
    paid_at: str | None = None  # ISO timestamp of the original payment
    title: str = ""
    pdf_url: str | None = None

    @property
    def line_sum(self) -> float:
        return float(self.net + _cents(self.tax))

    @property
    def net(self) -> Decimal:
        return sum((line.net for line in self.lines if not line.is_heading), Decimal(0))

    @property
    def tax(self) -> Decimal:
        """The tax of all lines, unrounded."""
        return sum((line.tax for line in self.lines if not line.is_heading), Decimal(0))


@dataclass(frozen=True)
class TotalMismatch:
    source_key: str
    number: str
    currency: str
    line_sum: float
    stated_total: float
    reason: str = ""

    def describe(self) -> str:
        why = f"; {self.reason}" if self.reason else ""
        return (
            f"{self.source_key} ({self.number}): lines sum to {self.line_sum:.2f} {self.currency}, "
            f"the document states {self.stated_total:.2f} {self.currency}{why} (sent as the lines say)"
        )


HALF_CENT_TAX = "the tax of its lines ends in half a cent, which the source rounds down"


def total_mismatch(doc: SourceDocument) -> TotalMismatch | None:
    stated = _cents(_dec(doc.total))
    if _cents(Decimal(str(doc.line_sum))) == stated:
        return None
    # A tax of exactly half a cent more rounds either way, by the source's convention.
    half = (doc.tax * 100) % 1 == Decimal("0.5") and abs(_dec(doc.line_sum) - stated) == Decimal("0.01")
    reason = HALF_CENT_TAX if half else ""
    return TotalMismatch(doc.source_key, doc.number, doc.currency, doc.line_sum, float(stated), reason)


def items(doc: SourceDocument) -> list[dict[str, Any]]:
    """HighLevel invoice items: name, quantity, unit amount after the line discount, exclusive tax."""
    out: list[dict[str, Any]] = []
    for n, line in enumerate(doc.lines):
        if line.is_heading:
            continue
        item: dict[str, Any] = {
            "name": line.name or f"Line {n + 1}",
            "currency": doc.currency,
            "amount": line.unit_amount,
            "qty": line.quantity if line.quantity is not None else 1,
            "type": "one_time",
        }
        if line.tax_rate:
            tax_name = f"Tax {line.tax_rate:g}%"
            tax = {"_id": tax_name, "name": tax_name, "rate": line.tax_rate, "calculation": "exclusive"}
            item["taxes"] = [tax]
        out.append(item)
    return out


def contact_details(customer: Customer) -> dict[str, Any]:
    return {
        "id": customer.contact_id,
        "name": customer.name,
        "email": customer.email,
        "phoneNo": customer.phone,
    }


def invoice_body(doc: SourceDocument, business_name: str) -> dict[str, Any]:
    """The create body: a draft that keeps the original number and dates; nothing is sent."""
    body: dict[str, Any] = {
        "name": doc.title or f"Invoice {doc.number}",
        "title": "INVOICE",
        "invoiceNumber": doc.number,
        "issueDate": doc.issue_date,
        "currency": doc.currency,
        "items": items(doc),
        "discount": {"type": "percentage", "value": 0},
        "businessDetails": {"name": business_name},
        "contactDetails": contact_details(doc.customer),
        "sentTo": {"email": [doc.customer.email] if doc.customer.email else []},
        "liveMode": False,
    }
    if doc.due_date:
        body["dueDate"] = doc.due_date
    if doc.pdf_url:  # the original PDF beside the invoice, as HighLevel attaches files: by URL
        name = f"{doc.number}.pdf"
        pdf = {"id": doc.source_key, "name": name, "url": doc.pdf_url, "type": "application/pdf", "size": 0}
        body["attachments"] = [pdf]
    return body


def estimate_body(doc: SourceDocument, business_name: str) -> dict[str, Any]:
    """An estimate keeps a numeric original number; any other is kept in its name (the estimate
    number HighLevel accepts is a number)."""
    body = invoice_body(doc, business_name)
    body.pop("invoiceNumber")
    body.pop("sentTo")
    body["title"] = "ESTIMATE"
    body["name"] = f"Estimate {doc.number}" + (f" - {doc.title}" if doc.title else "")
    body["frequencySettings"] = {"enabled": False, "schedule": {}}
    if doc.number.isdigit():
        body["estimateNumber"] = int(doc.number)
    if "dueDate" in body:
        body["expiryDate"] = body.pop("dueDate")
    return body
