"""Decisions on tag clusters: merge, split, rename the canonical tag, move one spelling."""

from __future__ import annotations

from assistant.mapping.items import TagCluster
from assistant.mapping.models import Origin, Status
from assistant.review.core import SessionCore
from assistant.review.errors import ReviewError


class TagEdits(SessionCore):
    def cluster(self, cluster_id: str) -> TagCluster:
        found = next((c for c in self.document.tags if c.id == cluster_id), None)
        if found is None:
            raise ReviewError(f"no tag cluster {cluster_id!r}")
        return found

    def merge_tags(self, into_id: str, other_ids: list[str]) -> None:
        into = self.cluster(into_id)
        others = [self.cluster(i) for i in other_ids if i != into_id]
        if not others:
            raise ReviewError("mark at least one other cluster to merge (space)")

        def change() -> None:
            for other in others:
                for member in other.members:
                    _add_member(into, member, other.counts.get(member, 0))
                into.sources = list(dict.fromkeys(into.sources + other.sources))
            self.document.tags = [c for c in self.document.tags if c not in others]
            into.decide(Status.EDITED, self.who)

        self.apply(f"merge {len(others)} into {into_id}", ("tags",), change)

    def split_tag(self, cluster_id: str, members: list[str], new_canonical: str) -> str:
        """Move ``members`` out of a cluster into a new one; returns the new cluster's id."""
        source = self.cluster(cluster_id)
        wanted = [m for m in source.members if m in members]
        if not wanted or len(wanted) == len(source.members) or len(wanted) != len(set(members)):
            raise ReviewError(f"split: choose some, not all, of {', '.join(source.members)}")
        new_id = self._free_id(new_canonical)
        counts = {m: source.counts[m] for m in wanted if m in source.counts}
        new = TagCluster(id=new_id, canonical=new_canonical.strip(), members=wanted, counts=counts)
        new.sources, new.confidence, new.origin = (
            list(source.sources),
            source.confidence,
            Origin(backend="human"),
        )

        def change() -> None:
            source.members = [m for m in source.members if m not in wanted]
            source.counts = {k: v for k, v in source.counts.items() if k not in wanted}
            source.decide(Status.EDITED, self.who)
            new.decide(Status.EDITED, self.who)
            self.document.tags.insert(self.document.tags.index(source) + 1, new)

        self.apply(f"split {cluster_id}", ("tags",), change)
        return new_id

    def rename_tag(self, cluster_id: str, canonical: str) -> str:
        """Rename the canonical tag (the id follows the ``tag:<canonical>`` convention)."""
        cluster = self.cluster(cluster_id)
        new_id = self._free_id(canonical, allow=cluster_id)

        def change() -> None:
            cluster.canonical, cluster.id = canonical.strip(), new_id
            cluster.decide(Status.EDITED, self.who)

        self.apply(f"rename {cluster_id} -> {canonical}", ("tags",), change)
        return new_id

    def move_tag(self, member: str, from_id: str, to_id: str) -> None:
        source, target = self.cluster(from_id), self.cluster(to_id)
        if member not in source.members:
            raise ReviewError(f"{member!r} is not in {from_id}")
        if source is target:
            raise ReviewError("choose a different cluster to move to")

        def change() -> None:
            source.members.remove(member)
            _add_member(target, member, source.counts.pop(member, 0))
            target.decide(Status.EDITED, self.who)
            if source.members:
                source.decide(Status.EDITED, self.who)
            else:  # an empty cluster would create a tag nobody has
                self.document.tags.remove(source)

        self.apply(f"move {member!r} to {to_id}", ("tags",), change)

    def _free_id(self, canonical: str, allow: str | None = None) -> str:
        name = canonical.strip()
        if not name:
            raise ReviewError("a tag name cannot be empty")
        new_id = f"tag:{name}"
        if new_id != allow and any(c.id == new_id for c in self.document.tags):
            raise ReviewError(f"a cluster named {name!r} exists already; merge instead")
        return new_id


def _add_member(cluster: TagCluster, member: str, count: int) -> None:
    if member not in cluster.members:
        cluster.members.append(member)
    if count:
        cluster.counts[member] = cluster.counts.get(member, 0) + count
