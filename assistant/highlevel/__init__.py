"""HighLevel side: catalog from the official spec, destination state, API client.

- ``catalog.load_catalog()`` — HighLevel objects and standard fields, derived from the spec files.
- ``client.HighLevelClient`` — async, rate limited, retried, typed errors, creates that never duplicate.
- ``snapshot.load_destination(workspace)`` — the destination sub-account as last pulled or loaded.
"""
