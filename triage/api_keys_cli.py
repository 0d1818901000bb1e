"""`flask --app wsgi api-keys create|revoke|list`: the keys of partner systems. A new key is printed once and
never again (only its SHA-256 is kept); creating and revoking are written to the audit trail without key material."""

import getpass

import click
from flask import Flask
from sqlalchemy.exc import IntegrityError

from core.extensions import db
from core.vietnamese import format_datetime
from intake.api import keys


def _operator() -> str:
    """Who ran the command, as the audit trail records an administrator at the console."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def register(app: Flask) -> None:
    @app.cli.group("api-keys")
    def api_keys_group():
        """Keys of partner systems for the Open311 API."""

    @api_keys_group.command("create")
    @click.argument("name")
    @click.option(
        "--rate-limit",
        default=keys.DEFAULT_RATE_LIMIT,
        show_default=True,
        help="requests this key may make, e.g. '60/minute' or '1000 per day;60 per minute'",
    )
    def create(name, rate_limit):
        """Create a key for the partner NAME and print it, once."""
        try:
            new = keys.create_key(db.session, name, rate_limit=rate_limit, created_by=_operator())
            db.session.commit()
        except keys.KeyRefused as exc:
            db.session.rollback()
            raise click.ClickException(str(exc)) from None
        except IntegrityError:
            db.session.rollback()
            raise click.ClickException(f"a key named {name!r} exists already") from None
        click.echo(f"key for {new.api_key.name} (limit {new.api_key.rate_limit}); it is shown this once:")
        click.echo(new.key)

    @api_keys_group.command("revoke")
    @click.argument("name")
    def revoke(name):
        """Refuse every later request made with the key of NAME."""
        try:
            keys.revoke_key(db.session, name, revoked_by=_operator())
            db.session.commit()
        except keys.KeyRefused as exc:
            db.session.rollback()
            raise click.ClickException(str(exc)) from None
        click.echo(f"key of {name} revoked")

    @api_keys_group.command("list")
    def list_():
        """Every key: name, prefix, limit, created, revoked, last used, uses (never the key)."""
        rows = keys.list_keys(db.session)
        if not rows:
            click.echo("no API keys")
            return
        click.echo("name\tprefix\tlimit\tcreated\trevoked\tlast used\tuses")
        for row in rows:
            click.echo(
                "\t".join(
                    (
                        row.name,
                        row.prefix,
                        row.rate_limit,
                        format_datetime(row.created_at),
                        format_datetime(row.revoked_at) if row.revoked_at else "-",
                        format_datetime(row.last_used_at) if row.last_used_at else "-",
                        str(row.uses),
                    )
                )
            )
