"""What one sync did: pulled, pushed, left in conflict, refused."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SyncReport:
    pulled: dict[str, int] = field(default_factory=dict)  # table -> rows written here
    removed: dict[str, int] = field(default_factory=dict)  # table -> rows deleted here
    created: list[str] = field(default_factory=list)  # headlines of stories sent as new
    pushed: list[str] = field(default_factory=list)  # headlines of edits the server took
    conflicts: list[str] = field(default_factory=list)  # headlines kept as offline edits
    tags: int = 0  # tag changes sent
    decisions: int = 0  # review decisions the server took
    words: int = 0  # dictionary words the server took
    groups: int = 0  # stories whose translation link the server took
    pictures: int = 0  # pictures the server took
    revisions: int = 0  # revisions written here that the server took
    stale_decisions: list[str] = field(default_factory=list)  # decided elsewhere meanwhile
    refused: list[str] = field(default_factory=list)  # "headline: reason", left here
    open_conflicts: int = 0  # stories still needing a look after this run (this replica)

    def count(self, table: str, removed: bool = False, rows: int = 1) -> None:
        counts = self.removed if removed else self.pulled
        counts[table] = counts.get(table, 0) + rows

    def lines(self) -> list[str]:
        pulled = ", ".join(f"{n} {table}" for table, n in self.pulled.items() if n)
        removed = ", ".join(f"{n} {table}" for table, n in self.removed.items() if n)
        out = [f"pulled: {pulled or 'nothing new'}" + (f"; removed: {removed}" if removed
                                                        else "")]
        out.append(f"pushed: {len(self.created)} new stories, {len(self.pushed)} edits, "
                   f"{self.tags} tag changes, {self.decisions} review decisions")
        if self.words or self.groups or self.pictures or self.revisions:
            out.append(f"  and {self.words} dictionary words, {self.groups} translation "
                       f"links, {self.pictures} pictures, {self.revisions} revisions")
        out.extend(f"  conflict (server version kept, yours saved as an offline edit): {h}"
                   for h in self.conflicts)
        out.extend(f"  review decided elsewhere meanwhile, yours not applied: {r}"
                   for r in self.stale_decisions)
        out.extend(f"  not sent: {r}" for r in self.refused)
        out.append(f"conflicts left for a person: {self.open_conflicts}")
        return out
