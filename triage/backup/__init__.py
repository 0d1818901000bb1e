"""Backups of an instance and their restore (`flask --app wsgi backup create|verify|restore`, the nightly job).

- `triage.backup.dump`: the database as a portable logical dump (one JSON Lines file per table, read from one
  consistent snapshot), loadable into SQLite or PostgreSQL at the dump's Alembic revision;
- `triage.backup.archive`: the tar archive (plain, gzip or zstd), its manifest (every part's size and SHA-256) and
  the check of an archive against it;
- `triage.backup.service`: what an instance's backup holds (database, evidence files and official documents,
  periodic reports, the published classifier, the audit anchors; the keys only when asked), taking one and
  restoring one into an empty instance;
- `triage.backup.jobs`: the nightly backup that keeps the last BACKUP_KEEP archives in BACKUP_DIR;
- `triage.backup.cli`: the commands.

What is in a backup and how to restore it: docs/operations-backup.md.
"""
