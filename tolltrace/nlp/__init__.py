"""The nlp stage: sentences, and the few of them worth a dependency parse."""
