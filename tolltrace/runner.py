"""Runners map a pure per-document function over a stream: in process, or in a local pool.

A cluster runner (Spark) can map the same functions: they take and return plain records.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")


def map_ordered(
    function: Callable[[In], Out], items: Iterable[In], workers: int = 1
) -> Iterator[tuple[In, Out]]:
    """Yield (item, function(item)) in input order, with at most a bounded number in flight."""
    if workers <= 1:
        for item in items:
            yield item, function(item)
        return
    window: deque[tuple[In, Future[Out]]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for item in items:
            window.append((item, pool.submit(function, item)))
            if len(window) >= workers * 8:
                head, future = window.popleft()
                yield head, future.result()
        while window:
            head, future = window.popleft()
            yield head, future.result()
