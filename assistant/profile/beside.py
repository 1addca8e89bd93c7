"""Queries over raw tables run on cursors of their own, in threads, beside the profile's other work.

DuckDB lets go of the GIL while it runs a query, so a query on a second cursor of the same
database overlaps the first connection's Python, numpy and single-threaded steps, and two queries
that each leave a core idle part of the time fill it. A cursor sees committed tables only: not the
connection's temporary sample table, nor what an open transaction wrote. Only work on raw tables,
which ingest committed before any profile runs, is sent here; everything reading the sample stays
on the profile's own connection.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Concatenate, ParamSpec, TypeVar

import duckdb

P = ParamSpec("P")
T = TypeVar("T")
WORKERS = 2
"""As many as the cores DuckDB is meant to share with: more would only queue on them. 0
runs each job at once on the connection itself, in order, as a profile without threads would."""


class Beside:
    """A pool of threads, each job on a fresh cursor of ``con`` (a cursor is not shared between
    threads); ``with`` waits for every job on leaving."""

    def __init__(self, con: duckdb.DuckDBPyConnection, workers: int | None = None) -> None:
        self._con = con
        count = WORKERS if workers is None else workers
        self._pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="profile") if count else None

    def run(
        self,
        work: Callable[Concatenate[duckdb.DuckDBPyConnection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Future[T]:
        """``work(cursor, *args, **kwargs)`` in a thread; its result (or error) through the future."""
        if self._pool is None:
            done: Future[T] = Future()
            try:
                done.set_result(work(self._con, *args, **kwargs))
            except Exception as exc:  # handed over as a thread's error would be: at result()
                done.set_exception(exc)
            return done

        def job() -> T:
            cursor = self._con.cursor()
            try:
                return work(cursor, *args, **kwargs)
            finally:
                cursor.close()

        return self._pool.submit(job)

    def __enter__(self) -> Beside:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        # after an error, jobs not started yet are dropped; the running ones are waited for
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=kind is not None)
