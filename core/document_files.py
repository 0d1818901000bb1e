"""The files of official documents: the generated PDFs and the signed scans uploaded for them.

They live under ATTACHMENTS_DIR/van-ban/ (outside any static folder), each named by a random storage key and
spread over subfolders by the key's first two characters. A file is written to a temporary name in its folder
and renamed into place, so a reader never sees half a document. Files are never overwritten or deleted here: a
new scan of a document gets a new key. The kernel owns this so that both the staff side (which issues the
documents) and the public status page (which serves a reporter the documents addressed to them) can read them.
"""

import hashlib
import os
import re
import secrets
import tempfile
from pathlib import Path

SUBDIRECTORY = "van-ban"
_KEY = re.compile(r"^[0-9a-f]{40}$")


class DocumentFiles:
    """Official documents' files under `<root>/van-ban/`, where `root` is ATTACHMENTS_DIR."""

    def __init__(self, root: str | Path):
        self.directory = Path(root) / SUBDIRECTORY

    def path(self, storage_key: str) -> Path:
        """Where the file of `storage_key` is (ValueError for anything but a key `save` made)."""
        if not _KEY.fullmatch(storage_key or ""):
            raise ValueError("not a document storage key")
        return self.directory / storage_key[:2] / storage_key

    def save(self, data: bytes) -> tuple[str, str, int]:
        """Store `data` under a new random key; returns (storage_key, sha256 hex, size in bytes)."""
        key = secrets.token_hex(20)
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return key, hashlib.sha256(data).hexdigest(), len(data)

    def read(self, storage_key: str) -> bytes:
        """The bytes stored under `storage_key` (FileNotFoundError when there are none)."""
        return self.path(storage_key).read_bytes()


def download_name(reference: str, year: int, suffix: str = ".pdf") -> str:
    """ "12-TB-UBND-2026.pdf": a document's reference and year, safe as a file name."""
    return f"{reference.replace('/', '-').replace(' ', '')}-{year}{suffix}"
