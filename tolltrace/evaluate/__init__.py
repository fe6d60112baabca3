"""Measure claim extraction against public data sets with gold labels.

An extractor is any callable from an `EvalDocument` to the claims it finds
(`datasets.Extract`), so every extraction strategy, baseline or competitor tool is scored by the
same code. `datasets` reads each data set's folder layout into gold records and documents
(`brat` parses PolNeAR's standoff files); `score_<name>` computes the figures issue 3 asks for,
with the shared counting, matching and B³ in `metrics`; `scoring.run(name, folder, extract)`
ties them together. Reports are frozen records with `to_json()` and `render()`.

`parts` splits every data set's documents into `tune` and `check` by a hash of their ids.
hrdocs is read by the whole pipeline instead of an extractor: `hrdocs` loads its folder and
runs ingest, extract and link in a temporary store; `score_hrdocs` scores the claim and event
exports by the rules of the folder's reference scorer (`hrdocs_events`: document clustering;
`hrdocs_report`: the figures). `magnitudes` reads gold figures of a vague magnitude.
"""
