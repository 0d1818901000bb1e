"""Taking a backup of a running instance and restoring one into an empty instance.

A backup holds, in this order (the order makes it consistent while the web app and the workers keep writing):

1. the audit anchors (AUDIT_ANCHOR_FILE), read first: every anchor then names a record the snapshot holds;
2. the database, dumped from one snapshot (`triage.backup.dump`);
3. the files, copied after the snapshot: evidence files and official documents (ATTACHMENTS_DIR, documents under its
   `van-ban/`), periodic reports (PERIODIC_REPORTS_DIR), the classifier's `current` pointer and the artifact it
   names (ML_MODEL_DIR). Those files are written before the rows that name them are committed and never changed
   afterwards, so every file the snapshot names is there; a file newer than the snapshot is kept as well, unnamed
   and harmless. A file the snapshot names but that is gone (a periodic report rebuilt meanwhile) is listed in the
   manifest's `missing_files`.

The keys (SECRET_KEY, AUDIT_KEY, PASSPHRASE_KEY) are left out unless asked for; the manifest keeps a fingerprint of
the audit and passphrase keys (a digest that does not reveal them), so a restore can tell whether the instance it
restores into holds the same keys.

The manifest is signed with AUDIT_KEY (`triage.backup.archive`); `verify` and `restore` check the signature with the
key of the instance they run in and refuse a manifest that is not signed, or not by that key, unless told to accept
it (`unsigned_ok`).
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import IO

from core.audit import ChainReport, read_anchors, verify_chain
from core.config import PROJECT_ROOT, app_secret
from core.document_files import DocumentFiles
from core.extensions import db
from core.models.base import utcnow
from intake.attachments import AttachmentStore
from ml.classifier import POINTER_NAME
from triage.backup import dump
from triage.backup.archive import (
    FORMAT,
    FORMAT_VERSION,
    ArchiveWriter,
    Check,
    Hashing,
    check_archive,
    members,
    signature_state,
    table_part,
)
from triage.reporting.periodic import file_path as periodic_file_path

KEYS = ("SECRET_KEY", "AUDIT_KEY", "PASSPHRASE_KEY")
SIGNING_KEY = "AUDIT_KEY"  # signs the manifest, as it signs the audit chain
CHECKED_KEYS = ("AUDIT_KEY", "PASSPHRASE_KEY")  # SECRET_KEY only signs sessions: a new one signs staff out, no more
KEYS_WARNING = (
    "the keys are not in this backup. Keep AUDIT_KEY and PASSPHRASE_KEY (and SECRET_KEY) somewhere else, as safely "
    "as the backups: restored on another machine without PASSPHRASE_KEY, no receipt (tracking code and passphrase) "
    "opens the status page again, and without AUDIT_KEY the audit trail's chain cannot be verified."
)
WITH_KEYS_WARNING = (
    "this backup holds the keys: whoever reads it can forge the audit trail and test passphrases; keep it as "
    "safely as the keys themselves."
)


class RestoreRefused(RuntimeError):
    """A restore that would lose or corrupt data (the message says what and how to go on)."""


# -- what an instance's files are ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Folder:
    """A folder of the instance kept in backups: its name in the archive, its setting, the kind of its parts."""

    prefix: str
    setting: str
    kind: str


FOLDERS = (
    Folder("attachments", "ATTACHMENTS_DIR", "attachment"),
    Folder("periodic", "PERIODIC_REPORTS_DIR", "periodic-report"),
)
ANCHORS = "audit-anchors.jsonl"
MODEL = "model"
KEYS_FOLDER = "keys"


def _skipped(path: Path) -> bool:
    """Files being written (temporary names) are no part of the instance yet."""
    return path.name.startswith(".") or path.suffix in (".part", ".partial", ".tmp")


def _files(root: Path) -> Iterator[tuple[Path, str]]:
    """Each regular file under `root` with its relative POSIX path, in a stable order."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and not any(_skipped(p) for p in path.relative_to(root).parents):
            if not _skipped(path):
                yield path, path.relative_to(root).as_posix()


def _kind(folder: Folder, relative: str) -> str:
    return "document" if folder.prefix == "attachments" and relative.startswith("van-ban/") else folder.kind


def _model_files(model_dir: Path) -> tuple[Path, Path] | None:
    """The `current` pointer and the artifact it names, when a model is published."""
    pointer = model_dir / POINTER_NAME
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    artifact = Path(name) if os.path.isabs(name) else model_dir / name
    return (pointer, artifact) if artifact.is_file() else None


def _existing_key(app, name: str) -> bytes | None:
    """The key the instance uses, as `core.config.app_secret` reads it, without making one when there is none."""
    value = app.config.get(name)
    if value:
        return value.encode()
    path = Path(app.config["INSTANCE_PATH"]) / name.lower()
    return path.read_text().strip().encode() if path.is_file() else None


def fingerprint(key: bytes) -> str:
    """A short digest that tells two keys apart without revealing either."""
    return hashlib.sha256(b"thanhhoa-phan-anh backup key fingerprint\0" + key).hexdigest()[:16]


def software_version() -> str:
    """The package's version and, in a git checkout, the commit."""
    try:
        version = metadata.version("thanhhoa-phan-anh")
    except metadata.PackageNotFoundError:
        version = "unknown"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=5
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{version}+{commit}" if commit else version


# -- the manifest's signature -------------------------------------------------------------------------------------


def signature_problem(app, manifest: dict) -> tuple[str, str | None]:
    """The state of the manifest's signature under the AUDIT_KEY of the instance of `app` (see
    `archive.signature_state`) and, unless 'valid', what that means."""
    key = _existing_key(app, SIGNING_KEY)
    state = signature_state(manifest, key)
    if state == "missing":
        return state, (
            "the manifest is not signed (a backup from before signed manifests, or one whose signature was removed): "
            "nothing shows that its contents are the ones the instance backed up wrote"
        )
    if state == "unchecked":
        return state, (
            f"no {SIGNING_KEY} here, so the manifest's signature cannot be checked: this proves integrity (the parts "
            "match the manifest), not authenticity (that the manifest is the one the instance backed up wrote)"
        )
    if state == "invalid":
        named = manifest.get("key_fingerprints", {}).get(SIGNING_KEY)
        other = " (its manifest names another AUDIT_KEY)" if key is not None and named != fingerprint(key) else ""
        return state, (
            f"the manifest's signature does not match this instance's {SIGNING_KEY}: the archive was changed after "
            f"it was written (a part together with its line of the manifest), or it was signed with another key{other}"
        )
    return state, None


UNSIGNED_WARNING = (
    "SIGNATURE NOT CHECKED (--unsigned-ok): {problem}. Whoever could write to the backup store could have changed "
    "any report, account or file in this archive."
)


def signature_refusal(app, manifest: dict, *, unsigned_ok: bool) -> str | None:
    """None when the manifest is signed with this instance's AUDIT_KEY; else the warning to show when `unsigned_ok`,
    and RestoreRefused when not."""
    state, problem = signature_problem(app, manifest)
    if problem is None:
        return None
    if unsigned_ok:
        return UNSIGNED_WARNING.format(problem=problem)
    if state == "unchecked":
        problem += (
            f"; give this instance the {SIGNING_KEY} of the instance backed up (a key inside the archive proves "
            "nothing: whoever could change the archive could change it too)"
        )
    raise RestoreRefused(f"{problem}\n(--unsigned-ok accepts it anyway, trusting whoever can write to the store)")


# -- taking a backup -----------------------------------------------------------------------------------------------


@dataclass
class Created:
    path: Path
    manifest: dict
    missing: list[str] = field(default_factory=list)


def _referenced_files(config, tables_dir: Path, description: dict) -> set[str]:
    """The archive paths of the files the dumped rows name (evidence, documents and scans, periodic reports)."""
    wanted: set[str] = set()
    store = AttachmentStore("attachments")
    documents = DocumentFiles("attachments")
    periodic = Path(config["PERIODIC_REPORTS_DIR"])

    def rows(table: str):
        columns = description["tables"].get(table, {}).get("columns")
        if not columns:
            return
        with open(tables_dir / f"{table}.jsonl", "rb") as lines:
            for row in dump.read_rows(lines):
                yield dict(zip(columns, row, strict=True))

    for row in rows("attachments"):
        item = SimpleNamespace(storage_key=row["storage_key"])
        wanted.add(store.path(item, clean=False).as_posix())
        if row.get("has_clean_copy"):
            wanted.add(store.path(item, clean=True).as_posix())
    for row in rows("documents"):
        for key in (row.get("storage_key"), row.get("scan_storage_key")):
            if key:
                wanted.add(documents.path(key).as_posix())
    for row in rows("periodic_reports"):
        relative = periodic_file_path(config, row["file_key"]).relative_to(periodic)
        wanted.add(f"periodic/{relative.as_posix()}")
    return wanted


def create_backup(app, path: str | Path, *, with_keys: bool = False) -> Created:
    """Write a backup of the instance of `app` to `path` (tar, .tar.gz or .tar.zst)."""
    config = app.config
    created_at = utcnow()
    with ArchiveWriter(path) as archive, tempfile.TemporaryDirectory(prefix="backup-") as work:
        workdir = Path(work)
        anchors = Path(config["AUDIT_ANCHOR_FILE"])
        anchors_data = anchors.read_bytes() if anchors.is_file() else None
        tables_dir = workdir / "tables"
        tables_dir.mkdir()
        with dump.snapshot(config["SQLALCHEMY_DATABASE_URI"], workdir) as conn:
            description = dump.dump_database(conn, tables_dir)
        for table in description["tables"]:
            archive.add_file(table_part(table), tables_dir / f"{table}.jsonl", "database")
        if anchors_data is not None:
            archive.add_bytes(ANCHORS, anchors_data, "audit-anchors")
        for folder in FOLDERS:
            for source, relative in _files(Path(config[folder.setting])):
                try:
                    archive.add_file(f"{folder.prefix}/{relative}", source, _kind(folder, relative))
                except FileNotFoundError:  # removed since listed: a refused form's photo, a replaced periodic report
                    continue
        model = _model_files(Path(config["ML_MODEL_DIR"]))
        if model is not None:
            pointer, artifact = model
            archive.add_file(f"{MODEL}/{artifact.name}", artifact, "model")
            archive.add_bytes(f"{MODEL}/{POINTER_NAME}", (artifact.name + "\n").encode(), "model-pointer")
        app_secret(app, SIGNING_KEY)  # made now if the instance has none yet, as its first audit record would
        keys = {name: _existing_key(app, name) for name in KEYS}
        if with_keys:
            for name, key in keys.items():
                if key is not None:
                    archive.add_bytes(f"{KEYS_FOLDER}/{name.lower()}", key, "key")
        stored = {part["path"] for part in archive.parts}
        missing = sorted(_referenced_files(config, tables_dir, description) - stored)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": created_at.isoformat(),
            "software_version": software_version(),
            "alembic_revision": description["revision"],
            "database": description,
            "model": artifact.name if model is not None else None,
            "keys_included": with_keys,
            "key_fingerprints": {name: fingerprint(keys[name]) for name in CHECKED_KEYS if keys[name] is not None},
            "missing_files": missing,
        }
        written = archive.finish(manifest, key=keys[SIGNING_KEY])
    return Created(written, {**manifest, "parts": archive.parts}, missing)


# -- restoring one -------------------------------------------------------------------------------------------------


@dataclass
class Restored:
    manifest: dict
    rows: dict[str, int]
    files: int
    keys_written: list[str]
    chain: ChainReport
    warnings: list[str] = field(default_factory=list)
    unsigned: str | None = None  # the warning of a manifest accepted without a valid signature


def _target(config, name: str) -> Path | None:
    """Where the part `name` goes in the instance of `config` (None: a database part or the manifest)."""
    head, _, rest = name.partition("/")
    for folder in FOLDERS:
        if head == folder.prefix and rest:
            return Path(config[folder.setting]) / PurePosixPath(rest)
    if head == MODEL and rest and "/" not in rest:
        return Path(config["ML_MODEL_DIR"]) / rest
    if name == ANCHORS:
        return Path(config["AUDIT_ANCHOR_FILE"])
    if head == KEYS_FOLDER and rest.upper() in KEYS:
        return Path(config["INSTANCE_PATH"]) / rest
    return None


def _write(target: Path, stream: IO[bytes], part: dict, mode: int = 0o644) -> None:
    """Write a part to a temporary name beside `target`, check it against the manifest, then rename it in place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".restore-")
    try:
        reader = Hashing(stream)
        with os.fdopen(fd, "wb") as out:
            while chunk := reader.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if (reader.size, reader.digest.hexdigest()) != (part["size"], part["sha256"]):
            raise RestoreRefused(f"{part['path']} changed since the archive was checked")
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _key_conflicts(app, manifest: dict, keys_in_archive: set[str]) -> list[str]:
    """What is wrong with the keys the instance would run with after the restore."""
    problems = []
    fingerprints = manifest.get("key_fingerprints", {})
    for name in CHECKED_KEYS:
        have = _existing_key(app, name)
        if name in keys_in_archive:
            if have is not None and fingerprint(have) != fingerprints.get(name):
                problems.append(f"{name}: this instance already has another key than the backup's")
        elif name in fingerprints:
            if have is None:
                problems.append(f"{name}: this instance has none; give it the key of the instance backed up")
            elif fingerprint(have) != fingerprints[name]:
                problems.append(f"{name}: this instance's key is not the one of the instance backed up")
    return problems


def _instance_in_use(app) -> list[str]:
    used = [
        f"the database holds {n} row(s) of {table}"
        for table, n in dump.in_use(app.config["SQLALCHEMY_DATABASE_URI"]).items()
        if n
    ]
    for folder in FOLDERS:
        root = Path(app.config[folder.setting])
        if next(_files(root), None) is not None:
            used.append(f"{root} holds files")
    return used


@contextmanager
def _staged_tables(path: Path, manifest: dict, workdir: Path) -> Iterator[Callable]:
    """The tables' parts written to `workdir` (the database loads them in its own order), and their opener."""
    listed = {part["path"]: part for part in manifest["parts"]}
    for info, stream in members(path):
        part = listed.get(info.name)
        if stream is not None and part is not None and part["kind"] == "database":
            _write(workdir / PurePosixPath(info.name).name, stream, part)

    def opener(table: str):
        return open(workdir / f"{table}.jsonl", "rb")

    yield opener


def restore_backup(
    app, path: str | Path, *, force: bool = False, check: Check | None = None, unsigned_ok: bool = False
) -> Restored:
    """Restore the backup at `path` into the instance of `app`: its database (schema built at the backup's revision,
    rows loaded, migrated to the head), its files, and its keys when the archive has them. Refused when the archive
    does not match its manifest or its manifest is not signed with this instance's AUDIT_KEY (unless `unsigned_ok`),
    when the instance is in use (reports or an audit trail in the database, evidence files) and when the instance's
    keys are not the backup's, unless `force`."""
    path = Path(path)
    check = check or check_archive(path)
    if not check.ok:
        raise RestoreRefused("the archive does not match its manifest:\n" + "\n".join(check.problems))
    manifest = check.manifest or {}
    unsigned = signature_refusal(app, manifest, unsigned_ok=unsigned_ok)
    parts = manifest["parts"]
    keys_in_archive = {Path(p["path"]).name.upper() for p in parts if p["kind"] == "key"}
    if not dump.known_revision(manifest["alembic_revision"]):
        raise RestoreRefused(
            f"the backup's database is at revision {manifest['alembic_revision']}, which this software does not know: "
            f"restore it with the release that made it ({manifest.get('software_version')}) or a newer one"
        )
    warnings = []
    for problems, what in (
        (_instance_in_use(app), "this instance is not empty"),
        (_key_conflicts(app, manifest, keys_in_archive), "the keys do not match"),
    ):
        if problems and not force:
            raise RestoreRefused(f"{what}:\n" + "\n".join(problems) + "\n(--force restores anyway)")
        warnings += problems
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    dump.clear_database(url)
    with tempfile.TemporaryDirectory(prefix="restore-") as work, _staged_tables(path, manifest, Path(work)) as opener:
        rows = dump.load_database(url, manifest["database"], opener)
    listed = {part["path"]: part for part in parts}
    files, keys_written, pointer = 0, [], None
    for info, stream in members(path):
        part = listed.get(info.name)
        if stream is None or part is None or part["kind"] == "database":
            continue
        target = _target(app.config, info.name)
        if target is None:
            continue
        if part["kind"] == "model-pointer":
            pointer = (target, stream.read(), part)
            continue
        if part["kind"] == "key":
            if Path(info.name).name.upper() in app.config and app.config.get(Path(info.name).name.upper()):
                warnings.append(f"{Path(info.name).name.upper()} is set in the environment: it wins over {target}")
            _write(target, stream, part, mode=0o600)
            keys_written.append(Path(info.name).name.upper())
            continue
        _write(target, stream, part)
        files += 1
    if pointer is not None:  # last, so that the pointer never names an artifact not yet written
        target, data, part = pointer
        _write(target, io.BytesIO(data), part)
    if ANCHORS not in listed:  # anchors of the database just replaced would name records it no longer has
        Path(app.config["AUDIT_ANCHOR_FILE"]).unlink(missing_ok=True)
    for name in keys_written:
        app.extensions.pop(name, None)  # read again from the file just written
    with app.app_context():
        chain = verify_chain(db.session, read_anchors(app.config["AUDIT_ANCHOR_FILE"]))
        db.session.remove()
    return Restored(manifest, rows, files, sorted(keys_written), chain, warnings, unsigned)
