"""Profiling: per-column facts computed in DuckDB SQL over whole columns."""
