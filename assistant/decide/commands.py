"""``hlmap decide``: accept, reject and edit proposals from the command line, then confirm.

Order within one call: object alternatives (--use), edits (--set, --stage, --owner), then
--reject, then --accept, then --accept-above, then --confirm; so
``--reject object=workflows --accept-above 0.9`` never accepts a workflow field. The decisions
land together or, on the first refusal, not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_common import WorkspaceOption, console, existing_workspace, listed, login_name
from assistant.decide import edits, stage_edits
from assistant.decide.alternatives import use_alternative
from assistant.decide.selectors import parse_selector
from assistant.errors import HlmapError
from assistant.memory.hooks import remember_after_confirm
from assistant.review import decisions
from assistant.review.core import custom_model
from assistant.review.persistence import DeferredPersistence
from assistant.review.session import ReviewSession, open_session


def register(app: typer.Typer) -> None:
    @app.command("decide")
    def decide_command(
        workspace: WorkspaceOption = Path("."),
        accept_above: Annotated[
            float | None,
            typer.Option("--accept-above", help="Accept pending proposals at or above this confidence."),
        ] = None,
        accept: Annotated[
            list[str] | None,
            typer.Option(
                "--accept",
                metavar="SELECTOR",
                help="Accept pending proposals matching KEY=VALUE[,...] (kind, object, column, target, id).",
            ),
        ] = None,
        reject: Annotated[
            list[str] | None,
            typer.Option(
                "--reject",
                metavar="SELECTOR",
                help="Reject pending proposals matching a selector (as --accept).",
            ),
        ] = None,
        use: Annotated[
            list[str] | None,
            typer.Option(
                "--use",
                metavar="TABLE=N",
                help="Switch a source object to its alternative N (or label); its fields are proposed again.",
            ),
        ] = None,
        set_: Annotated[
            list[str] | None,
            typer.Option(
                "--set",
                metavar="COLUMN=TARGET",
                help="OBJECT.COLUMN=TARGET, e.g. clients.Phone=contact.phone.",
            ),
        ] = None,
        stage: Annotated[
            list[str] | None,
            typer.Option(
                "--stage",
                metavar="VALUE=STAGE",
                help=(
                    "OBJECT.COLUMN:VALUE=PIPELINE/STAGE/STATUS (status optional: open, won, lost, ...); "
                    "TABLE=PIPELINE/STAGE for a table no column places (its stage:TABLE proposal)."
                ),
            ),
        ] = None,
        owner: Annotated[
            list[str] | None,
            typer.Option("--owner", metavar="KEY=USER", help="OBJECT.KEY=USER or OBJECT.KEY=fallback:USER."),
        ] = None,
        confirm_models: Annotated[
            bool,
            typer.Option(
                "--confirm-models",
                help="Accept new custom fields with the model they propose (irreversible).",
            ),
        ] = False,
        confirm: Annotated[
            bool, typer.Option("--confirm", help="Write mapping.confirmed.yaml afterwards.")
        ] = False,
        who: Annotated[
            str | None, typer.Option("--who", help="Name recorded with every decision (default: login name).")
        ] = None,
    ) -> None:
        """Accept, reject or edit proposals without the review UI; every decision records who and when."""
        accept_selectors = [parse_selector("--accept", s) for s in accept or []]
        reject_selectors = [parse_selector("--reject", s) for s in reject or []]
        ws = existing_workspace(workspace)
        persistence = DeferredPersistence(ws)
        session = open_session(ws, who or login_name(), persistence=persistence)
        lines: list[str] = []
        for flag, values, run in (
            ("use", use, use_alternative),
            ("set", set_, edits.set_field),
            ("stage", stage, stage_edits.set_stage),
            ("owner", owner, edits.set_owner),
        ):
            lines += [f"{flag}: {run(session, text)}" for text in values or []]
        for selector in reject_selectors:
            ids = session.reject_items([i.id for i in selector.select(session.document)])
            lines.append(f"rejected {len(ids)} ({selector.text}){listed(ids)}")
        for selector in accept_selectors:
            lines += _accept(
                session,
                selector.text,
                [i.id for i in selector.select(session.document)],
                confirm_models,
                bulk=not selector.explicit,
            )
        if accept_above is not None:
            ids = session.accept_above(accept_above, custom_field_models_confirmed=confirm_models)
            lines.append(f"accepted {len(ids)} at or above {accept_above:.2f}{listed(ids)}")
            lines += _left_above(session, accept_above, confirm_models)
        if not (lines or confirm):
            raise HlmapError(
                "nothing to decide: pass --accept-above, --accept, --reject, --use, --set, --stage, --owner "
                "or --confirm"
            )
        persistence.commit()
        for line in lines:
            console.print(line, markup=False, highlight=False)
        counts = session.counts()
        console.print(
            f"saved {ws.mapping_path}: " + ", ".join(f"{n} {status.value}" for status, n in counts.items()),
            markup=False,
            highlight=False,
        )
        if confirm:
            console.print(f"confirmed → {session.confirm()}", markup=False, highlight=False)
            remembered = remember_after_confirm(ws)
            if remembered:
                console.print(remembered, markup=False, highlight=False)


def _left_above(session: ReviewSession, threshold: float, confirm_models: bool) -> list[str]:
    """Proposals at or above the threshold that --accept-above left pending, and why: else a confirm
    that follows names them as still undecided without saying what they wait for."""
    models: list[str] = []
    out: list[str] = []
    for item in session.document.pending():
        if item.confidence < threshold:
            continue
        reason = decisions.problem(item, custom_model(item) if confirm_models else None)
        if reason and "must be confirmed explicitly" in reason:
            models.append(item.id)
        elif reason:
            out.append(f"  left pending: {reason}")
    if models:
        out.insert(
            0,
            f"  left pending at or above {threshold:.2f}: {len(models)} new custom fields, whose model "
            f"cannot change once created (add --confirm-models to accept them as proposed){listed(models)}",
        )
    return out


def _accept(
    session: ReviewSession, text: str, ids: list[str], confirm_models: bool, *, bulk: bool
) -> list[str]:
    floor = session.bulk_floor
    below = [i for i in ids if bulk and session.item(i).confidence < floor]
    accepted, refused = session.accept_items(
        [i for i in ids if i not in below], custom_field_models_confirmed=confirm_models
    )
    if not bulk and refused:  # one proposal named by id: its refusal is the answer
        raise HlmapError(f"--accept {text!r}: {next(iter(refused.values()))}")
    lines = [f"accepted {len(accepted)} ({text}){listed(accepted)}"]
    if below:
        lines.append(
            f"  left pending under propose.confidence_threshold {floor:.2f}: {len(below)}{listed(below)}"
        )
    for item_id, reason in refused.items():
        lines.append(
            f"  left pending: {reason}"
            if reason.startswith(item_id)
            else f"  left pending: {item_id}: {reason}"
        )
    return lines
