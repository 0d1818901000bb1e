"""The shared kernel: what both the citizen side (intake) and the staff side (triage) need, and no view.

It owns the settings (config), the unbound Flask extensions, the database engine rules and the Alembic
migrations, the models, the vocabulary of codes and their Vietnamese labels, the report's state machine,
the directory of units, the audit trail, handing work to rq (queueing), per-client rate limits, response
headers, diacritics-insensitive search, Vietnam's time and Vietnamese formatting, and password hashing.
It imports `ml` (for the taxonomy and the gazetteer) and nothing of `intake` or `triage`.
"""
