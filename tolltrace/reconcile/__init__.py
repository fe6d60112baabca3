"""The reconcile stage: per event and category, figures side by side, consensus, contradictions
and independent sources (`findings`, `sources`, `affiliations`), and body-size disagreements
(`bodies`). Pure functions of their inputs: no store, no global state."""
