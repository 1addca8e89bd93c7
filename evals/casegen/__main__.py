"""``python -m evals.casegen [DIR]``: rewrite every generated case's source/ and destination.json."""

from __future__ import annotations

import sys
from pathlib import Path

from evals.casegen import (
    activecampaign,
    capsule,
    close,
    copper,
    freshsales,
    holded,
    housecall_pro,
    hubspot,
    insightly,
    jobber,
    keap,
    monday_crm,
    nutshell,
    odoo,
    pipedrive,
    salesforce,
    servicetitan,
    streak,
    workiz,
    zendesk_sell,
    zoho_crm,
)
from evals.casegen.common import CASES_DIR

BUILDERS = [
    activecampaign,
    capsule,
    close,
    copper,
    freshsales,
    holded,
    housecall_pro,
    hubspot,
    insightly,
    jobber,
    keap,
    monday_crm,
    nutshell,
    odoo,
    pipedrive,
    salesforce,
    servicetitan,
    streak,
    workiz,
    zendesk_sell,
    zoho_crm,
]


def main(cases_dir: Path = CASES_DIR) -> None:
    for module in BUILDERS:
        module.build(cases_dir)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CASES_DIR)
