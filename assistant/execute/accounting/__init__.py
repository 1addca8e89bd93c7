"""Source accounting: every row of every source table gets exactly one outcome.

Counted from the source export (``raw.*``), not from what the plan compiled: a row landed (with its
HighLevel id), was merged into another record by a named policy, was excluded by a human decision,
was held back by a rule HighLevel forces, was not carried, failed, or waits to be sent. The result
is the workspace table ``exec.accounting`` (one row per source row) beside ``exec.accounting_parts``
(one row per source row and record kind it feeds), a CSV and a per-table summary.
"""
