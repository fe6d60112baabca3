"""Evidence packages: an event's originals, custody and findings, verifiable offline."""

from tolltrace.package.build import PackageSummary, build_package
from tolltrace.package.check import PackageReport, verify_package

__all__ = ["PackageReport", "PackageSummary", "build_package", "verify_package"]
