"""Administrative commands: `flask --app wsgi <group> <command>`."""

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy import select

from core.database import upgrade_database
from core.extensions import db
from core.models import Unit, User
from core.units import load_units
from core.vocabulary import Role
from triage import api_keys_cli
from triage.casework import accounts
from triage.casework.jobs import export_corrections, purge_contacts
from triage.deadlines.calendar_store import set_override
from triage.deadlines.jobs import enqueue_pending_notifications, sweep_deadlines
from triage.deadlines.outbox import retry_dead
from triage.lifeline import tied_to_this_process
from triage.routing.jobs import reconcile_unrouted


def prepare_database(app: Flask) -> tuple[int, int]:
    """Migrate to the latest schema and load the directory of units (both idempotent)."""
    upgrade_database(app.config["SQLALCHEMY_DATABASE_URI"])
    with app.app_context():
        counts = load_units(db.session)
        db.session.commit()
    return counts


def model_exists(model_dir: str) -> bool:
    return (Path(model_dir) / "current").exists()


def ensure_model(model_dir: str, max_rows: int = 0) -> bool:
    """Train a classifier from the project's corpus (or `max_rows` of it) when none is there yet; True if one was
    trained."""
    if model_exists(model_dir):
        return False
    click.echo(f"No classifier in {model_dir} yet: training one from ml/data (a few minutes, once).", err=True)
    subset = ["--max-rows", str(max_rows)] if max_rows else []
    # Tied to this process: a runner stopped (or killed) during the training does not leave it running.
    command = [sys.executable, "-m", "ml", "train", "--out", model_dir, *subset]
    subprocess.run(command, check=True, preexec_fn=tied_to_this_process())
    return True


def register(app: Flask) -> None:
    api_keys_cli.register(app)

    @app.cli.group("db")
    def db_group():
        """Database schema."""

    @db_group.command("upgrade")
    def db_upgrade():
        """Apply every migration."""
        upgrade_database(current_app.config["SQLALCHEMY_DATABASE_URI"])
        click.echo("database is at the latest revision")

    @app.cli.group("units")
    def units_group():
        """The directory of units."""

    @units_group.command("load")
    def units_load():
        """Load the 166 communes/wards and the provincial bodies (idempotent)."""
        created, updated = load_units(db.session)
        db.session.commit()
        total = db.session.query(Unit).count()
        click.echo(f"units: {created} created, {updated} updated, {total} in all")

    @app.cli.group("users")
    def users_group():
        """Staff accounts."""

    @contextmanager
    def _refusals():
        """An account rule's refusal, as an error about the option it concerns."""
        try:
            yield
        except accounts.AccountRefused as exc:
            db.session.rollback()
            hint = {"username": "USERNAME", "password": "--password", "unit_id": "--unit"}.get(exc.field, exc.field)
            raise click.BadParameter(str(exc), param_hint=hint) from None

    @users_group.command("create")
    @click.argument("username")
    @click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.INSPECTOR.value)
    @click.option("--unit", "unit_code", help="unit code: a ward code (16522) or an agency code (so-y-te)")
    @click.option("--name", "full_name", default="")
    @click.option("--email", default=None, help="where reminders and alerts for this person go")
    @click.password_option()
    def users_create(username, role, unit_code, full_name, email, password):
        """Create a staff account (an inspector needs --unit), under the admin pages' rules."""
        unit = None
        if unit_code:
            unit = db.session.scalar(select(Unit).where(Unit.code == unit_code))
            if unit is None:
                raise click.BadParameter(
                    f"no unit with code {unit_code!r} (run `units load` first?)", param_hint="--unit"
                )
        with _refusals():
            accounts.create_user(
                db.session,
                username=username,
                password=password,
                role=role,
                unit_id=unit.id if unit else None,
                full_name=full_name,
                email=email,
            )
        db.session.commit()
        click.echo(f"created {role} {username}" + (f" of {unit.name}" if unit else ""))

    def _user(username: str) -> User:
        user = db.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise click.ClickException(f"no user {username!r}")
        return user

    @users_group.command("set-role")
    @click.argument("username")
    @click.argument("role", type=click.Choice([r.value for r in Role]))
    @click.option("--unit", "unit_code", help="move to this unit as well (an inspector needs one)")
    def users_set_role(username, role, unit_code):
        """Change a user's role (and unit)."""
        user = _user(username)
        unit = user.unit
        if unit_code:
            unit = db.session.scalar(select(Unit).where(Unit.code == unit_code))
            if unit is None:
                raise click.BadParameter(f"no unit with code {unit_code!r}", param_hint="--unit")
        with _refusals():
            accounts.set_role(db.session, user, role, unit.id if unit else None)
        db.session.commit()
        click.echo(f"{username} is now {role}" + (f" of {unit.name}" if unit else ""))

    @users_group.command("deactivate")
    @click.argument("username")
    @click.option("--reactivate", is_flag=True, help="allow the account to sign in again")
    def users_deactivate(username, reactivate):
        """Stop an account from signing in (its open sessions are refused from the next request)."""
        user = _user(username)
        accounts.set_active(db.session, user, bool(reactivate))
        db.session.commit()
        click.echo(f"{username} {'reactivated' if reactivate else 'deactivated'}")

    @users_group.command("reset-password")
    @click.argument("username")
    @click.password_option()
    def users_reset_password(username, password):
        """Set a new password (the admin pages' rules); also unlocks the account and ends its sessions."""
        user = _user(username)
        with _refusals():
            accounts.set_password(db.session, user, password)
        accounts.unlock(db.session, user)
        db.session.commit()
        click.echo(f"password of {username} reset")

    @units_group.command("set")
    @click.argument("code")
    @click.option("--email", default=None, help="where the unit's notifications go")
    @click.option("--remote/--not-remote", default=None, help="vùng sâu vùng xa: longer complaint deadlines")
    def units_set(code, email, remote):
        """Change a unit's e-mail address or remote flag."""
        unit = db.session.scalar(select(Unit).where(Unit.code == code))
        if unit is None:
            raise click.ClickException(f"no unit with code {code!r}")
        if email is None and remote is None:
            raise click.UsageError("nothing to change: give --email and/or --remote/--not-remote")
        if email is not None:
            unit.email = email
        if remote is not None:
            unit.remote = remote
        db.session.commit()
        click.echo(f"{unit.code} {unit.name}: email={unit.email} remote={'yes' if unit.remote else 'no'}")

    @app.cli.group("routing")
    def routing_group():
        """Routing jobs."""

    @routing_group.command("reconcile")
    def routing_reconcile():
        """Enqueue every report still waiting to be routed."""
        click.echo(f"{reconcile_unrouted()} report(s) enqueued")

    @app.cli.group("corrections")
    def corrections_group():
        """Inspectors' reroutings, kept as labelled examples for the classifier."""

    @corrections_group.command("export")
    def corrections_export():
        """Write every correction to ML_CORRECTIONS for `python -m ml train --with-corrections`."""
        count = export_corrections()
        click.echo(f"{count} correction(s) written to {current_app.config['ML_CORRECTIONS']}")

    @app.cli.group("deadlines")
    def deadlines_group():
        """Legal clocks, reminders and notifications."""

    @deadlines_group.command("sweep")
    @click.option("--today", help="the day to sweep as (YYYY-MM-DD): moves time forward for drills and tests")
    @click.option("--inline", is_flag=True, help="do the work here instead of enqueueing jobs for the workers")
    def deadlines_sweep(today, inline):
        """Find due reminders and breaches and unsent notifications (the periodic job, run now)."""
        result = sweep_deadlines(today=today, inline=inline)
        click.echo(
            f"{result['today']}: {result['clocks']} clock(s) due, {result['notifications']} notification(s) to send"
        )

    @deadlines_group.command("retry")
    @click.argument("notification_id", type=int)
    def deadlines_retry(notification_id):
        """Send again a notification whose delivery gave up."""
        if not retry_dead(db.session, notification_id):
            raise click.ClickException(f"notification {notification_id} is not a failed delivery")
        db.session.commit()
        enqueue_pending_notifications()
        click.echo(f"notification {notification_id} queued again")

    @app.cli.command("purge-contacts")
    @click.option("--today", help="as of this day (YYYY-MM-DD)")
    def purge_contacts_command(today):
        """Erase contact details of reports closed longer ago than CONTACT_RETENTION_DAYS."""
        click.echo(f"{purge_contacts(today)} report(s) anonymised")

    @app.cli.group("calendar")
    def calendar_group():
        """The working-day calendar's yearly overrides."""

    @calendar_group.command("set")
    @click.argument("day", type=click.DateTime(formats=["%Y-%m-%d"]))
    @click.option("--off/--working", "off", required=True, help="a day off, or a (Saturday) working day")
    @click.option("--reason", required=True)
    def calendar_set(day, off, reason):
        """Add or change an override (a government decision): e.g. `calendar set 2027-02-05 --off --reason ...`."""
        set_override(db.session, day.date(), working=not off, reason=reason)
        db.session.commit()
        current_app.extensions["services"].forget_calendar()
        click.echo(f"{day.date()}: {'day off' if off else 'working day'} ({reason})")

    @app.cli.command("setup")
    def setup():
        """Migrate, load units and make sure a classifier exists."""
        created, updated = prepare_database(current_app)
        click.echo(f"database ready; units: {created} created, {updated} updated")
        ensure_model(current_app.config["ML_MODEL_DIR"])
