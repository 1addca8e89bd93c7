"""``python -m evals.casegen [DIR]``: rewrite every generated case's source/ and destination.json."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from evals.casegen.common import CASES_DIR

# One generator module per case, each with a build(cases_dir) writing that case's files.
CASES = (
    "acculynx", "activecampaign", "agile_crm", "arborgold", "aroflo", "bitrix24", "capsule", "close",
    "commusoft", "copper", "dolibarr", "espocrm", "fergus", "fieldpulse", "freshbooks", "freshsales",
    "gorilladesk", "highrise", "holded", "housecall_pro", "hubspot", "insightly", "invoice_ninja", "jobber",
    "jobnimbus", "keap", "kickserv", "lessannoying_crm", "monday_crm", "nimble", "nutshell", "odoo",
    "ontraport", "pipedrive", "pipeline_crm", "pipeliner", "quickbooks_online", "salesflare", "salesforce",
    "sellsy", "service_fusion", "servicem8", "servicetitan", "servicetrade", "simpro", "streak", "suitecrm",
    "synchroteam", "teamleader_focus", "tradify", "twenty", "vtiger_crm", "workiz", "xero", "zendesk_sell",
    "zoho_crm", "zoho_invoice", "zuper",
)  # fmt: skip
BUILDERS = [importlib.import_module(f"evals.casegen.{case}") for case in CASES]


def main(cases_dir: Path = CASES_DIR) -> None:
    for module in BUILDERS:
        module.build(cases_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CASES_DIR)
