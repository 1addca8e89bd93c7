"""Seeded, deterministic generator of realistic source exports and destination states.

Every value comes from ``random.Random`` seeded from (seed, object, record number), so the same
seed always writes the same bytes and record ``i`` can be rebuilt on its own (duplicates and
foreign keys refer back to earlier records without holding them in memory).
"""
