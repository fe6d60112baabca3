"""The Spark runner: the pure per-document stages mapped over partitions on Spark executors.

The driver (this process) reads the items, ships them to the executors in batches, and gets
the results back in input order; the pipeline's jobs (`ingest`, `extract`) write them to the
store in this process, so no executor touches the store. Two batches are in flight at once,
so the executors keep working while the driver reads the next batch and writes the last one.
A document that fails is a result like any other (the stages catch it); an executor that dies
fails its Spark job, and the command stops with a clean error (T600).

pyspark is the `[spark]` extra, imported when a runner is made; Java 17 must be installed.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from tolltrace.errors import RunnerError
from tolltrace.runner import Runner, call_within

In = TypeVar("In")
Out = TypeVar("Out")

DEFAULT_MASTER = "local[*]"
JOB_GROUP = "tolltrace"
ITEMS_PER_TASK = 32  # a task costs Spark tens of milliseconds: not one per document
ITEMS_PER_QUICK_TASK = 128  # ... and decoding and cleaning take milliseconds a document
TASKS_PER_CORE = 2  # tasks of one batch per core (two batches are in flight)


class SparkRunner(Runner):
    """Maps over a Spark cluster (`master`: `local[N]`, `spark://host:port`, ...), or over
    `context` when one is given. On close it stops the SparkContext it started, not one that
    was running already (that one is reused, whatever its master)."""

    name = "spark"

    def __init__(self, master: str | None = None, context: Any = None) -> None:
        try:
            import pyspark  # noqa: F401  (only to fail now, with the fix)
        except ImportError as exc:
            raise RunnerError(
                "the Spark runner needs pyspark: pip install 'tolltrace[spark]' "
                "(and Java 17, e.g. apt-get install openjdk-17-jre-headless)"
            ) from exc
        self.master = master or DEFAULT_MASTER
        self._context = context
        self._owned = context is None
        self._jobs: ThreadPoolExecutor | None = None

    @property
    def context(self) -> Any:
        """The SparkContext, started at first use (a run with nothing to do starts no JVM)."""
        if self._context is None:
            from pyspark import SparkContext

            # A context someone else started (a notebook, a test) is theirs to stop.
            self._owned = SparkContext._active_spark_context is None
            self._context = start_context(self.master)
        return self._context

    @property
    def parallelism(self) -> int:
        if self._context is None:
            local = re.fullmatch(r"local\[(\d+|\*)(?:,\d+)?\]|local", self.master)
            if local:  # known without starting Spark
                cores = local.group(1)
                if cores is None:
                    return 1
                return (os.cpu_count() or 1) if cores == "*" else int(cores)
        return max(1, int(self.context.defaultParallelism))

    @property
    def in_flight(self) -> int:
        return 2 * self._batch_size()

    def _batch_size(self, per_task: int = ITEMS_PER_TASK) -> int:
        return self.parallelism * TASKS_PER_CORE * per_task

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[tuple[In, Out]]:
        return self._batches(partial(_plain_partition, function), items, ITEMS_PER_QUICK_TASK)

    def map_with_deadline(
        self,
        function: Callable[[In], Out],
        items: Iterable[In],
        seconds: float,
        failed: Callable[[In, str], Out],
        warm: Callable[[], object] | None = None,
    ) -> Iterator[tuple[In, Out]]:
        timed = partial(_timed_partition, function, seconds, failed, warm)
        return self._batches(timed, items, ITEMS_PER_TASK)

    def _batches(
        self,
        per_partition: Callable[[Iterator[In]], Iterator[Out]],
        items: Iterable[In],
        per_task: int,
    ) -> Iterator[tuple[In, Out]]:
        stream = iter(items)
        first = list(islice(stream, 1))
        if not first:
            return  # nothing to do: no JVM started
        size = self._batch_size(per_task)
        if self._jobs is None:
            self._jobs = ThreadPoolExecutor(2, thread_name_prefix="tolltrace-spark")
        batch = first + list(islice(stream, size - 1))
        running: Future[list[Out]] | None = self._submit(per_partition, batch, per_task)
        while running is not None:
            following = list(islice(stream, size))  # read here: a store is thread-bound
            after = self._submit(per_partition, following, per_task) if following else None
            yield from zip(batch, _results(running), strict=True)
            batch, running = following, after

    def _submit(
        self,
        per_partition: Callable[[Iterator[In]], Iterator[Out]],
        batch: list[In],
        per_task: int,
    ) -> Future[list[Out]]:
        assert self._jobs is not None
        slices = max(1, min(len(batch), -(-len(batch) // per_task)))
        rdd = self.context.parallelize(batch, slices)
        return self._jobs.submit(self._collect, rdd.mapPartitions(per_partition))

    def _collect(self, rdd: Any) -> list[Any]:
        self.context.setJobGroup(JOB_GROUP, "tolltrace: a batch of documents")
        return list(rdd.collect())

    def close(self) -> None:
        if self._jobs is not None:
            if self._context is not None:
                self._context.cancelJobGroup(JOB_GROUP)  # a batch in flight: Ctrl-C, an error
            self._jobs.shutdown(wait=True, cancel_futures=True)
            self._jobs = None
        if self._owned and self._context is not None:
            self._context.stop()
            self._context = None


def start_context(master: str) -> Any:
    """A SparkContext on `master` (or the one running already), quiet and without its web UI.

    Only the RDD API is used, so no SparkSession is made (seconds saved at every start).
    Offline, Spark cannot find the machine's address: SPARK_LOCAL_IP defaults to the loopback
    address. A local master's Python workers run this interpreter, so they import this
    tolltrace and its dependencies.
    """
    from pyspark import SparkConf, SparkContext

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise RunnerError(
            "the Spark runner needs Java 17 and none was found (no `java` on PATH, no "
            "JAVA_HOME): install it, e.g. apt-get install openjdk-17-jre-headless"
        )
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    conf = (
        SparkConf()
        .setMaster(master)
        .setAppName("tolltrace")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.log.level", "ERROR")
    )
    try:
        return SparkContext.getOrCreate(conf)
    except Exception as exc:  # pyspark raises its own kinds: the JVM or the master failed
        raise RunnerError(
            f"Spark could not start on {master}: {type(exc).__name__}: {exc}"
        ) from exc


def _results(job: Future[list[Out]]) -> list[Out]:
    """A job's results; a failed job (not a document's failure: the stages record those) is a
    clean error with the last line of its cause, such as a worker's missing module."""
    try:
        return job.result()
    except Exception as exc:
        lines = [line for line in str(exc).splitlines() if line.strip()]
        cause = lines[-1].strip() if lines else type(exc).__name__
        raise RunnerError(f"a Spark job failed: {cause[:500]}") from exc


def _plain_partition(function: Callable[[In], Out], items: Iterator[In]) -> Iterator[Out]:
    for item in items:
        yield function(item)


def _timed_partition(
    function: Callable[[In], Out],
    seconds: float,
    failed: Callable[[In, str], Out],
    warm: Callable[[], object] | None,
    items: Iterator[In],
) -> Iterator[Out]:
    if warm is not None:
        warm()  # cached in a reused Python worker: the model loads once per process
    for item in items:
        yield call_within(function, item, seconds, failed)
