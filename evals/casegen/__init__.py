"""Seeded generator of the eval cases written from platform documentation (see evals/README.md)."""
