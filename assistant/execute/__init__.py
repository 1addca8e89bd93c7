"""Apply a confirmed mapping document to HighLevel: plan, apply, sample diff, delta, rollback, reconcile.

The executor is deterministic: it imports no LLM client and no UI. Source values are data only;
nothing in a record can change which requests are sent, only what they carry.
"""
