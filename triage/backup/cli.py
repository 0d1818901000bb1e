"""`flask --app wsgi backup create|verify|restore`: backups of the instance (docs/operations-backup.md)."""

import click
from flask import Flask, current_app

from triage.backup.archive import Check, check_archive
from triage.backup.service import (
    KEYS_WARNING,
    UNSIGNED_WARNING,
    WITH_KEYS_WARNING,
    RestoreRefused,
    create_backup,
    restore_backup,
    signature_problem,
)

UNSIGNED_OK = click.option(
    "--unsigned-ok",
    is_flag=True,
    help="accept a manifest that is not signed with this instance's AUDIT_KEY (backups from before signing)",
)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def summary(manifest: dict) -> list[str]:
    """What a backup holds, one line a kind of part."""
    database = manifest.get("database", {})
    tables = database.get("tables", {})
    lines = [
        f"backup of {manifest.get('created_at')}, software {manifest.get('software_version')}, "
        f"database revision {manifest.get('alembic_revision')} ({database.get('dialect')})",
        f"  database: {len(tables)} table(s), {sum(t['rows'] for t in tables.values())} row(s), "
        f"{tables.get('reports', {}).get('rows', 0)} report(s), {tables.get('audit_records', {}).get('rows', 0)} "
        "audit record(s)",
    ]
    kinds: dict[str, list[int]] = {}
    for part in manifest.get("parts", []):
        if part["kind"] != "database":
            kinds.setdefault(part["kind"], []).append(part["size"])
    for kind, sizes in sorted(kinds.items()):
        lines.append(f"  {kind}: {len(sizes)} file(s), {_size(sum(sizes))}")
    lines.append(f"  classifier: {manifest.get('model') or 'none published'}")
    lines.append(f"  keys: {'INCLUDED' if manifest.get('keys_included') else 'not included'}")
    for missing in manifest.get("missing_files", []):
        lines.append(f"  missing when taken: {missing}")
    return lines


def _report(check: Check, path: str, unsigned_ok: bool) -> None:
    """The archive's integrity (every part against the manifest), then its authenticity (the manifest's signature
    under this instance's AUDIT_KEY); exit 1 when either fails, a manifest not signed with the key accepted only with
    `unsigned_ok` and a loud warning."""
    if check.manifest is not None:
        for line in summary(check.manifest):
            click.echo(line)
    if not check.ok:
        for problem in check.problems:
            click.echo(f"  {problem}", err=True)
        click.echo(f"backup DAMAGED: {path}: {len(check.problems)} problem(s)", err=True)
        raise SystemExit(1)
    state, problem = signature_problem(current_app, check.manifest or {})
    if state == "valid":
        click.echo(f"backup intact: {check.checked} part(s) match the manifest, signed with this instance's AUDIT_KEY")
        return
    if unsigned_ok:
        click.echo(f"backup intact: {check.checked} part(s) match the manifest")
        click.echo(f"WARNING: {UNSIGNED_WARNING.format(problem=problem)}", err=True)
        return
    if state == "unchecked":  # integrity only; a restore refuses it (it needs the key)
        click.echo(f"backup intact: {check.checked} part(s) match the manifest")
        click.echo(f"WARNING: {problem}", err=True)
        return
    click.echo(f"  {problem}", err=True)
    click.echo(
        f"backup NOT AUTHENTIC: {path}: its manifest is not signed with this instance's AUDIT_KEY "
        "(--unsigned-ok accepts it anyway)",
        err=True,
    )
    raise SystemExit(1)


def register(app: Flask) -> None:
    @app.cli.group("backup")
    def backup_group():
        """Backups of the instance: database, evidence files, documents, periodic reports, classifier."""

    @backup_group.command("create")
    @click.argument("path", type=click.Path(dir_okay=False))
    @click.option("--with-keys", is_flag=True, help="include SECRET_KEY, AUDIT_KEY and PASSPHRASE_KEY (keep it safe)")
    def backup_create(path, with_keys):
        """Write a backup of the running instance to PATH (.tar, .tar.gz or .tar.zst)."""
        try:
            created = create_backup(current_app, path, with_keys=with_keys)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        for line in summary(created.manifest):
            click.echo(line)
        click.echo(f"backup written: {created.path} ({_size(created.path.stat().st_size)})")
        click.echo(f"WARNING: {WITH_KEYS_WARNING if with_keys else KEYS_WARNING}", err=True)

    @backup_group.command("verify")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    @UNSIGNED_OK
    def backup_verify(path, unsigned_ok):
        """Check every part of the backup at PATH against its manifest, and the manifest's signature against this
        instance's AUDIT_KEY; exit 1 naming what is wrong."""
        _report(check_archive(path), path, unsigned_ok)

    @backup_group.command("restore")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    @click.option("--force", is_flag=True, help="replace an instance that is not empty, or whose keys differ")
    @UNSIGNED_OK
    def backup_restore(path, force, unsigned_ok):
        """Restore the backup at PATH into this (empty) instance: database, files, and keys when included."""
        check = check_archive(path)
        _report(check, path, unsigned_ok)
        try:
            restored = restore_backup(current_app, path, force=force, check=check, unsigned_ok=unsigned_ok)
        except RestoreRefused as exc:
            click.echo(f"restore refused: {exc}", err=True)
            raise SystemExit(1) from None
        for warning in restored.warnings:
            click.echo(f"WARNING (forced): {warning}", err=True)
        click.echo(
            f"restored {sum(restored.rows.values())} row(s) of {len(restored.rows)} table(s) and {restored.files} "
            f"file(s); database migrated to the latest revision"
        )
        if restored.keys_written:
            click.echo(f"keys written to the instance folder: {', '.join(restored.keys_written)}")
        else:
            click.echo(f"WARNING: {KEYS_WARNING}", err=True)
        chain = restored.chain
        if chain.first_broken is not None:
            click.echo(
                f"audit trail BROKEN at record {chain.first_broken}: {chain.reason} (is AUDIT_KEY the one of the "
                "instance backed up?)",
                err=True,
            )
            raise SystemExit(1)
        click.echo(f"audit trail intact: {chain.checked} record(s)")
