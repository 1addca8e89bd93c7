"""The stand-in's invoice and estimate endpoints: schema validation, numbering, status rules, and
sends that are recorded, never delivered."""

from __future__ import annotations

from typing import Any

import httpx

from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)


def _contact(s: SandboxHandle, http: httpx.Client, email: str) -> str:
    answer = http.post("/contacts/", json={"locationId": s.location_id, "firstName": "Ana", "email": email})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["contact"]["id"])


def _invoice(s: SandboxHandle, contact_id: str, **extra: Any) -> dict[str, Any]:
    item = {"name": "Boiler", "currency": "EUR", "amount": 100.0, "qty": 2}
    item["taxes"] = [{"_id": "vat", "name": "VAT", "rate": 21}]
    return {
        "altId": s.location_id,
        "altType": "location",
        "name": "Boiler change",
        "businessDetails": {"name": "Acme"},
        "currency": "EUR",
        "items": [item],
        "discount": {"type": "percentage", "value": 0},
        "contactDetails": {"id": contact_id, "name": "Ana", "phoneNo": "+34600000001", "email": "a@x.es"},
        "issueDate": "2024-05-02",
        "sentTo": {"email": []},
        "liveMode": False,
        **extra,
    }


def test_create_validates_against_the_spec_and_numbers_invoices(sandbox: SandboxHandle) -> None:
    with sandbox.client() as http:
        cid = _contact(sandbox, http, "inv-create@x.es")
        missing = http.post("/invoices/", json={"altId": sandbox.location_id, "altType": "location"})
        assert missing.status_code == 422 and "items should not be empty" in missing.json()["message"]
        unknown = http.post("/invoices/", json=_invoice(sandbox, cid, colour="red"))
        assert unknown.status_code == 422 and "property colour should not exist" in unknown.json()["message"]
        bad_date = http.post("/invoices/", json=_invoice(sandbox, cid, issueDate="02/05/2024"))
        assert bad_date.status_code == 400 and "issueDate" in bad_date.json()["message"], bad_date.text
        nobody = http.post("/invoices/", json=_invoice(sandbox, "nobody"))
        assert nobody.status_code == 400 and "not found" in nobody.json()["message"]
        made = http.post("/invoices/", json=_invoice(sandbox, cid, invoiceNumber="F2024-7"))
        assert made.status_code == 200, made.text
        body = made.json()
        assert (body["status"], body["invoiceNumber"], body["total"], body["amountDue"]) == (
            "draft",
            "F2024-7",
            242.0,
            242.0,
        )
        again = http.post("/invoices/", json=_invoice(sandbox, cid, invoiceNumber="F2024-7"))
        assert again.status_code == 400 and "already exists" in again.json()["message"]
        numbered = http.post("/invoices/", json=_invoice(sandbox, cid)).json()
        assert numbered["invoiceNumber"] and numbered["invoiceNumber"] != "F2024-7"
        alt = {"altId": sandbox.location_id, "altType": "location", "limit": "100", "offset": "0"}
        listed = http.get("/invoices/", params={**alt, "search": "F2024-7"}).json()
        assert [i["_id"] for i in listed["invoices"]] == [body["_id"]]


def test_paid_invoices_are_voided_not_deleted_and_drafts_are_deleted_not_voided(
    sandbox: SandboxHandle,
) -> None:
    alt = {"altId": sandbox.location_id, "altType": "location"}
    with sandbox.client() as http:
        cid = _contact(sandbox, http, "inv-status@x.es")
        draft = http.post("/invoices/", json=_invoice(sandbox, cid)).json()["_id"]
        assert "Can not void draft" in http.post(f"/invoices/{draft}/void", json=alt).json()["message"]
        assert http.delete(f"/invoices/{draft}", params=alt).status_code == 200
        assert http.get(f"/invoices/{draft}", params=alt).status_code == 400
        paid = http.post("/invoices/", json=_invoice(sandbox, cid)).json()["_id"]
        pay = {
            **alt,
            "mode": "cash",
            "notes": "migrated",
            "card": {"brand": "n/a", "last4": "n/a"},
            "cheque": {"number": "n/a"},
        }
        part = http.post(f"/invoices/{paid}/record-payment", json={**pay, "amount": 42.0}).json()["invoice"]
        assert (part["status"], part["amountDue"]) == ("partially_paid", 200.0)
        too_much = http.post(f"/invoices/{paid}/record-payment", json={**pay, "amount": 500.0})
        assert too_much.status_code == 400
        done = http.post(
            f"/invoices/{paid}/record-payment",
            json={**pay, "amount": 200.0, "fulfilledAt": "2024-06-01T00:00:00Z"},
        ).json()["invoice"]
        assert (done["status"], done["amountPaid"]) == ("paid", 242.0)
        refused = http.delete(f"/invoices/{paid}", params=alt)
        assert refused.status_code == 400 and "need to be draft" in refused.json()["message"]
        voided = http.post(f"/invoices/{paid}/void", json=alt).json()
        assert voided["status"] == "void"


def test_send_calls_are_recorded_and_counted(sandbox: SandboxHandle) -> None:
    alt = {"altId": sandbox.location_id, "altType": "location"}
    before = sandbox.admin("GET", "state")["counts"]["customerMessages"]
    with sandbox.client() as http:
        cid = _contact(sandbox, http, "inv-send@x.es")
        inv = http.post("/invoices/", json=_invoice(sandbox, cid)).json()["_id"]
        send = {**alt, "userId": "u1", "action": "send_manually", "liveMode": False}
        assert http.post(f"/invoices/{inv}/send", json=send).json()["invoice"]["status"] == "sent"
        estimate = _invoice(sandbox, cid, frequencySettings={"enabled": False, "schedule": {}})
        for key in ("sentTo", "issueDate"):
            estimate.pop(key)
        made = http.post("/invoices/estimate", json={**estimate, "estimateNumber": 12})
        assert made.status_code == 201, made.text
        est = made.json()
        assert (est["estimateStatus"], est["estimateNumber"], est["total"]) == ("draft", 12, 242.0)
        accepted = http.put(
            f"/invoices/estimate/{est['_id']}", json={**estimate, "estimateStatus": "accepted"}
        )
        assert accepted.json()["estimateStatus"] == "accepted"
        assert http.post(f"/invoices/estimate/{est['_id']}/send", json=send).status_code == 201
        assert http.request("DELETE", f"/invoices/estimate/{est['_id']}", json=alt).status_code == 200
    kinds = [m["kind"] for m in sandbox.admin("GET", "records/customerMessages")["records"]][before:]
    assert kinds == ["send-invoice", "send-estimate"]


def test_only_a_draft_is_updated_and_text_to_pay_is_recorded(sandbox: SandboxHandle) -> None:
    alt = {"altId": sandbox.location_id, "altType": "location"}
    with sandbox.client() as http:
        cid = _contact(sandbox, http, "inv-update@x.es")
        inv = http.post("/invoices/", json=_invoice(sandbox, cid)).json()["_id"]
        item = {"name": "Labour", "currency": "EUR", "amount": 50.0, "qty": 1}
        change = {
            **alt,
            "name": "Changed",
            "currency": "EUR",
            "invoiceItems": [item],
            "issueDate": "2024-05-03",
        }
        change["dueDate"] = "2024-06-03"
        updated = http.put(f"/invoices/{inv}", json=change).json()
        assert (updated["name"], updated["total"], updated["issueDate"]) == ("Changed", 50.0, "2024-05-03")
        pay = {**alt, "mode": "cash", "notes": "migrated", "card": {"brand": "n/a", "last4": "n/a"}}
        http.post(
            f"/invoices/{inv}/record-payment", json={**pay, "cheque": {"number": "n/a"}, "amount": 50.0}
        )
        refused = http.put(f"/invoices/{inv}", json=change)
        assert refused.status_code == 400 and "draft" in refused.json()["message"]
        before = sandbox.admin("GET", "state")["counts"]["customerMessages"]
        t2p = _invoice(sandbox, cid, action="send", userId="u1")
        t2p["sentTo"] = {"email": ["a@x.es"]}
        for key in ("businessDetails", "discount"):
            t2p.pop(key)
        assert http.post("/invoices/text2pay", json=t2p).status_code == 200
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == before + 1
