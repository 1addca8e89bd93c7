"""Tag clusters: merge, rename, split, move one spelling; each changes the cluster list (rebuild)."""

from __future__ import annotations

from assistant.review.base import ReviewAppBase
from assistant.review.messages import TagClustersChanged
from assistant.review.screens.modals import PickerModal, PromptModal


class TagFlows(ReviewAppBase):
    def tag_merge_flow(self, into_id: str, others: list[str]) -> bool:
        message = TagClustersChanged(f"merged into {into_id}")
        return self.decide(message, lambda: self.session.merge_tags(into_id, others), rebuild=True)

    def tag_rename_flow(self, cluster_id: str) -> None:
        cluster = self.session.cluster(cluster_id)

        def rename(name: str | None) -> None:
            if name:
                message = TagClustersChanged(f"renamed {cluster_id}")
                self.decide(message, lambda: self.session.rename_tag(cluster_id, name), rebuild=True)

        self.push_screen(
            PromptModal(f"Rename the canonical tag {cluster.canonical!r}", cluster.canonical), rename
        )

    def tag_split_flow(self, cluster_id: str) -> None:
        cluster = self.session.cluster(cluster_id)
        hint = f"spellings: {', '.join(cluster.members)} — write `spelling, spelling -> New tag`"

        def split(answer: str | None) -> None:
            if not answer:
                return
            members, _, name = answer.partition("->")
            chosen = [m.strip() for m in members.split(",") if m.strip()]
            message = TagClustersChanged(f"split {cluster_id}")
            self.decide(
                message, lambda: self.session.split_tag(cluster_id, chosen, name.strip()), rebuild=True
            )

        self.push_screen(PromptModal(f"Split {cluster.canonical!r}", "", hint), split)

    def tag_move_flow(self, cluster_id: str) -> None:
        cluster = self.session.cluster(cluster_id)

        def pick_target(member: str | None) -> None:
            if member is None:
                return
            others = [c.id for c in self.session.document.tags if c.id != cluster_id]
            self.push_screen(
                PickerModal(f"Move {member!r} to", others),
                lambda to: self._move(member, cluster_id, to) if to else None,
            )

        self.push_screen(
            PickerModal(f"Which spelling of {cluster.canonical!r}", list(cluster.members)), pick_target
        )

    def _move(self, member: str, from_id: str, to_id: str) -> None:
        message = TagClustersChanged(f"moved {member!r} to {to_id}")
        self.decide(message, lambda: self.session.move_tag(member, from_id, to_id), rebuild=True)
