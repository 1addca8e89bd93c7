"""The mapping document: the one schema every stage shares (see FORMAT.md)."""
