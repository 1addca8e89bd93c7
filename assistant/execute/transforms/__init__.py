"""Value transforms compiled to DuckDB SQL (plus a few vectorised Python UDFs over arrow batches)."""
