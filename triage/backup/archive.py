"""The backup archive: a tar file, compressed by its name's ending (`.tar`, `.tar.gz`/`.tgz`, `.tar.zst`/`.tzst`),
whose last member `manifest.json` lists every other member (a "part") with its kind, size and SHA-256.

Parts are streamed into the archive while their digest is computed, so a large file is read once and never held in
memory; the archive is written under a temporary name beside its destination and renamed into place when complete,
so a half-written backup never carries the final name. Reading is streamed too (compression detected from the
content): `check_archive` reads every part once, recomputes each digest, reads every database part as JSON, and
holds all of it against the manifest.

The manifest is signed: an HMAC-SHA-256, under a key kept outside the archive (the instance's AUDIT_KEY), of its
canonical bytes (`canonical_manifest`: everything but the `signature` field). The digests prove the parts are the
ones the manifest lists; the signature proves the manifest is one the key's holder wrote, so that whoever can only
write to the backup store cannot change a part and its line of the manifest together.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

import zstandard

MANIFEST = "manifest.json"
FORMAT = "thanhhoa-phan-anh-backup"
FORMAT_VERSION = 1
SIGNATURE = "signature"  # the manifest's field that signs the rest of it
SIGNED_WITH = "HMAC-SHA256"
_SIGNING_DOMAIN = b"thanhhoa-phan-anh backup manifest\0"  # keeps these MACs apart from the audit chain's
DATABASE = "database"  # the folder of the tables' parts, `database/<table>.jsonl`
CHUNK = 1 << 20
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_ENDINGS = {".tar": "", ".tar.gz": "gz", ".tgz": "gz", ".tar.zst": "zst", ".tzst": "zst"}


class ArchiveError(ValueError):
    """A destination the archive cannot be written to (the message says why)."""


def compression_of(path: str | Path) -> str:
    """'' (plain tar), 'gz' or 'zst', from the file name's ending."""
    name = Path(path).name.lower()
    for ending, compression in _ENDINGS.items():
        if name.endswith(ending):
            return compression
    raise ArchiveError(f"{Path(path).name}: the name must end in {', '.join(_ENDINGS)}")


def table_part(table: str) -> str:
    return f"{DATABASE}/{table}.jsonl"


def canonical_manifest(manifest: dict) -> bytes:
    """The bytes the signature covers: the manifest without its signature, as sorted compact JSON."""
    unsigned = {name: value for name, value in manifest.items() if name != SIGNATURE}
    return json.dumps(unsigned, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def manifest_mac(manifest: dict, key: bytes) -> str:
    return hmac.new(key, _SIGNING_DOMAIN + canonical_manifest(manifest), hashlib.sha256).hexdigest()


def signature_state(manifest: dict, key: bytes | None) -> str:
    """'missing' (no signature), 'unchecked' (no key to check it), 'valid' or 'invalid' (another key, or a manifest
    changed since it was signed)."""
    signature = manifest.get(SIGNATURE)
    if signature is None:
        return "missing"
    if key is None:
        return "unchecked"
    if not isinstance(signature, dict) or signature.get("algorithm") != SIGNED_WITH:
        return "invalid"
    value = signature.get("value")
    if not isinstance(value, str) or not hmac.compare_digest(value, manifest_mac(manifest, key)):
        return "invalid"
    return "valid"


class Hashing(io.RawIOBase):
    """Reads a file through, counting and hashing what passes."""

    def __init__(self, source: IO[bytes]):
        self.source, self.digest, self.size = source, hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        data = self.source.read(n)
        self.digest.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """Write parts, then `finish(manifest)`; used as a context manager, an unfinished archive is removed."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        compression = compression_of(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".partial")
        self.temporary = Path(temporary)
        self.raw = os.fdopen(fd, "wb")
        self.zstd = None
        if compression == "zst":
            self.zstd = zstandard.ZstdCompressor(level=10).stream_writer(self.raw, closefd=False)
            self.tar = tarfile.open(fileobj=self.zstd, mode="w|", format=tarfile.PAX_FORMAT)
        else:
            self.tar = tarfile.open(fileobj=self.raw, mode=f"w|{compression}", format=tarfile.PAX_FORMAT)
        self.parts: list[dict] = []
        self.finished = False

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, *exc) -> None:
        if not self.finished:
            self.abort()

    def _info(self, name: str, size: int, mtime: float) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(mtime), 0o600
        return info

    def add_file(self, name: str, source: Path, kind: str) -> dict:
        """Add the file `source` as the part `name`. Files of an instance are written once and renamed into place,
        so their size is known before they are read."""
        with open(source, "rb") as f:
            stat = os.fstat(f.fileno())
            reader = Hashing(f)
            self.tar.addfile(self._info(name, stat.st_size, stat.st_mtime), reader)
        return self._record(name, kind, reader.size, reader.digest.hexdigest())

    def add_bytes(self, name: str, data: bytes, kind: str) -> dict:
        self.tar.addfile(self._info(name, len(data), time.time()), io.BytesIO(data))
        return self._record(name, kind, len(data), hashlib.sha256(data).hexdigest())

    def _record(self, name: str, kind: str, size: int, sha256: str) -> dict:
        part = {"path": name, "kind": kind, "size": size, "sha256": sha256}
        self.parts.append(part)
        return part

    def finish(self, manifest: dict, key: bytes | None = None) -> Path:
        """Write the manifest (with the list of parts, signed with `key` when given) last, close, flush to disk and
        give the archive its name."""
        manifest = {**manifest, "parts": self.parts}
        if key is not None:
            manifest[SIGNATURE] = {"algorithm": SIGNED_WITH, "key": "AUDIT_KEY", "value": manifest_mac(manifest, key)}
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        self.tar.addfile(self._info(MANIFEST, len(data), time.time()), io.BytesIO(data))
        self.tar.close()
        if self.zstd is not None:
            self.zstd.close()
        self.raw.flush()
        os.fsync(self.raw.fileno())
        self.raw.close()
        os.replace(self.temporary, self.path)
        self.finished = True
        return self.path

    def abort(self) -> None:
        for closing in (self.tar, self.zstd, self.raw):
            try:
                if closing is not None:
                    closing.close()
            except (OSError, ValueError, tarfile.TarError, zstandard.ZstdError):
                pass
        self.temporary.unlink(missing_ok=True)


def safe_name(name: str) -> bool:
    """A member name that stays inside whatever folder it is restored to."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name and "\0" not in name


@contextmanager
def _opened(path: str | Path) -> Iterator[tarfile.TarFile]:
    with open(path, "rb") as raw:
        head = raw.read(4)
        raw.seek(0)
        if head == _ZSTD_MAGIC:
            with (
                zstandard.ZstdDecompressor().stream_reader(raw) as stream,
                tarfile.open(fileobj=stream, mode="r|") as tar,
            ):
                yield tar
        else:
            with tarfile.open(fileobj=raw, mode="r|*") as tar:
                yield tar


UNREADABLE = (tarfile.TarError, EOFError, zlib.error, zstandard.ZstdError, OSError)


def members(path: str | Path) -> Iterator[tuple[tarfile.TarInfo, IO[bytes] | None]]:
    """Each member in the archive's order with a stream of its bytes (None for anything but a regular file); the
    stream is only good until the next member."""
    with _opened(path) as tar:
        for info in tar:
            yield info, (tar.extractfile(info) if info.isfile() else None)


@dataclass
class Check:
    """What `check_archive` found: the manifest, the parts checked and every problem (none: the archive is whole)."""

    manifest: dict | None = None
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not self.problems


def _digest_rows(stream: IO[bytes]) -> tuple[int, str, int]:
    """Size, SHA-256 and row count of a table's part, every line read as JSON (ValueError when one is not)."""
    digest, size, rows = hashlib.sha256(), 0, 0
    for line in stream:
        digest.update(line)
        size += len(line)
        if line.strip():
            if not isinstance(json.loads(line), list):
                raise ValueError(f"line {rows + 1} is not a row")
            rows += 1
    return size, digest.hexdigest(), rows


def _digest(stream: IO[bytes]) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def check_archive(path: str | Path) -> Check:
    """Read the whole archive: every part against the manifest (present, same size, same SHA-256, nothing more),
    every table's part as JSON rows (as many as the manifest says), the manifest's format."""
    check = Check()
    found: dict[str, tuple[int, str]] = {}
    rows: dict[str, int] = {}
    try:
        for info, stream in members(path):
            if not safe_name(info.name):
                check.problems.append(f"{info.name!r}: a name that leaves the restore folder")
                continue
            if stream is None:
                if not info.isdir():
                    check.problems.append(f"{info.name}: not a regular file")
                continue
            if info.name == MANIFEST:
                try:
                    check.manifest = json.loads(stream.read())
                except ValueError:
                    check.problems.append(f"{MANIFEST}: not JSON")
                continue
            if info.name.startswith(f"{DATABASE}/") and info.name.endswith(".jsonl"):
                try:
                    size, sha, count = _digest_rows(stream)
                except ValueError as exc:
                    check.problems.append(f"{info.name}: unreadable rows ({exc})")
                    continue
                rows[info.name] = count
            else:
                size, sha = _digest(stream)
            found[info.name] = (size, sha)
    except UNREADABLE as exc:
        check.problems.append(f"the archive is unreadable: {type(exc).__name__}: {exc}")
    if check.manifest is None:
        if not any(p.startswith(MANIFEST) for p in check.problems):
            check.problems.append(f"no {MANIFEST}: not a backup, or cut short")
        return check
    _against_manifest(check, found, rows)
    return check


def _against_manifest(check: Check, found: dict[str, tuple[int, str]], rows: dict[str, int]) -> None:
    manifest = check.manifest or {}
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        check.problems.append(f"{MANIFEST}: not a backup of this software (format {manifest.get('format')!r})")
        return
    listed = {part["path"]: part for part in manifest.get("parts", [])}
    for name, part in listed.items():
        if name not in found:
            check.problems.append(f"{name}: missing from the archive")
            continue
        size, sha = found[name]
        if size != part["size"]:
            check.problems.append(f"{name}: {size} bytes, the manifest says {part['size']}")
        elif sha != part["sha256"]:
            check.problems.append(f"{name}: its SHA-256 differs from the manifest's")
        check.checked += 1
    for name in sorted(set(found) - set(listed)):
        check.problems.append(f"{name}: in the archive but not in the manifest")
    for table, described in manifest.get("database", {}).get("tables", {}).items():
        name = table_part(table)
        if name not in listed:
            check.problems.append(f"{name}: the database's table {table} has no part")
        elif name in rows and rows[name] != described["rows"]:
            check.problems.append(f"{name}: {rows[name]} rows, the manifest says {described['rows']}")
