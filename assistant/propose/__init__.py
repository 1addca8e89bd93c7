"""The proposer: object, field, tag, stage and owner maps for the mapping document.

Public entry points: ``engine.propose_offline(ProposeInputs) -> MappingDocument``,
``candidates.retrieve_candidates(...)`` (shared with the LLM backend),
``tags_baseline.fingerprint_clusters(values)`` and ``service.propose(workspace, ...)``.
"""
