"""Evidence files: accepted by content (magic bytes), images re-encoded without metadata, originals kept.

Files live under ATTACHMENTS_DIR (outside any static folder) named by a random key; the name the
citizen's device gave is only displayed, never used as a path.
"""

import hashlib
import io
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from core.models import Attachment
from core.vocabulary import AttachmentKind

# What phones produce: photos, PDF scans, short videos and voice recordings.
SIGNATURES: list[tuple[AttachmentKind, str, callable]] = [
    (AttachmentKind.IMAGE, "image/jpeg", lambda b: b[:3] == b"\xff\xd8\xff"),
    (AttachmentKind.IMAGE, "image/png", lambda b: b[:8] == b"\x89PNG\r\n\x1a\n"),
    (AttachmentKind.IMAGE, "image/webp", lambda b: b[:4] == b"RIFF" and b[8:12] == b"WEBP"),
    (AttachmentKind.IMAGE, "image/gif", lambda b: b[:6] in (b"GIF87a", b"GIF89a")),
    (AttachmentKind.PDF, "application/pdf", lambda b: b[:5] == b"%PDF-"),
    (AttachmentKind.AUDIO, "audio/mp4", lambda b: b[4:8] == b"ftyp" and b[8:11] in (b"M4A", b"M4B")),
    (AttachmentKind.VIDEO, "video/mp4", lambda b: b[4:8] == b"ftyp"),
    (AttachmentKind.VIDEO, "video/webm", lambda b: b[:4] == b"\x1a\x45\xdf\xa3"),
    (AttachmentKind.AUDIO, "audio/mpeg", lambda b: b[:3] == b"ID3" or _mpeg_frame(b)),
    (AttachmentKind.AUDIO, "audio/wav", lambda b: b[:4] == b"RIFF" and b[8:12] == b"WAVE"),
    (AttachmentKind.AUDIO, "audio/ogg", lambda b: b[:4] == b"OggS"),
    (AttachmentKind.AUDIO, "audio/amr", lambda b: b[:6] == b"#!AMR\n"),
]
# The name a file is downloaded under ends as its content is, whatever the sender called it.
EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "application/pdf": ".pdf",
    "audio/mp4": ".m4a",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "audio/mpeg": ".mp3",
    "audio/wav": ".wav",
    "audio/ogg": ".ogg",
    "audio/amr": ".amr",
}
# Markup that a browser would render: never inside a recording or a video that a phone made.
MARKUP = re.compile(rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|a\s)", re.IGNORECASE)
CLEAN_FORMAT = {
    "image/jpeg": ("JPEG", "image/jpeg"),
    "image/png": ("PNG", "image/png"),
    "image/webp": ("PNG", "image/png"),
    "image/gif": ("PNG", "image/png"),
}
MAX_PIXELS = 50_000_000  # a 50-megapixel photo is plenty; beyond that it is a decompression bomb


class Refused(ValueError):
    """A file that is not accepted; the message is for the citizen, in Vietnamese."""


@dataclass(frozen=True)
class Limits:
    max_files: int = 5
    max_file_bytes: int = 10 * 1024 * 1024
    max_total_bytes: int = 25 * 1024 * 1024


@dataclass(frozen=True)
class Outcome:
    accepted: list[Attachment]
    refused: list[tuple[str, str]]  # (display name, Vietnamese reason)


def _mpeg_frame(b: bytes) -> bool:
    """An MPEG audio frame header: the sync bits, then a version, layer, bitrate and sampling rate that exist."""
    if len(b) < 4 or b[0] != 0xFF or (b[1] & 0xE0) != 0xE0:
        return False
    version, layer = (b[1] >> 3) & 0b11, (b[1] >> 1) & 0b11
    bitrate, rate = b[2] >> 4, (b[2] >> 2) & 0b11
    return version != 0b01 and layer != 0b00 and bitrate not in (0b0000, 0b1111) and rate != 0b11


def named_for(name: str, content_type: str) -> str:
    """The display name with the extension of what the file is ("thu.html" holding an MP3: "thu.mp3")."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem or 'tep'}{EXTENSIONS.get(content_type, '')}"


def sniff(head: bytes) -> tuple[str, str] | None:
    if len(head) < 12:
        return None
    for kind, content_type, test in SIGNATURES:
        if test(head):
            return kind, content_type
    return None


def display_name(filename: str | None) -> str:
    name = unicodedata.normalize("NFC", Path(filename or "tep").name)
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "tep"
    return name[:120]


def clean_image(data: bytes, content_type: str) -> tuple[bytes, str]:
    """Re-encode an image: the pixels only, no EXIF/GPS or other metadata. Raises Refused on bombs."""
    fmt, clean_type = CLEAN_FORMAT[content_type]
    with Image.open(io.BytesIO(data)) as image:
        if image.width * image.height > MAX_PIXELS:
            raise Refused("ảnh có kích thước điểm ảnh quá lớn bất thường")
        image.load()
        upright = ImageOps.exif_transpose(image)  # keep what the viewer saw, then drop the EXIF
        if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())  # nothing but the pixels
        if upright.mode == "P" and upright.getpalette():
            pixels.putpalette(upright.getpalette())
        out = io.BytesIO()
        pixels.save(out, format=fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    return out.getvalue(), clean_type


class AttachmentStore:
    def __init__(self, directory: str | Path, limits: Limits = Limits()):
        self.directory, self.limits = Path(directory), limits

    def path(self, attachment: Attachment, clean: bool) -> Path:
        key = attachment.storage_key
        return self.directory / key[:2] / f"{key}.{'clean' if clean else 'orig'}"

    def accept(self, files, *, already: int = 0) -> Outcome:
        """Check each uploaded file (werkzeug FileStorage); store those accepted. `already` counts earlier ones."""
        accepted, refused, total = [], [], 0
        for storage in files:
            if storage is None or not storage.filename:
                continue
            name = display_name(storage.filename)
            try:
                if already + len(accepted) >= self.limits.max_files:
                    raise Refused(f"mỗi đơn gửi tối đa {self.limits.max_files} tệp")
                data = storage.stream.read(self.limits.max_file_bytes + 1)
                if len(data) > self.limits.max_file_bytes:
                    raise Refused(f"tệp lớn hơn {self.limits.max_file_bytes // (1024 * 1024)} MB")
                if total + len(data) > self.limits.max_total_bytes:
                    raise Refused(f"tổng dung lượng các tệp vượt {self.limits.max_total_bytes // (1024 * 1024)} MB")
                if not data:
                    raise Refused("tệp rỗng")
                accepted.append(self._store(name, data))
                total += len(data)
            except Refused as exc:
                refused.append((name, str(exc)))
        return Outcome(accepted, refused)

    def _store(self, name: str, data: bytes) -> Attachment:
        detected = sniff(data[:64])
        if detected is None:
            raise Refused("chỉ nhận ảnh, tệp PDF, video hoặc ghi âm; nội dung tệp này không phải loại được nhận")
        kind, content_type = detected
        if kind in (AttachmentKind.AUDIO, AttachmentKind.VIDEO) and MARKUP.search(data[:4096]):
            raise Refused("nội dung tệp không phải ghi âm hay video thật")
        name = named_for(name, content_type)
        clean, clean_type = None, None
        if kind == AttachmentKind.IMAGE:
            try:
                clean, clean_type = clean_image(data, content_type)
            except Refused:
                raise
            except (Image.DecompressionBombError, OSError, ValueError, SyntaxError) as exc:
                raise Refused("ảnh bị hỏng hoặc không đọc được") from exc
        attachment = Attachment(
            kind=kind,
            content_type=content_type,
            display_name=name,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            storage_key=secrets.token_hex(20),
            has_clean_copy=clean is not None,
            clean_content_type=clean_type,
        )
        target = self.path(attachment, clean=False)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if clean is not None:
            self.path(attachment, clean=True).write_bytes(clean)
        return attachment


def store_for(config) -> AttachmentStore:
    """The store of the application's evidence files with its configured limits (ATTACHMENT_MAX_*)."""
    mb = 1024 * 1024
    return AttachmentStore(
        config["ATTACHMENTS_DIR"],
        Limits(
            config["ATTACHMENT_MAX_FILES"],
            config["ATTACHMENT_MAX_FILE_MB"] * mb,
            config["ATTACHMENT_MAX_TOTAL_MB"] * mb,
        ),
    )
