"""Clustering scored pairs: average linkage for similarity, union-find for certain links.

Union-find over every pair above a threshold chains: A~B and B~C merge A with C even when
nothing links them. Average linkage (merge two clusters only when the mean score over all their
cross pairs, unscored pairs counting as 0, reaches the threshold) keeps clusters coherent; with
pairs taken best first and clusters of news reports small, it costs little more than the pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def average_linkage(
    size: int, scores: Mapping[tuple[int, int], float], threshold: float
) -> list[int]:
    """A cluster label (the smallest member) for each of `size` items."""
    members: list[list[int]] = [[i] for i in range(size)]
    label = list(range(size))
    for (first, second), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < threshold:
            break
        a, b = label[first], label[second]
        if a == b:
            continue
        left, right = members[a], members[b]
        total = 0.0
        for x in left:
            for y in right:
                total += scores.get((x, y) if x < y else (y, x), 0.0)
        if total / (len(left) * len(right)) < threshold:
            continue
        keep, drop = (a, b) if a < b else (b, a)
        for item in members[drop]:
            label[item] = keep
        members[keep] = members[keep] + members[drop]
        members[drop] = []
    return label


class UnionFind:
    """Disjoint sets over hashable keys (path halving, union by size)."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._parent: dict[str, str] = {}
        self._size: dict[str, int] = {}
        for item in items:
            self.add(item)

    def add(self, item: str) -> None:
        if item not in self._parent:
            self._parent[item] = item
            self._size[item] = 1

    def find(self, item: str) -> str:
        self.add(item)
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        if self._size[a] < self._size[b]:
            a, b = b, a
        self._parent[b] = a
        self._size[a] += self._size[b]

    def groups(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for item in self._parent:
            found.setdefault(self.find(item), []).append(item)
        return found
