"""tolltrace: traceable, reconciled casualty and repression figures from news and advocacy texts."""

__version__ = "0.1.0"
