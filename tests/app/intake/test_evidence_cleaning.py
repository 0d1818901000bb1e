"""Evidence of every type loses its metadata in the cleaning job, after the report is committed; the original stays
byte for byte, for the handling unit only, each download logged. Over HTTP with CSRF, as a citizen and staff would."""

import hashlib
import io
import re
import struct
from datetime import timedelta

import mutagen
import pikepdf
from evidence_support import NAME_AND_PHONE, PLACE, clean_pending, mp3, mp4, pdf, wav, webm
from evidence_support import submit as submit_report
from mutagen.mp4 import MP4
from PIL import ExifTags, Image
from rq import Queue
from sqlalchemy import update

from core.extensions import db
from core.models import Attachment, Report, utcnow
from intake.attachments import AttachmentStore, clean_copy
from triage.casework.evidence_jobs import reconcile_uncleaned
from triage.routing.jobs import route_report

TEXT = "Cán bộ một cửa phường Quảng Phú đòi tiền mới nhận hồ sơ; tôi có ghi âm, video, ảnh và giấy biên nhận."


def photo(width: int, height: int) -> bytes:
    """A phone photo with its maker and GPS position in the EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (19.0, 48.0, 30.0), 3: "E", 4: (105.0, 46.0, 12.0)}
    out = io.BytesIO()
    Image.new("RGB", (width, height), (90, 120, 60)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def huge_png() -> bytes:
    """The probe's file: 7000×7000 (49 megapixels) of one colour, a few hundred KB once compressed."""
    out = io.BytesIO()
    Image.new("L", (7000, 7000), 200).save(out, format="PNG")
    return out.getvalue()


def submit(client, csrf_token, files):
    return submit_report(client, csrf_token, files, TEXT)


def staff(app, login_as, username):
    client = app.test_client()
    login_as(client, username)
    return client


def test_every_type_is_cleaned_by_the_job_and_the_original_is_the_units_logged_evidence(
    app, client, csrf_token, make_user, login_as
):
    files = {
        "clip.mp4": mp4(),
        "ghi-am.mp3": mp3(artist=NAME_AND_PHONE),
        "bien-nhan.pdf": pdf(author=NAME_AND_PHONE),
        "anh.jpg": photo(4000, 3000),  # 12 megapixels, a phone photo
        "qua-lon.png": huge_png(),
    }
    assert PLACE in files["clip.mp4"] and NAME_AND_PHONE.encode() in files["ghi-am.mp3"]
    response = submit(client, csrf_token, files.items())
    page = response.get_data(as_text=True)
    assert response.status_code == 201 and "Đã nhận 4 tệp đính kèm." in page
    refused = re.search(r'id="refused-files">(.*?)</div>', page, re.S).group(1)
    assert "qua-lon.png" in refused and "quá lớn bất thường (tối đa 16 megapixel" in refused
    with app.app_context():
        report = db.session.query(Report).one()
        assert report.text == TEXT
        report_id = report.id
        items = {a.display_name: a.id for a in report.attachments}
        assert sorted(items) == ["anh.jpg", "bien-nhan.pdf", "clip.mp4", "ghi-am.mp3"]
        assert {a.clean_state for a in report.attachments} == {"pending"}  # nothing decoded in the request
        route_report(report_id)
    make_user("cb1", unit="16522")
    make_user("gs1", role="supervisor")
    inspector, supervisor = staff(app, login_as, "cb1"), staff(app, login_as, "gs1")
    url = f"/can-bo/bao-cao/{report_id}/tep/{{}}"

    # Before the job: shown as being processed, no clean copy to download, the original for the unit only.
    case = inspector.get(f"/can-bo/bao-cao/{report_id}").get_data(as_text=True)
    assert case.count("đang xử lý") == 4
    pending = supervisor.get(url.format(items["clip.mp4"]))
    assert pending.status_code == 409 and PLACE not in pending.data
    assert supervisor.get(url.format(items["clip.mp4"]) + "?ban=goc").status_code == 403

    assert clean_pending(app) == ["clean"] * 4
    assert clean_pending(app) == []  # done once

    copies = {name: supervisor.get(url.format(item)) for name, item in items.items()}
    assert all(
        r.status_code == 200 and r.headers["Content-Disposition"].startswith("attachment;") for r in copies.values()
    )
    clip = copies["clip.mp4"].data
    assert PLACE not in clip and NAME_AND_PHONE.encode() not in clip and b"\xa9xyz" not in clip
    assert MP4(io.BytesIO(clip)).tags is None and MP4(io.BytesIO(clip)).info.length == 5.0
    recording = copies["ghi-am.mp3"].data
    assert mutagen.File(io.BytesIO(recording)).tags is None and NAME_AND_PHONE.encode() not in recording
    with pikepdf.open(io.BytesIO(copies["bien-nhan.pdf"].data)) as cleaned:
        assert "/Info" not in cleaned.trailer and "/Metadata" not in cleaned.Root and len(cleaned.pages) == 1
    assert b"0912345678" not in copies["bien-nhan.pdf"].data and b"dc:creator" not in copies["bien-nhan.pdf"].data
    image = Image.open(io.BytesIO(copies["anh.jpg"].data))
    assert image.size == (4000, 3000) and not image.getexif() and b"PhoneMaker" not in copies["anh.jpg"].data

    make_user("qt1", role="admin")
    admin = staff(app, login_as, "qt1")
    assert "ban=goc" not in admin.get(f"/can-bo/bao-cao/{report_id}").get_data(as_text=True)
    for name, item in items.items():
        assert supervisor.get(url.format(item) + "?ban=goc").status_code == 403
        assert admin.get(url.format(item) + "?ban=goc").status_code == 403  # the accounts' role, not the cases'
        original = inspector.get(url.format(item) + "?ban=goc")
        assert original.status_code == 200 and original.data == files[name]
    with app.app_context():
        report = db.session.get(Report, report_id)
        assert all(a.sha256 == hashlib.sha256(files[a.display_name]).hexdigest() for a in report.attachments)
        viewed = [e.data["attachment_id"] for e in report.events if e.kind == "original-viewed"]
        assert sorted(viewed) == sorted(items.values())
    assert "đang xử lý" not in inspector.get(f"/can-bo/bao-cao/{report_id}").get_data(as_text=True)


def test_broken_files_are_refused_or_marked_and_lost_jobs_found_again(app, client, csrf_token, make_user, login_as):
    broken_mp4 = b"\x00\x00\x00\x18ftypmp42" + bytes(200)  # an MP4 signature and nothing of a movie
    response = submit(client, csrf_token, [("clip.mp4", broken_mp4), ("don.pdf", pdf()), ("anh.jpg", photo(64, 48))])
    page = response.get_data(as_text=True)
    assert response.status_code == 201 and "Đã nhận 2 tệp đính kèm." in page
    assert "tệp video bị hỏng hoặc không đọc được" in re.search(r'id="refused-files">(.*?)</div>', page, re.S).group(1)
    with app.app_context():
        report = db.session.query(Report).one()
        report_id = report.id
        scan, image = sorted(report.attachments, key=lambda a: a.content_type)
        # The stored PDF is damaged on disk after the request (its SHA-256 no longer matches).
        AttachmentStore(app.config["ATTACHMENTS_DIR"]).path(scan, clean=False).write_bytes(b"%PDF-1.4 damaged")
        # Both jobs were lost: the reconciler enqueues them once they have waited long enough.
        queue = Queue(app.config["JOBS_QUEUE"], connection=app.extensions["redis"])
        queue.empty()
        assert reconcile_uncleaned() == 0  # just stored: their jobs may still be on their way
        db.session.execute(update(Attachment).values(created_at=utcnow() - timedelta(minutes=5)))
        db.session.commit()
        assert reconcile_uncleaned() == 2
        assert {f"clean-attachment-{scan.id}", f"clean-attachment-{image.id}"} <= set(queue.job_ids)
        scan_id = scan.id
        route_report(report_id)
    assert sorted(clean_pending(app)) == ["clean", "failed"]
    with app.app_context():
        report = db.session.get(Report, report_id)
        failed = db.session.get(Attachment, scan_id)
        assert failed.clean_state == "failed" and not failed.has_clean_copy
        assert [e.data["attachment_id"] for e in report.events if e.kind == "evidence-unreadable"] == [scan_id]
        assert not AttachmentStore(app.config["ATTACHMENTS_DIR"]).path(failed, clean=True).exists()
    make_user("cb1", unit="16522")
    inspector = staff(app, login_as, "cb1")
    refused = inspector.get(f"/can-bo/bao-cao/{report_id}/tep/{scan_id}")
    assert refused.status_code == 409 and "không đọc được" in refused.get_data(as_text=True)
    assert "chưa xóa được thông tin ẩn" in inspector.get(f"/can-bo/bao-cao/{report_id}").get_data(as_text=True)


def test_webm_and_wav_copies_keep_the_media_without_the_tags():
    """What no test above sends: a WebM's Tags and title become Void elements of the same length (its offsets stay
    right); a WAV keeps its format and sound chunks only."""
    video, recording = webm(), wav()
    assert PLACE in video and NAME_AND_PHONE.encode() in recording
    clean_video, _ = clean_copy(video, "video/webm")
    assert len(clean_video) == len(video) and PLACE not in clean_video and NAME_AND_PHONE.encode() not in clean_video
    assert clean_video[:4] == b"\x1a\x45\xdf\xa3" and b"\x1f\x43\xb6\x75" in clean_video  # the Cluster is kept
    clean_recording, content_type = clean_copy(recording, "audio/wav")
    assert content_type == "audio/wav" and NAME_AND_PHONE.encode() not in clean_recording
    assert mutagen.File(io.BytesIO(clean_recording)).info.length == 0.1


def test_a_comment_author_in_a_pdf_and_a_makers_own_box_in_an_mp4_are_gone_from_the_copies():
    """A PDF comment's /T is its author's user name; an MP4 may carry boxes no list of metadata names (a maker's
    own, one added after the media): the copies keep neither, and stay readable."""
    document = pikepdf.open(io.BytesIO(pdf()))
    note = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Text,
        Rect=[10, 10, 30, 30],
        T=pikepdf.String("nguyen.van.a 0912345678"),
        Contents=pikepdf.String("xem trang 2"),
        M=pikepdf.String("D:20261201090000+07'00'"),
    )
    document.pages[0].Annots = document.make_indirect(pikepdf.Array([document.make_indirect(note)]))
    out = io.BytesIO()
    document.save(out, compress_streams=False)
    commented = out.getvalue()
    assert b"nguyen.van.a 0912345678" in commented
    clean, _ = clean_copy(commented, "application/pdf")
    assert b"nguyen.van.a" not in clean
    with pikepdf.open(io.BytesIO(clean)) as reopened:
        (kept,) = reopened.pages[0].Annots
        assert str(kept.Contents) == "xem trang 2" and "/T" not in kept and "/M" not in kept

    video = mp4() + struct.pack(">I4s", 8 + len(NAME_AND_PHONE.encode()), b"Xtra") + NAME_AND_PHONE.encode()
    clean_video, _ = clean_copy(video, "video/mp4")
    assert len(clean_video) == len(video) and NAME_AND_PHONE.encode() not in clean_video and PLACE not in clean_video
    assert MP4(io.BytesIO(clean_video)).info.length == 5.0  # the movie plays as before
