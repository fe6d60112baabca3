"""Runners map a pure per-document function over a stream of plain records.

`Runner` is the interface the jobs use: `LocalRunner` works in this process, `PoolRunner` in a
pool of local processes, and the Spark runner (`tolltrace.runner_spark`, the `[spark]` extra,
imported only when chosen) on the executors of a Spark cluster. Every runner yields results in
input order, so the driver writes them to the store as one process would.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain
from multiprocessing.connection import wait
from types import TracebackType
from typing import Any, Generic, TypeVar

from tolltrace.errors import TolltraceError

In = TypeVar("In")
Out = TypeVar("Out")

RUNNERS = ("local", "pool", "spark")


class Runner(ABC):
    """How the pure per-document stages are mapped over a corpus.

    Functions and items must be picklable (module-level functions, frozen records): a runner
    may send them to other processes or machines. Results come back in input order. A runner
    is a context manager: leaving it stops whatever it started (a Spark session).
    """

    name: str = ""

    @property
    @abstractmethod
    def parallelism(self) -> int:
        """How many items it works on at once."""

    @property
    def in_flight(self) -> int:
        """How many items it takes from the stream ahead of the results it has yielded."""
        return max(8, self.parallelism * 8)

    @abstractmethod
    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[tuple[In, Out]]:
        """Yield (item, function(item)) in input order."""

    @abstractmethod
    def map_with_deadline(
        self,
        function: Callable[[In], Out],
        items: Iterable[In],
        seconds: float,
        failed: Callable[[In, str], Out],
        warm: Callable[[], object] | None = None,
    ) -> Iterator[tuple[In, Out]]:
        """Yield (item, function(item)) in input order; an item that takes longer than
        `seconds` yields `failed(item, "time")` instead (`"died"` when its process died).
        `warm` runs once per process before its first item, outside any item's time."""

    def close(self) -> None:
        """Stop what the runner started (nothing, for the local runners)."""
        return None

    def __enter__(self) -> Runner:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class LocalRunner(Runner):
    """One item at a time in this process. The time limit is an alarm signal (main thread
    only): it stops a document between two Python steps, not within a long call into C."""

    name = "local"

    @property
    def parallelism(self) -> int:
        return 1

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[tuple[In, Out]]:
        return map_ordered(function, items, 1)

    def map_with_deadline(
        self,
        function: Callable[[In], Out],
        items: Iterable[In],
        seconds: float,
        failed: Callable[[In, str], Out],
        warm: Callable[[], object] | None = None,
    ) -> Iterator[tuple[In, Out]]:
        warmed = False
        for item in items:
            if not warmed and warm is not None:
                warm()
            warmed = True
            yield item, call_within(function, item, seconds, failed)


class PoolRunner(Runner):
    """A pool of `workers` local processes (what `--workers N` chooses). Extraction runs each
    item in a worker process killed at the time limit, even with one worker; the other stages
    run in this process when `workers` is 1."""

    name = "pool"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)

    @property
    def parallelism(self) -> int:
        return self.workers

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[tuple[In, Out]]:
        return map_ordered(function, items, self.workers)

    def map_with_deadline(
        self,
        function: Callable[[In], Out],
        items: Iterable[In],
        seconds: float,
        failed: Callable[[In, str], Out],
        warm: Callable[[], object] | None = None,
    ) -> Iterator[tuple[In, Out]]:
        return map_with_deadline(function, items, self.workers, seconds, failed, warm)


def make_runner(name: str = "pool", workers: int = 1, master: str | None = None) -> Runner:
    """The runner called `name` (one of RUNNERS). Spark is imported only here, when chosen:
    without the extra, the error says what to install."""
    if name == "local":
        return LocalRunner()
    if name == "pool":
        return PoolRunner(workers)
    if name == "spark":
        from tolltrace.runner_spark import SparkRunner

        return SparkRunner(master)
    raise ValueError(f"unknown runner {name!r}: one of {', '.join(RUNNERS)}")


class _Overtime(BaseException):
    """Raised by the alarm in the middle of an item (a BaseException, so that the stages'
    `except Exception` that records a failing document does not catch it)."""


def call_within(
    function: Callable[[In], Out], item: In, seconds: float, failed: Callable[[In, str], Out]
) -> Out:
    """function(item), or failed(item, "time") when an alarm `seconds` later stops it (in the
    main thread only: elsewhere there is no limit)."""
    try:
        with _alarm(seconds):
            return function(item)
    except _Overtime:
        return failed(item, "time")


@contextmanager
def _alarm(seconds: float) -> Generator[None, None, None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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


def map_with_deadline(
    function: Callable[[In], Out],
    items: Iterable[In],
    workers: int,
    seconds: float,
    failed: Callable[[In, str], Out],
    warm: Callable[[], object] | None = None,
) -> Iterator[tuple[In, Out]]:
    """Yield (item, function(item)) in input order, each computed in one of `workers` worker
    processes that is killed when the item takes longer than `seconds`.

    A killed item yields `failed(item, "time")`, one whose worker died `failed(item, "died")`;
    a new worker takes the dead one's place. `warm` runs in each worker before its first
    item, outside any item's time (loading a model).
    """
    numbered = iter(enumerate(items))
    first = next(numbered, None)
    if first is None:
        return  # nothing to do: no worker started, no model loaded
    source = chain([first], numbered)
    context = multiprocessing.get_context("fork" if "fork" in _METHODS else "spawn")
    pool = [_Worker(context, function, warm) for _ in range(max(1, workers))]
    done: dict[int, tuple[In, Out]] = {}
    following, exhausted = 0, False
    try:
        while True:
            for worker in pool:
                if exhausted or worker.task is not None or not worker.ready:
                    continue
                if len(done) >= len(pool) * 8:  # results wait for a slow head: hold back
                    break
                entry = next(source, None)
                if entry is None:
                    exhausted = True
                    break
                worker.give(*entry)
            while following in done:
                yield done.pop(following)
                following += 1
            if exhausted and not done and all(w.task is None for w in pool):
                return
            _wait(pool, seconds)
            for number, worker in enumerate(pool):
                outcome = worker.collect(seconds, failed)
                if outcome is not None:
                    done[outcome[0]] = outcome[1]
                if not worker.process.is_alive() and worker.task is None and not exhausted:
                    worker.stop()
                    pool[number] = _Worker(context, function, warm)
    finally:
        for worker in pool:
            worker.stop()


_METHODS = multiprocessing.get_all_start_methods()


class _Worker(Generic[In, Out]):
    """One worker process, fed one item at a time through a pipe."""

    def __init__(
        self,
        context: Any,
        function: Callable[[In], Out],
        warm: Callable[[], object] | None,
    ) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, function, warm), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.task: tuple[int, In, float] | None = None  # position, item, when it was given

    def give(self, position: int, item: In) -> None:
        self.connection.send((position, item))
        self.task = (position, item, time.monotonic())

    def collect(
        self, seconds: float, failed: Callable[[In, str], Out]
    ) -> tuple[int, tuple[In, Out]] | None:
        """The item's result when it came, or its failure when the worker died or ran out of
        time (the worker is then killed); None while it is still at work."""
        try:
            if self.connection.poll():
                message = self.connection.recv()
                if message[0] == "ready":
                    self.ready = True
                    return None
                if message[0] == "raised":
                    if isinstance(message[1], TolltraceError):
                        raise message[1]  # a model that cannot load: the command says so
                    raise RuntimeError(f"a worker process failed: {message[1]!r}") from message[1]
                _, position, result = message
                assert self.task is not None and self.task[0] == position
                item, self.task = self.task[1], None
                return position, (item, result)
        except (EOFError, OSError):
            pass  # the worker is gone: below
        if self.task is None:
            if not self.process.is_alive():
                self.ready = False
            return None
        position, item, given = self.task
        if self.process.is_alive() and time.monotonic() - given < seconds:
            return None
        reason = "died" if not self.process.is_alive() else "time"
        self.process.kill()
        self.process.join()
        self.task = None
        return position, (item, failed(item, reason))

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _wait(pool: Sequence[_Worker[Any, Any]], seconds: float) -> None:
    """Until a worker has something to say or dies, or the first deadline passes."""
    now = time.monotonic()
    deadlines = [w.task[2] + seconds - now for w in pool if w.task is not None]
    timeout = max(0.0, min(deadlines)) + 0.01 if deadlines else 1.0
    watched = [w.connection for w in pool] + [w.process.sentinel for w in pool]
    wait(watched, timeout)


def _serve(
    connection: Any, function: Callable[[Any], Any], warm: Callable[[], object] | None
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops its workers itself
    try:
        if warm is not None:
            warm()
        connection.send(("ready",))
        while True:
            try:
                position, item = connection.recv()
            except EOFError:
                return
            connection.send(("done", position, function(item)))
    except Exception as exc:  # the parent raises it: what failed is no item's fault
        connection.send(("raised", exc))
