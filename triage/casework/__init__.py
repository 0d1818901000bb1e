"""Casework: what staff do with reports. Who may see and do what (access), staff sign-in (auth), the unit's
queue with filters, counts and bulk actions (queue), the case file (case_file) and its forms (forms), the
actions on a report as services (actions), the redacted copy for verification (redaction), and the jobs of
corrections and contact retention (jobs).
"""
