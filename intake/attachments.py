"""Evidence files: accepted by content (magic bytes), cleaned of metadata off the request path, originals kept.

Files live under ATTACHMENTS_DIR (outside any static folder) named by a random key; the name the
citizen's device gave is only displayed, never used as a path.

The web request only reads what is cheap to read: the type from the first bytes, the sizes, an image's declared
dimensions from its header, and whether a recording, video or PDF parses as one (mutagen, pikepdf read the structure,
not the content). Decoding and re-encoding images and rewriting media and PDFs without their metadata is
`AttachmentStore.clean`, run by the job triage.casework.evidence_jobs.clean_attachment after the report is committed;
until it has run the attachment has no clean copy and only the handling unit may download the original.
"""

import hashlib
import io
import logging
import re
import secrets
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import mutagen
import pikepdf
from mutagen.apev2 import delete as delete_ape
from mutagen.mp4 import MP4
from PIL import Image, ImageOps
from redis import Redis
from redis.exceptions import RedisError

from core.models import Attachment
from core.queueing import RETRY, enqueue
from core.vocabulary import AttachmentKind, CleanState

log = logging.getLogger(__name__)
CLEAN_JOB = "triage.casework.evidence_jobs.clean_attachment"

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
MAX_PIXELS = 16_000_000  # a phone photo is at most ~12-16 megapixels; beyond that it is a bomb or not a photo
# Boxes of an MP4 that carry what the device knew (place `©xyz`, owner, title, Apple keys, XMP in a `uuid` box):
# their bytes are overwritten with a `free` box of the same length, so every chunk offset stays right.
MP4_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf"}
MP4_METADATA = {b"udta", b"meta", b"uuid", b"XMP_"}
# At the top of the file only what a player needs is kept (the movie, its media, fragments and their indexes):
# any other box, a maker's own or one added later, is overwritten the same way.
MP4_TOP_KEPT = {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"moof", b"mfra", b"sidx", b"styp", b"ssix"}
# Who wrote an annotation, and when: a PDF comment's /T is its author's user name (a form field's is its name).
PDF_ANNOTATION_AUTHORSHIP = ("/T", "/M", "/CreationDate", "/NM")
WAV_KEPT = {b"fmt ", b"fact", b"data"}  # a WAV's sound; LIST/INFO, id3, bext and the like are dropped
# Matroska/WebM elements inside the Segment that carry metadata: Tags, Attachments (cover art), and the Info's title.
EBML_SEGMENT, EBML_INFO, EBML_VOID = 0x18538067, 0x1549A966, 0xEC
EBML_METADATA = {0x1254C367, 0x1941A469}
EBML_INFO_METADATA = {0x7BA9}  # Title


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


def _pixels_refused() -> Refused:
    return Refused(
        f"ảnh có kích thước điểm ảnh quá lớn bất thường (tối đa {MAX_PIXELS // 1_000_000} megapixel, như ảnh chụp"
        " bằng điện thoại)"
    )


def check_image(data: bytes) -> None:
    """The declared dimensions, from the header only (`Image.open` decodes nothing): a bomb is refused before any
    pixel is decoded."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Image.DecompressionBombError as exc:
        raise _pixels_refused() from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise Refused("ảnh bị hỏng hoặc không đọc được") from exc
    if width * height > MAX_PIXELS:
        raise _pixels_refused()


def clean_image(data: bytes, content_type: str) -> tuple[bytes, str]:
    """Re-encode an image: the pixels only, no EXIF/GPS or other metadata. Raises Refused on bombs."""
    fmt, clean_type = CLEAN_FORMAT[content_type]
    with Image.open(io.BytesIO(data)) as image:
        if image.width * image.height > MAX_PIXELS:
            raise _pixels_refused()
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


def clean_pdf(data: bytes) -> bytes:
    """The PDF without its document information (/Author, /Producer...), its XMP stream, the XMP and PieceInfo of
    every page and object, the author and dates of every comment, and the earlier revisions an incremental save
    leaves behind (only what is reachable is written)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                for key in ("/Metadata", "/PieceInfo"):
                    if key in obj:
                        del obj[key]
                if obj.get("/Type") == "/Annot" or ("/Subtype" in obj and "/Rect" in obj):  # an annotation
                    if obj.get("/Subtype") != "/Widget":
                        for key in PDF_ANNOTATION_AUTHORSHIP:
                            if key in obj:
                                del obj[key]
        out = io.BytesIO()
        pdf.save(out, encryption=False, fix_metadata_version=False)
    return out.getvalue()


def _boxes(data: bytes | bytearray, start: int, end: int):
    """The boxes of an ISO media file between two offsets: (offset, header length, size, type)."""
    at = start
    while at + 8 <= end:
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        header = 8
        if size == 1:
            (size,) = struct.unpack(">Q", data[at + 8 : at + 16])
            header = 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            raise ValueError("box outside its parent")
        yield at, header, size, kind
        at += size


def _blank_mp4(data: bytearray, start: int, end: int, *, top: bool = False) -> None:
    for at, header, size, kind in _boxes(data, start, end):
        if kind in MP4_CONTAINERS:
            _blank_mp4(data, at + header, at + size)
        elif kind in MP4_METADATA or (top and kind not in MP4_TOP_KEPT):
            head = struct.pack(">I4s", size, b"free") if header == 8 else struct.pack(">I4sQ", 1, b"free", size)
            data[at : at + size] = head + bytes(size - header)


def clean_mp4(data: bytes) -> bytes:
    """An MP4/M4A whose metadata boxes (udta with `©xyz`, meta/ilst, uuid/XMP), at the top and in the movie and its
    tracks, and every top-level box a player does not need, are overwritten with zeros in a `free` box of the same
    size: the media and its offsets are untouched."""
    cleaned = bytearray(data)
    _blank_mp4(cleaned, 0, len(cleaned), top=True)
    cleaned = bytes(cleaned)
    if MP4(io.BytesIO(cleaned)).tags:
        raise ValueError("tags left")
    return cleaned


def _mutagen_delete(data: bytes) -> bytes:
    """MP3 (ID3v1, ID3v2 and APEv2 tags) or Ogg (Vorbis/Opus comments): the tags removed by mutagen."""
    buffer = io.BytesIO(data)
    audio = mutagen.File(buffer)
    if audio is None:
        raise ValueError("not a recording mutagen reads")
    buffer.seek(0)
    audio.delete(buffer)
    buffer.seek(0)
    delete_ape(buffer)
    cleaned = buffer.getvalue()
    if mutagen.File(io.BytesIO(cleaned)).tags:  # the copy still reads as its type, without tags
        raise ValueError("tags left")
    return cleaned


def clean_wav(data: bytes) -> bytes:
    """A WAV of its format, fact and data chunks only: LIST/INFO, id3, bext and the like are left out."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a RIFF WAVE")
    kept, at = [], 12
    while at + 8 <= len(data):
        kind, size = struct.unpack("<4sI", data[at : at + 8])
        body = data[at + 8 : at + 8 + size]
        if kind in WAV_KEPT:
            kept.append(data[at : at + 8] + body + (b"\x00" if size % 2 else b""))
        at += 8 + size + size % 2
    if not any(chunk[:4] == b"data" for chunk in kept) or not any(chunk[:4] == b"fmt " for chunk in kept):
        raise ValueError("no sound in the WAV")
    body = b"WAVE" + b"".join(kept)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _ebml_number(data: bytes | bytearray, at: int, keep_marker: bool) -> tuple[int, int]:
    """One EBML variable-length number at `at`: (value, length). An element id keeps its length marker."""
    first = data[at]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8 or at + length > len(data):
        raise ValueError("bad EBML number")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[at + 1 : at + length]:
        value = (value << 8) | byte
    return value, length


def _ebml_elements(data: bytes | bytearray, start: int, end: int):
    """(offset, header length, total length, id) of the EBML elements between two offsets; an element of unknown
    size (a live-recorded Segment or Cluster) runs to `end`."""
    at = start
    while at < end:
        element, id_length = _ebml_number(data, at, keep_marker=True)
        size, size_length = _ebml_number(data, at + id_length, keep_marker=False)
        header = id_length + size_length
        if size == (1 << (7 * size_length)) - 1:
            size = end - at - header
        if at + header + size > end:
            raise ValueError("element outside its parent")
        yield at, header, header + size, element
        at += header + size


def _void(data: bytearray, at: int, total: int) -> None:
    """Overwrite an element with a Void element of the same total length (an 8-byte size, zeros for content)."""
    if total < 9:
        raise ValueError("element too short to void")
    data[at : at + total] = bytes([EBML_VOID, 0x01]) + (total - 9).to_bytes(7, "big") + bytes(total - 9)


def clean_webm(data: bytes) -> bytes:
    """A WebM whose Tags, Attachments and title are overwritten by Void elements of the same length (the offsets
    of the SeekHead and Cues stay right)."""
    cleaned = bytearray(data)
    elements = list(_ebml_elements(cleaned, 0, len(cleaned)))
    if not elements or elements[0][3] != 0x1A45DFA3:
        raise ValueError("no EBML header")
    segments = [e for e in elements if e[3] == EBML_SEGMENT]
    if not segments:
        raise ValueError("no Segment")
    for at, header, total, _ in segments:
        for child_at, child_header, child_total, child in _ebml_elements(cleaned, at + header, at + total):
            if child in EBML_METADATA:
                _void(cleaned, child_at, child_total)
            elif child == EBML_INFO:
                inner = _ebml_elements(cleaned, child_at + child_header, child_at + child_total)
                for item_at, _, item_total, item in list(inner):
                    if item in EBML_INFO_METADATA:
                        _void(cleaned, item_at, item_total)
            if child == 0x1F43B675:  # the first Cluster: the metadata elements come before it
                break
    return bytes(cleaned)


def clean_copy(data: bytes, content_type: str) -> tuple[bytes, str]:
    """The copy everyone sees: the same evidence without what the device recorded about who, where and when.
    Raises ValueError, OSError, Refused or a parser's error when the file does not parse."""
    if content_type in CLEAN_FORMAT:
        return clean_image(data, content_type)
    if content_type == "application/pdf":
        return clean_pdf(data), content_type
    if content_type in ("audio/mp4", "video/mp4"):
        return clean_mp4(data), content_type
    if content_type in ("audio/mpeg", "audio/ogg"):
        return _mutagen_delete(data), content_type
    if content_type == "audio/wav":
        return clean_wav(data), content_type
    if content_type == "video/webm":
        return clean_webm(data), content_type
    if content_type == "audio/amr":  # an AMR file is a header and speech frames: nothing else to remove
        return data, content_type
    raise ValueError(f"no cleaner for {content_type}")


NOT_STORED = (
    "máy chủ tạm thời không lưu được tệp này nên đơn được gửi không kèm tệp; xin giữ tệp để nộp khi cơ quan mời "
    "làm việc hoặc hỏi thêm"
)
UNREADABLE = {
    AttachmentKind.PDF: "tệp PDF bị hỏng hoặc không đọc được nên không xóa được thông tin ẩn",
    AttachmentKind.AUDIO: "tệp ghi âm bị hỏng hoặc không đọc được nên không xóa được thông tin ẩn",
    AttachmentKind.VIDEO: "tệp video bị hỏng hoặc không đọc được nên không xóa được thông tin ẩn",
}


def check_parses(kind: str, content_type: str, data: bytes) -> None:
    """A recording, a video or a PDF that its cleaner could not read is refused now, in the request: reading the
    structure (pikepdf opens lazily, mutagen reads headers and tags) costs milliseconds, unlike rewriting it."""
    try:
        if content_type == "application/pdf":
            with pikepdf.open(io.BytesIO(data)):
                pass
        elif content_type in ("audio/mp4", "video/mp4"):
            MP4(io.BytesIO(data))
            list(_boxes(data, 0, len(data)))
        elif content_type in ("audio/mpeg", "audio/ogg", "audio/wav"):
            if mutagen.File(io.BytesIO(data)) is None:
                raise ValueError("not a recording mutagen reads")
        elif content_type == "video/webm":
            clean_webm(data)
    except Exception as exc:  # every parser has its own errors; any of them means "not a sound file"
        raise Refused(UNREADABLE[kind]) from exc


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
        """Keep the original, checked but not decoded; its clean copy is made by the cleaning job."""
        detected = sniff(data[:64])
        if detected is None:
            raise Refused("chỉ nhận ảnh, tệp PDF, video hoặc ghi âm; nội dung tệp này không phải loại được nhận")
        kind, content_type = detected
        if kind in (AttachmentKind.AUDIO, AttachmentKind.VIDEO) and MARKUP.search(data[:4096]):
            raise Refused("nội dung tệp không phải ghi âm hay video thật")
        if kind == AttachmentKind.IMAGE:
            check_image(data)
        else:
            check_parses(kind, content_type, data)
        attachment = Attachment(
            kind=kind,
            content_type=content_type,
            display_name=named_for(name, content_type),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            storage_key=secrets.token_hex(20),
            has_clean_copy=False,
            clean_content_type=None,
            clean_state=CleanState.PENDING,
        )
        target = self.path(attachment, clean=False)
        partial = target.with_suffix(".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(data)
            partial.replace(target)
        except OSError as exc:  # a full or read-only disk: the file is refused, the report still goes
            partial.unlink(missing_ok=True)
            log.error("evidence file not stored (%s): %s", type(exc).__name__, exc.strerror or exc)
            raise Refused(NOT_STORED) from exc
        return attachment

    def discard(self, attachments) -> None:
        """Remove the stored originals of attachments whose report was not kept."""
        for attachment in attachments:
            self.path(attachment, clean=False).unlink(missing_ok=True)

    def clean(self, attachment: Attachment) -> None:
        """Write the clean copy of a stored original and mark the attachment clean (the caller commits). The
        original is checked against its SHA-256 first. Raises when the file does not parse: the caller marks it
        failed, and no copy is written."""
        data = self.path(attachment, clean=False).read_bytes()
        if hashlib.sha256(data).hexdigest() != attachment.sha256:
            raise ValueError("the original does not match its SHA-256")
        clean, clean_type = clean_copy(data, attachment.content_type)
        target = self.path(attachment, clean=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(clean)
        partial.replace(target)  # a reader never sees half a copy
        attachment.has_clean_copy, attachment.clean_content_type = True, clean_type
        attachment.clean_state = CleanState.CLEAN


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


def enqueue_cleaning(redis: Redis, queue_name: str, attachments) -> int:
    """Enqueue the cleaning of each attachment, after the commit (one job per attachment, by its id); how many
    were enqueued. Redis down loses nothing: the cron's reconciler enqueues attachments still pending."""
    enqueued = 0
    for attachment in attachments:
        try:
            enqueue(
                redis,
                queue_name,
                CLEAN_JOB,
                attachment.id,
                job_id=f"clean-attachment-{attachment.id}",
                retry=RETRY,
                job_timeout=300,
                result_ttl=3600,
                failure_ttl=7 * 86400,
            )
            enqueued += 1
        except RedisError as exc:
            log.warning("cleaning of attachment %s not enqueued (%s)", attachment.id, type(exc).__name__)
    return enqueued
