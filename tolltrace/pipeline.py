"""The jobs that run the stages over a store; one bad item never stops a batch.

`ingest`: read, preserve, decode, clean and store new documents. `extract`: find the claims
of every document the current extractor version has not processed yet, and store them.
`link`: across the whole store, merge entities, link events and reconcile their figures.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from typing import TypeVar

from tolltrace import __version__
from tolltrace.clean.document import CLEANER, clean_document
from tolltrace.errors import StageError, TimeLimit, TolltraceError
from tolltrace.extract.stage import (
    DEFAULT_OPTIONS,
    ExtractOptions,
    extract_document,
    extractor_version,
)
from tolltrace.ingest.decode import DEFAULT_MAX_BYTES, decode_item
from tolltrace.ingest.sources import Found, discover, read_items
from tolltrace.link.entities import EntityDocument, alias_index, canonical_name, link_entities
from tolltrace.link.event_ids import inherit_ids, pin_claims
from tolltrace.link.events import LinkDocument, link_events
from tolltrace.link.short_names import ShortNames
from tolltrace.model import (
    Claim,
    CleanText,
    IngestSummary,
    ItemError,
    Mention,
    PreparedDocument,
    SourceItem,
)
from tolltrace.nlp.mentions import find_mentions_many, finder_version
from tolltrace.nlp.parse import load_model
from tolltrace.reconcile.affiliations import NO_AFFILIATIONS, Affiliations
from tolltrace.reconcile.findings import reconcile_event
from tolltrace.reconcile.sources import SourceDocument, outlet_name
from tolltrace.runner import PoolRunner, Runner
from tolltrace.store.base import ClaimQuery, Store, lease_owner
from tolltrace.store.custody import now_utc
from tolltrace.store.links import CachedMentions

BATCH_SIZE = 200  # documents per transaction: a crash loses at most this much work in flight
EXTRACT_BATCH_SIZE = 50  # documents per transaction of the (slower) extract job


@dataclass(frozen=True, slots=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    runner: Runner = field(default_factory=PoolRunner)  # maps decoding and cleaning


# Progress callback: (work done so far, total work): bytes of input for ingest, documents for
# extract.
Progress = Callable[[int, int], None]
R = TypeVar("R")


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
    results = options.runner.map(work, reader.items())
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


# ------------------------------------------------------------------------------------ extract


@dataclass(slots=True)
class ExtractSummary:
    """Counts for one extract run (mutable: filled in as the run goes)."""

    run_id: str = ""
    extractor: str = ""
    pending: int = 0  # documents the run set out to process
    processed: list[str] = field(default_factory=list)  # documents whose claims were stored
    claims: int = 0
    errors: list[ItemError] = field(default_factory=list)
    timed_out_before: int = 0  # left pending: they ran out of this time limit before
    leased_elsewhere: int = 0  # left pending: another extract process is on them

    @property
    def failed(self) -> int:
        return len(self.errors)


@dataclass(frozen=True, slots=True)
class ExtractTask:
    """One document as the extract stage needs it: plain records a worker process can take."""

    doc_id: str
    uri: str
    clean: CleanText | None


def extract_claims(task: ExtractTask, options: ExtractOptions) -> tuple[Claim, ...] | ItemError:
    """The extract stage on one document, or why it failed. Every claim's span is checked."""
    try:
        if task.clean is None:
            raise StageError(f"document {task.doc_id} has no clean text: ingest it again")
        claims = extract_document(task.doc_id, task.uri, task.clean, options)
        for claim in claims:
            words = task.clean.text[claim.start : claim.end]
            if claim.document != task.doc_id or words != claim.text:
                raise StageError(
                    f"claim {claim.id} ({claim.text!r}) does not match its span "
                    f"{claim.start}..{claim.end} of the document"
                )
    except TolltraceError as exc:
        return ItemError(task.doc_id, "extract", exc.code, exc.message)
    except Exception as exc:  # a bug on one odd document must not stop a corpus
        return ItemError(task.doc_id, "extract", "T200", f"{type(exc).__name__}: {exc}")
    return claims


def extract(
    store: Store,
    options: ExtractOptions = DEFAULT_OPTIONS,
    runner: Runner | None = None,
    progress: Progress | None = None,
    retry_timeouts: bool = False,
) -> ExtractSummary:
    """Extract claims from every document the current extractor has not processed yet.

    Incremental and safe to re-run: a document's claims are replaced as a whole, documents
    that failed are recorded (stage `extract`) and tried again by the next run, except those
    that ran out of time: they are tried again only under a larger `options.time_limit`, or
    with `retry_timeouts`. `runner` maps the extraction (default: one worker process, killed
    at a document's time limit); the claims are stored here. Documents are leased in the store
    while extracted, so two extract processes on one store share the work. `progress`
    receives (documents done, documents to do).
    """
    version = extractor_version(options.profiles)
    summary = ExtractSummary(run_id=f"extract-{uuid.uuid4().hex[:12]}", extractor=version)
    owner = lease_owner(summary.run_id)
    if not retry_timeouts:
        summary.timed_out_before = store.timed_out(version, options.time_limit)
    summary.leased_elsewhere = store.leased_elsewhere(version, owner)
    pending = len(store.pending_extraction(version))
    summary.pending = max(0, pending - summary.timed_out_before - summary.leased_elsewhere)
    work = partial(extract_claims, options=options)
    runner = runner or PoolRunner()
    leases = _Leases(store, version, owner, options, runner, retry_timeouts)
    try:
        results = _reported(
            runner.map_with_deadline(
                work,
                _extract_tasks(store, leases.documents()),
                options.time_limit,
                partial(_extraction_failed, limit=options.time_limit),
                _warm_extractor,
            ),
            summary.pending,
            progress,
        )
        # Extraction is slow: run it outside any transaction, then write each batch in a
        # short one, so other writers (a concurrent ingest) are never locked out for long.
        while batch := list(islice(results, EXTRACT_BATCH_SIZE)):
            with store.batch():
                for task, result in batch:
                    _store_extraction(store, summary, task.doc_id, result, options)
                store.release_leases(owner, [task.doc_id for task, _ in batch])
    finally:
        store.release_leases(owner)
    store.append_custody(
        "run",
        summary.run_id,
        {
            "stage": "extract",
            "extractor": version,
            "time_limit": options.time_limit,
            "pending": summary.pending,
            "processed": len(summary.processed),
            "claims": summary.claims,
            "failed": summary.failed,
            "tolltrace": __version__,
        },
    )
    return summary


def _store_extraction(
    store: Store,
    summary: ExtractSummary,
    doc_id: str,
    result: tuple[Claim, ...] | ItemError,
    options: ExtractOptions,
) -> None:
    if isinstance(result, ItemError):
        store.record_extraction_error(summary.run_id, doc_id, summary.extractor, result)
        if result.code == TimeLimit.code:
            store.record_timeout(doc_id, summary.extractor, options.time_limit)
        summary.errors.append(result)
    else:
        summary.claims += store.store_claims(doc_id, summary.extractor, result, summary.run_id)
        summary.processed.append(doc_id)


class _Leases:
    """The documents this run extracts, leased from the store a few at a time."""

    def __init__(
        self,
        store: Store,
        version: str,
        owner: str,
        options: ExtractOptions,
        runner: Runner,
        retry_timeouts: bool,
    ) -> None:
        self.store, self.version, self.owner = store, version, owner
        self.limit, self.retry = options.time_limit, retry_timeouts
        self.runner = runner

    def documents(self) -> Iterator[str]:
        chunk_size = self.runner.in_flight  # what the runner keeps in flight
        # Long enough for a chunk and the one before it, each document at its time limit.
        seconds = (2 * chunk_size / self.runner.parallelism + 1) * (self.limit + 30)
        after = 0
        while chunk := self.store.lease_extraction(
            self.version,
            self.owner,
            chunk_size,
            seconds,
            self.limit,
            after=after,
            retry_timeouts=self.retry,
        ):
            after = chunk[-1][0]
            for _, document in chunk:
                yield document


def _extraction_failed(task: ExtractTask, reason: str, limit: float) -> ItemError:
    """What a worker killed at the time limit, or one that died, leaves for its document."""
    if reason == "time":
        error: TolltraceError = TimeLimit(
            f"extraction took longer than {limit:g} s and was stopped; it is not tried again "
            "under this limit: raise --time-limit, or split the document"
        )
    else:
        error = StageError("the extraction process died on this document (out of memory?)")
    return ItemError(task.doc_id, "extract", error.code, error.message)


def _warm_extractor() -> None:
    """Load the parser in a worker before the clock of its first document starts (only the
    real stage needs it, not a stand-in extractor)."""
    if extract_document is _STAGE_EXTRACT:
        load_model()


_STAGE_EXTRACT = extract_document


def _extract_tasks(store: Store, doc_ids: Iterable[str]) -> Iterator[ExtractTask]:
    for doc_id in doc_ids:
        stored = store.get_document(doc_id)
        yield ExtractTask(doc_id, stored.document.uri, stored.clean)


def _reported(results: Iterable[R], total: int, progress: Progress | None) -> Iterator[R]:
    """`results` unchanged, telling `progress` how many have come out of `total`."""
    for done, result in enumerate(results, start=1):
        if progress:
            progress(done, total)
        yield result


# --------------------------------------------------------------------------------------- link


@dataclass(frozen=True, slots=True)
class LinkOptions:
    affiliations: Affiliations = NO_AFFILIATIONS  # the user's table of source affiliations


@dataclass(slots=True)
class LinkSummary:
    """Counts for one link run (the whole corpus is linked and reconciled again each time)."""

    run_id: str = ""
    documents: int = 0
    claims: int = 0
    entities: int = 0
    events: int = 0
    findings: int = 0
    contradicted: int = 0  # findings whose figures cannot all hold
    pinned: int = 0  # claims a reviewer moved to an event, kept there
    pinned_missing: int = 0  # ... to an event no longer found (the claim is in no event)


def link(
    store: Store, options: LinkOptions = LinkOptions(), progress: Progress | None = None
) -> LinkSummary:
    """Link the whole store: entities with aliases, events, and reconciled findings.

    Derived link results replace the previous ones in one transaction; manual entity decisions
    (`Store.entity_decisions`) are kept and applied again. Claims are reconciled with their
    sources under canonical entity names. `progress` receives (documents read, documents).
    """
    summary = LinkSummary(run_id=f"link-{uuid.uuid4().hex[:12]}")
    corpus = _link_corpus(store, progress)
    summary.documents = len(corpus.documents)
    entities = link_entities(corpus.entity_documents, store.entity_decisions())
    names = alias_index(entities)
    short_names = ShortNames(entities)
    # Ids carried over from the previous link (shared URLs stay valid), and claims a reviewer
    # moved to an event put there.
    previous = list(store.events())
    events = inherit_ids(previous, link_events(corpus.documents))
    pinned = store.reviewed_events()
    events = pin_claims(events, pinned)
    known = {event.id for event in events}
    summary.pinned = sum(1 for event in pinned.values() if event in known)
    summary.pinned_missing = sum(1 for e in pinned.values() if e is not None and e not in known)
    claims = {
        claim.id: _canonical_source(claim, names, short_names)
        for document in corpus.documents
        for claim in document.claims
    }
    summary.claims = len(claims)
    findings = [
        finding
        for event in events
        for finding in reconcile_event(
            event,
            [claims[claim] for claim in event.claims if claim in claims],
            corpus.sources,
            options.affiliations,
        )
    ]
    store.replace_links(entities, events, findings, summary.run_id)
    summary.entities, summary.events, summary.findings = len(entities), len(events), len(findings)
    summary.contradicted = sum(1 for finding in findings if not finding.consistent)
    store.append_custody(
        "run",
        summary.run_id,
        {
            "stage": "link",
            "documents": summary.documents,
            "claims": summary.claims,
            "entities": summary.entities,
            "events": summary.events,
            "findings": summary.findings,
            "contradicted": summary.contradicted,
            "pinned": summary.pinned,
            "pinned_missing": summary.pinned_missing,
            "tolltrace": __version__,
        },
    )
    return summary


@dataclass(slots=True)
class _LinkCorpus:
    documents: list[LinkDocument] = field(default_factory=list)
    entity_documents: list[EntityDocument] = field(default_factory=list)
    sources: dict[str, SourceDocument] = field(default_factory=dict)


def _link_corpus(store: Store, progress: Progress | None) -> _LinkCorpus:
    """Every document with a clean text, as the link stages read it, with its mentions."""
    corpus = _LinkCorpus()
    texts: list[tuple[str, str]] = []
    for document in store.documents():
        clean = store.get_document(document.id).clean
        if clean is None:
            continue
        claims = tuple(
            claim
            for claim in store.claims(ClaimQuery(document=document.id))
            if claim.review != "rejected"  # a reviewer's "not a claim" is not a figure
        )
        corpus.documents.append(
            LinkDocument(
                document.id, document.uri, clean.title, clean.published, clean.text, claims
            )
        )
        corpus.sources[document.id] = SourceDocument(
            document.id,
            document.uri,
            outlet_name(document.uri, clean.site),
            clean.published,
            clean.title,
        )
        texts.append((document.id, clean.text))
    for done, (read, found) in enumerate(
        zip(corpus.documents, _mentions(store, texts), strict=True), 1
    ):
        corpus.entity_documents.append(EntityDocument(read.id, read.text, found, read.published))
        if progress:
            progress(done, len(corpus.documents))
    return corpus


_MENTION_BATCH = 200  # documents' new mentions stored per write


def _mentions(store: Store, texts: Sequence[tuple[str, str]]) -> Iterator[tuple[Mention, ...]]:
    """Each document's mentions, in order: stored ones when its text and the finder match,
    else found now (and stored, a batch at a time, so an interrupted link keeps its work)."""
    finder = finder_version()
    cached = store.cached_mentions(finder)
    hashes = [hashlib.sha256(text.encode()).hexdigest() for _, text in texts]
    missing = [
        (document, text)
        for (document, text), sha in zip(texts, hashes, strict=True)
        if document not in cached or cached[document].text_sha256 != sha
    ]
    found = iter(find_mentions_many(missing))
    fresh: dict[str, CachedMentions] = {}
    for (document, _), sha in zip(texts, hashes, strict=True):
        known = cached.get(document)
        if known is not None and known.text_sha256 == sha:
            yield known.mentions
            continue
        mentions = CachedMentions(sha, tuple(next(found)))
        fresh[document] = mentions
        if len(fresh) >= _MENTION_BATCH:
            store.cache_mentions(finder, fresh)
            fresh = {}
        yield mentions.mentions
    if fresh:
        store.cache_mentions(finder, fresh)


def _canonical_source(claim: Claim, names: dict[str, str], short_names: ShortNames) -> Claim:
    """The claim with its source under the canonical name of its entity, when one is known:
    an alias anywhere in the corpus, else a short form within its document ("the Monitor")."""
    if claim.attributed_to is None:
        return claim
    name = canonical_name(names, claim.attributed_to) or short_names.resolve(
        claim.document, claim.attributed_to
    )
    return (
        claim if name is None or name == claim.attributed_to else replace(claim, attributed_to=name)
    )
