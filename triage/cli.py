"""Administrative commands: `flask --app wsgi <group> <command>`."""
import subprocess
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy import select

from intake.database import upgrade_database
from intake.extensions import db
from intake.models import Role, Unit, User
from intake.units import load_units
from triage.auth import hash_password
from triage.jobs import reconcile_unrouted


def prepare_database(app: Flask) -> tuple[int, int]:
    """Migrate to the latest schema and load the directory of units (both idempotent)."""
    upgrade_database(app.config["SQLALCHEMY_DATABASE_URI"])
    with app.app_context():
        counts = load_units(db.session)
        db.session.commit()
    return counts


def model_exists(model_dir: str) -> bool:
    return (Path(model_dir) / "current").exists()


def ensure_model(model_dir: str) -> bool:
    """Train a classifier from the project's corpus when none is there yet; True if one was trained."""
    if model_exists(model_dir):
        return False
    click.echo(f"No classifier in {model_dir} yet: training one from ml/data (a few minutes, once).", err=True)
    subprocess.run([sys.executable, "-m", "ml", "train", "--out", model_dir], check=True)
    return True


def register(app: Flask) -> None:
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

    @users_group.command("create")
    @click.argument("username")
    @click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.INSPECTOR.value)
    @click.option("--unit", "unit_code", help="unit code: a ward code (16522) or an agency code (so-y-te)")
    @click.option("--name", "full_name", default="")
    @click.password_option()
    def users_create(username, role, unit_code, full_name, password):
        """Create a staff account (an inspector needs --unit)."""
        unit = None
        if unit_code:
            unit = db.session.scalar(select(Unit).where(Unit.code == unit_code))
            if unit is None:
                raise click.BadParameter(f"no unit with code {unit_code!r} (run `units load` first?)", param_hint="--unit")
        if role == Role.INSPECTOR and unit is None:
            raise click.BadParameter("an inspector belongs to one unit", param_hint="--unit")
        if db.session.scalar(select(User).where(User.username == username)):
            raise click.ClickException(f"user {username!r} already exists")
        db.session.add(User(username=username, full_name=full_name, role=role, unit=unit, password_hash=hash_password(password)))
        db.session.commit()
        click.echo(f"created {role} {username}" + (f" of {unit.name}" if unit else ""))

    @app.cli.group("routing")
    def routing_group():
        """Routing jobs."""

    @routing_group.command("reconcile")
    def routing_reconcile():
        """Enqueue every report still waiting to be routed."""
        click.echo(f"{reconcile_unrouted()} report(s) enqueued")

    @app.cli.command("setup")
    def setup():
        """Migrate, load units and make sure a classifier exists."""
        created, updated = prepare_database(current_app)
        click.echo(f"database ready; units: {created} created, {updated} updated")
        ensure_model(current_app.config["ML_MODEL_DIR"])
