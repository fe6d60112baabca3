"""The extract stage: counts, qualifiers and claims from the sentences of a cleaned document."""
