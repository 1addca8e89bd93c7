"""Decide without the review UI: selectors and edits on the command line (``hlmap decide``).

Every decision goes through the review session, so it is recorded with who and when exactly as
the UI records it, and targets pass the same catalog and destination checks.
"""
