"""One exception hierarchy with stable codes; each message says the cause and the fix."""

from __future__ import annotations


class TolltraceError(Exception):
    """Base of every error tolltrace raises on purpose."""

    code = "T000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


# Input: one item cannot be read or understood. The batch goes on.
class InputError(TolltraceError):
    code = "T100"


class NotFound(InputError):
    code = "T101"


class Unsupported(InputError):
    code = "T102"


class TooLarge(InputError):
    code = "T103"


class EmptyInput(InputError):
    code = "T104"


class BinaryInput(InputError):
    code = "T105"


class BadRecord(InputError):
    code = "T106"


class NoText(InputError):
    code = "T107"


class Unreadable(InputError):
    code = "T108"


# Processing: a stage failed on one document. The batch goes on.
class StageError(TolltraceError):
    code = "T200"


class TimeLimit(StageError):
    code = "T201"


# Store: the database cannot be used. The command stops.
class StoreError(TolltraceError):
    code = "T300"


class SchemaTooNew(StoreError):
    code = "T301"


class DocumentNotFound(StoreError):
    code = "T302"


class AmbiguousId(StoreError):
    code = "T303"


class BackendMissing(StoreError):
    code = "T304"


class StoreNotFound(StoreError):
    """A command that reads a store was given one that does not exist (it never creates one)."""

    code = "T305"


# Store, link results: an entity, event or manual decision cannot be found or used.
class EntityNotFound(StoreError):
    code = "T310"


class EventNotFound(StoreError):
    code = "T311"


class AmbiguousReference(AmbiguousId):
    """An id prefix or a name matches several entities or events."""

    code = "T312"


class BadEntityDecision(StoreError):
    code = "T313"


class VictimNotFound(StoreError):
    code = "T314"


class BadVictimDecision(StoreError):
    code = "T315"


class ExtraMissing(TolltraceError):
    """An optional engine (splink) is not installed: the message names the extra."""

    code = "T306"


# Configuration: a reading profile cannot be used. The command stops.
class ProfileError(TolltraceError):
    code = "T400"


# Evidence packages: one cannot be made, or a file given is not one. The command stops.
class PackageError(TolltraceError):
    code = "T500"


class NotAPackage(PackageError):
    """A file given to `verify-package` that is no zip, or a zip that is no tolltrace package."""

    code = "T501"


class PackageRefused(PackageError):
    """The store's own originals or custody entries of the event fail their hashes."""

    code = "T502"


# A runner that cannot be used (its engine is not installed or would not start), or whose
# cluster failed a job (not a document: those are recorded). The command stops.
class RunnerError(TolltraceError):
    code = "T600"
