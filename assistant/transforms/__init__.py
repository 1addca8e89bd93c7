"""Value transforms as DuckDB SQL over one source row (plus vectorised Python UDFs for names, phones,
emails and countries): how a cell is read, normalised and judged.

A room below both the executor and the review: it reads no ledger and sends nothing, so the review
can show which values a proposed transform would refuse with the executor's own rules.
"""
