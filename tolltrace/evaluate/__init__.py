"""Measure claim extraction against public data sets with gold labels.

An extractor is any callable from an `EvalDocument` to the claims it finds
(`datasets.Extract`), so every extraction strategy, baseline or competitor tool is scored by the
same code. `datasets` reads each data set's folder layout into gold records and documents
(`brat` parses PolNeAR's standoff files); `score_<name>` computes the figures issue 3 asks for,
with the shared counting, matching and B³ in `metrics`; `scoring.run(name, folder, extract)`
ties them together. Reports are frozen records with `to_json()` and `render()`.
"""
