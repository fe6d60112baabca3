"""Across documents: entities and events."""
