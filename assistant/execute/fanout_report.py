"""The fan-out's per-location summary and its roll-up, printed and written to a report."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from assistant.execute.fanout import LocationResult


def rollup(results: list[LocationResult], elapsed: float, per_location_rate: float) -> dict[str, float]:
    requests = sum(r.requests for r in results)
    rate = requests / elapsed if elapsed > 0 else 0.0
    ceiling = per_location_rate * len(results)
    return {
        "locations": len(results),
        "done": sum(1 for r in results if r.status == "done"),
        "failed": sum(1 for r in results if r.status == "failed"),
        "created": sum(r.created for r in results),
        "failed_records": sum(r.failed for r in results),
        "requests": requests,
        "seconds": elapsed,
        "requests_per_second": rate,
        "share_of_limit": rate / ceiling if ceiling else 0.0,
    }


def print_fan_out(
    results: list[LocationResult], elapsed: float, per_location_rate: float, out: Console
) -> dict[str, float]:
    table = Table(title="Per location")
    for column in (
        "location",
        "status",
        "run",
        "created",
        "failed",
        "requests",
        "req/s",
        "verified",
        "workspace",
    ):
        table.add_column(
            column, justify="right" if column in ("created", "failed", "requests", "req/s") else "left"
        )
    for r in results:
        rate = f"{r.requests / r.seconds:.1f}" if r.seconds else "-"
        verified = f"{r.agreement:.2%}" if r.agreement is not None else "-"
        table.add_row(
            r.location_id,
            r.status,
            r.run_id or "-",
            str(r.created),
            str(r.failed),
            str(r.requests),
            rate,
            verified,
            r.workspace,
        )
    out.print(table)
    for r in results:
        if r.error:
            out.print(f"{r.location_id}: {r.error}", markup=False, highlight=False)
    total = rollup(results, elapsed, per_location_rate)
    out.print(
        f"all locations: {total['done']:.0f} of {total['locations']:.0f} done, {total['failed']:.0f} failed; "
        f"{total['created']:.0f} records created, {total['failed_records']:.0f} failed; "
        f"{total['requests']:.0f} requests in {elapsed:.1f} s = {total['requests_per_second']:.1f}/s "
        f"({total['share_of_limit']:.0%} of {len(results)} × {per_location_rate:g}/s)",
        highlight=False,
    )
    out.print(
        "each location's reports, reconciliation and rollback: hlmap reconcile|verify|rollback "
        "-w WORKSPACE --location-id LOCATION (the workspace column)",
        highlight=False,
    )
    return total


def write_summary(results: list[LocationResult], total: dict[str, float], folder: Path) -> Path:
    lines = [
        "# Fan-out run",
        "",
        "| location | status | run | created | failed | requests | error |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.location_id} | {r.status} | {r.run_id} | {r.created} | {r.failed} | {r.requests} "
            f"| {r.error.replace('|', '/')} |"
        )
    lines += ["", *(f"- {key}: {value:g}" for key, value in total.items())]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fan-out.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
