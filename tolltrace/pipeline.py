"""The ingest job: read, preserve, decode, clean and store; one bad item never stops a batch."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from tolltrace import __version__
from tolltrace.clean.document import CLEANER, clean_document
from tolltrace.errors import TolltraceError
from tolltrace.ingest.decode import DEFAULT_MAX_BYTES, decode_item
from tolltrace.ingest.sources import Found, discover, read_items
from tolltrace.model import IngestSummary, ItemError, PreparedDocument, SourceItem
from tolltrace.runner import map_ordered
from tolltrace.store.base import Store
from tolltrace.store.custody import now_utc

BATCH_SIZE = 200  # documents per transaction: a crash loses at most this much work in flight


@dataclass(frozen=True, slots=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1


# Progress callback: (bytes of input consumed so far, total bytes of input).
Progress = Callable[[int, int], None]


def prepare(item: SourceItem, max_bytes: int = DEFAULT_MAX_BYTES) -> PreparedDocument | ItemError:
    """The pure per-document stages (decode, clean) for one item, or why they failed."""
    doc_id = hashlib.sha256(item.original).hexdigest()
    stage = "decode"
    try:
        decoded = decode_item(item, max_bytes)
        stage = "clean"
        clean = clean_document(decoded.text, item.media_type, uri=item.uri, fields=item.fields)
    except TolltraceError as exc:
        return ItemError(item.origin, stage, exc.code, exc.message)
    except Exception as exc:  # a bug on one odd document must not stop a corpus
        return ItemError(item.origin, stage, "T200", f"{type(exc).__name__}: {exc}")
    return PreparedDocument(doc_id, item, decoded.text, decoded.encoding, clean)


def ingest(
    store: Store,
    paths: Sequence[str],
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest every document under `paths`. Safe to re-run: known originals are skipped."""
    summary = IngestSummary(run_id=f"ingest-{uuid.uuid4().hex[:12]}")
    found = list(discover(paths))
    reader = _NewItems(store, found, summary, options.max_bytes, progress)
    work = partial(prepare, max_bytes=options.max_bytes)
    results = map_ordered(work, reader.items(), options.workers)
    errors_written = 0
    finished = False
    while not finished:
        finished = True
        with store.batch():
            for written, (_item, result) in enumerate(results, start=1):
                if isinstance(result, ItemError):
                    summary.errors.append(result)
                else:
                    store.add_document(result, now_utc())
                    summary.ingested.append(result.id)
                if written >= BATCH_SIZE:
                    finished = False
                    break
            for error in summary.errors[errors_written:]:
                store.record_error(summary.run_id, error)
            errors_written = len(summary.errors)
    store.append_custody(
        "run",
        summary.run_id,
        {
            "stage": "ingest",
            "paths": list(paths),
            "ingested": len(summary.ingested),
            "duplicates": len(summary.duplicates),
            "failed": summary.failed,
            "cleaner": CLEANER,
            "tolltrace": __version__,
        },
    )
    return summary


class _NewItems:
    """Streams the items not stored yet; read errors and duplicates are counted on the way."""

    def __init__(
        self,
        store: Store,
        found: list[Found | ItemError],
        summary: IngestSummary,
        max_bytes: int,
        progress: Progress | None,
    ) -> None:
        self.store, self.found, self.summary = store, found, summary
        self.max_bytes, self.progress = max_bytes, progress
        self.total = sum(f.size for f in found if isinstance(f, Found))
        self.seen: set[str] = set()

    def items(self) -> Iterator[SourceItem]:
        done = 0
        for entry in self.found:
            if isinstance(entry, ItemError):
                self.summary.errors.append(entry)
                continue
            within = 0
            for item in read_items(entry, self.max_bytes):
                if isinstance(item, ItemError):
                    self.summary.errors.append(item)
                    continue
                if self._is_new(item):
                    yield item
                within += len(item.original) + 1
                self._report(done + min(within, entry.size))
            done += entry.size
            self._report(done)

    def _is_new(self, item: SourceItem) -> bool:
        doc_id = hashlib.sha256(item.original).hexdigest()
        if doc_id in self.seen or self.store.has_document(doc_id):
            self.summary.duplicates.append(doc_id)
            return False
        self.seen.add(doc_id)
        return True

    def _report(self, done: int) -> None:
        if self.progress:
            self.progress(done, self.total)
