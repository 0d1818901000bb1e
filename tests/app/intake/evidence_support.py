"""Evidence files as phones and office software make them, and running the cleaning jobs of a report's files."""

import io
import struct

import pikepdf
from mutagen.id3 import COMM, ID3, TPE1
from mutagen.mp4 import MP4
from sqlalchemy import select

from core.extensions import db
from core.models import Attachment
from core.vocabulary import CleanState
from triage.casework.evidence_jobs import clean_attachment

NAME_AND_PHONE = "Nguyễn Văn A 0912345678"
PLACE = b"+19.8083+105.7700/"  # ISO 6709, as an iPhone writes it in the `©xyz` box


def pdf(author: str | None = None, padding: int = 0) -> bytes:
    """A one-page PDF; with `author`, in its document information and its XMP metadata stream."""
    document = pikepdf.new()
    document.add_blank_page()
    if padding:
        document.Root.Padding = document.make_stream(b"0" * padding)
    if author:
        document.docinfo["/Author"] = author
        with document.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["dc:creator"] = [author]
    out = io.BytesIO()
    document.save(out, compress_streams=False)
    return out.getvalue()


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _full(kind: bytes, payload: bytes) -> bytes:
    return _box(kind, b"\x00\x00\x00\x00" + payload)


def mp4(with_place: bool = True) -> bytes:
    """A minimal valid MP4 (a 5-second movie with one sound track), with the `©xyz` place box a phone writes and
    a title written by mutagen."""
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    rate_volume = b"\x00\x01\x00\x00\x01\x00" + bytes(10)
    mvhd = _full(
        b"mvhd", struct.pack(">IIII", 0, 0, 1000, 5000) + rate_volume + matrix + bytes(24) + b"\x00\x00\x00\x02"
    )
    mdia = _box(
        b"mdia",
        _full(b"mdhd", struct.pack(">IIIIHH", 0, 0, 8000, 40000, 0x55C4, 0))
        + _full(b"hdlr", bytes(4) + b"soun" + bytes(12) + b"Sound\x00")
        + _box(b"minf", _box(b"stbl", _full(b"stsd", struct.pack(">I", 0)))),
    )
    udta = _box(b"udta", _box(b"\xa9xyz", struct.pack(">HH", len(PLACE), 0x15C7) + PLACE)) if with_place else b""
    movie = _box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41") + _box(b"moov", mvhd + _box(b"trak", mdia) + udta)
    movie += _box(b"mdat", bytes(64))
    tagged = MP4(io.BytesIO(movie))
    tagged.add_tags()
    tagged.tags["\xa9nam"] = [NAME_AND_PHONE]
    out = io.BytesIO(movie)
    tagged.save(out)
    return out.getvalue()


def mp3(artist: str | None = None) -> bytes:
    """Twelve silent MPEG-1 layer III frames (128 kbit/s, 44.1 kHz); with `artist`, an ID3v2 tag naming them."""
    frames = (b"\xff\xfb\x90\x64" + bytes(413)) * 12
    if not artist:
        return frames
    tag = ID3()
    tag.add(TPE1(encoding=3, text=artist))
    tag.add(COMM(encoding=3, lang="vie", desc="", text="ghi bằng điện thoại của " + artist))
    out = io.BytesIO()
    tag.save(out)
    return out.getvalue() + frames


def submit(client, csrf_token, files, text: str):
    """File a report with its files through the public form, as a citizen's browser does (CSRF token first)."""
    data = {
        "csrf_token": csrf_token(client.get("/")),
        "text": text,
        "kind": "phan-anh",
        "ward": "16522",
        "attachments": [(io.BytesIO(content), name) for name, content in files],
    }
    return client.post("/", data=data, content_type="multipart/form-data")


def clean_pending(app) -> list[str]:
    """Run the cleaning job of every attachment still pending, as the worker would; their outcomes."""
    with app.app_context():
        ids = db.session.scalars(
            select(Attachment.id).where(Attachment.clean_state == CleanState.PENDING).order_by(Attachment.id)
        ).all()
        db.session.remove()
        return [clean_attachment(attachment_id) for attachment_id in ids]


def _ebml(element_id: bytes, payload: bytes) -> bytes:
    return element_id + b"\x01" + len(payload).to_bytes(7, "big") + payload


def webm() -> bytes:
    """An EBML header and a Segment whose Info has a title and whose Tags hold a place, before one Cluster."""
    info = _ebml(
        b"\x15\x49\xa9\x66", _ebml(b"\x2a\xd7\xb1", b"\x0f\x42\x40") + _ebml(b"\x7b\xa9", NAME_AND_PHONE.encode())
    )
    place = _ebml(b"\x45\xa3", b"LOCATION") + _ebml(b"\x44\x87", PLACE)
    tags = _ebml(b"\x12\x54\xc3\x67", _ebml(b"\x73\x73", _ebml(b"\x67\xc8", place)))
    segment = _ebml(b"\x18\x53\x80\x67", info + tags + _ebml(b"\x1f\x43\xb6\x75", _ebml(b"\xe7", b"\x00")))
    return _ebml(b"\x1a\x45\xdf\xa3", _ebml(b"\x42\x82", b"webm")) + segment


def wav() -> bytes:
    """A tenth of a second of 8 kHz silence with a LIST/INFO chunk naming the artist."""
    fmt = b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 16000, 2, 16)
    artist = NAME_AND_PHONE.encode() + b"\x00"
    info = b"INFOIART" + struct.pack("<I", len(artist)) + artist + b"\x00" * (len(artist) % 2)
    body = (
        b"WAVE" + fmt + b"LIST" + struct.pack("<I", len(info)) + info + b"data" + struct.pack("<I", 1600) + bytes(1600)
    )
    return b"RIFF" + struct.pack("<I", len(body)) + body
