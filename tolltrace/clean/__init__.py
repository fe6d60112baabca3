"""The clean stage: raw text -> clean text with an offset map (see `document.clean_document`)."""
