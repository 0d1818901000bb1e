"""Evidence files: accepted by content, metadata stripped from what handlers see (by the cleaning job), originals
kept intact."""

import hashlib
import io
import re
import zipfile

import pytest
from evidence_support import clean_pending, mp3, pdf, submit
from PIL import ExifTags, Image

from core.extensions import db
from core.models import Report
from triage.routing.jobs import route_report

TEXT = "Cán bộ địa chính UBND phường Quảng Phú đòi 2 triệu mới đo đạc lại thửa đất, tôi có ảnh giấy hẹn."


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (19.0, 48.0, 30.0), 3: "E", 4: (105.0, 46.0, 12.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_bomb() -> bytes:
    out = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(out, format="PNG", optimize=True)  # 144 Mpx, a few KB
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", b"0" * 20_000_000)
    return out.getvalue()


def _submit(client, csrf_token, files):
    return submit(client, csrf_token, files, TEXT)


def test_gps_is_stripped_from_the_copy_and_the_original_is_kept(app, client, csrf_token):
    photo = jpeg_with_gps()
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo has GPS
    response = _submit(client, csrf_token, [("IMG_0001.jpg", photo)])
    assert response.status_code == 201
    assert "Đã nhận 1 tệp đính kèm." in response.get_data(as_text=True)
    from intake.attachments import AttachmentStore

    assert clean_pending(app) == ["clean"]
    with app.app_context():
        report = db.session.query(Report).one()
        item = report.attachments[0]
        store = AttachmentStore(app.config["ATTACHMENTS_DIR"])
        original = store.path(item, clean=False).read_bytes()
        clean = store.path(item, clean=True).read_bytes()
    assert original == photo and item.sha256 == hashlib.sha256(photo).hexdigest()
    cleaned = Image.open(io.BytesIO(clean))
    assert not cleaned.getexif() and b"PhoneMaker" not in clean and b"Exif" not in clean
    assert cleaned.size == (64, 48)
    assert not str(app.config["ATTACHMENTS_DIR"]).startswith(str(app.static_folder))


@pytest.mark.parametrize(
    "name,content,why",
    [
        ("anh.jpg", b"<?php system($_GET['c']); ?>" + b" " * 64, "nội dung tệp này không phải loại được nhận"),
        (
            "hinh.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "không phải loại được nhận",
        ),
        ("tailieu.zip", zip_bomb(), "không phải loại được nhận"),
        ("bom.png", png_bomb(), "quá lớn bất thường"),
        ("video.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * (30 * 1024 * 1024), "lớn hơn 10 MB"),
        # HTML behind two bytes of an MPEG frame sync, or behind an MP4 box: not a recording.
        ("ghiam.html", b"\xff\xfb<html><script>alert(1)</script></html>" + b" " * 64, "không phải loại được nhận"),
        ("ghiam.mp3", b"\xff\xfb\x90\x64<!doctype html><script>alert(1)</script>", "không phải ghi âm hay video thật"),
        ("clip.mp4", b"\x00\x00\x00\x18ftypmp42<html><body onload=alert(1)>" + b" " * 64, "không phải ghi âm"),
    ],
)
def test_refused_files_leave_the_report_intact(app, client, csrf_token, name, content, why):
    response = _submit(client, csrf_token, [(name, content), ("ok.pdf", pdf())])
    assert response.status_code == 201
    page = response.get_data(as_text=True)
    refused = re.search(r'id="refused-files">(.*?)</div>', page, re.S).group(1)
    assert name in refused and why in refused
    with app.app_context():
        report = db.session.query(Report).one()
        assert report.text == TEXT
        assert [a.content_type for a in report.attachments] == ["application/pdf"]


def test_too_many_files_and_total_size(app, make_app, csrf_token):
    small = make_app(ATTACHMENT_MAX_TOTAL_MB=1)
    client = small.test_client()
    scan = pdf(padding=400 * 1024)
    response = _submit(client, csrf_token, [(f"{i}.pdf", scan) for i in range(6)])
    page = response.get_data(as_text=True)
    assert response.status_code == 201
    assert page.count("tổng dung lượng các tệp vượt 1 MB") == 4  # two fit in 1 MB
    with small.app_context():
        assert len(db.session.query(Report).one().attachments) == 2


def test_downloads_are_attachments_for_authorised_staff_only(app, client, csrf_token, make_user, login_as):
    _submit(client, csrf_token, [("IMG 0001 (1).jpg", jpeg_with_gps())])
    with app.app_context():
        report = db.session.query(Report).one()
        report_id, item_id = report.id, report.attachments[0].id
        route_report(report_id)
    clean_pending(app)
    make_user("cb1", unit="16522")
    make_user("gs1", role="supervisor")
    make_user("khac", unit="15061")
    url = f"/can-bo/bao-cao/{report_id}/tep/{item_id}"
    assert app.test_client().get(url).status_code == 302  # anonymous: sign in first
    for username, clean_status, original_status in [("cb1", 200, 200), ("gs1", 200, 403), ("khac", 404, 404)]:
        staff = app.test_client()
        login_as(staff, username)
        clean = staff.get(url)
        assert clean.status_code == clean_status
        assert staff.get(url + "?ban=goc").status_code == original_status
        if clean_status == 200:
            assert clean.headers["Content-Disposition"].startswith("attachment;")
            assert clean.headers["X-Content-Type-Options"] == "nosniff"
            assert "default-src 'none'" in clean.headers["Content-Security-Policy"]
            assert b"PhoneMaker" not in clean.data
    with app.app_context():
        kinds = [e.kind for e in db.session.get(Report, report_id).events]
        assert kinds.count("original-viewed") == 1


def test_a_file_is_named_for_what_it_is(app, client, csrf_token):
    """An MP3 sent as "loi-khai.html" is kept and downloaded as "loi-khai.mp3"."""
    assert _submit(client, csrf_token, [("loi-khai.html", mp3())]).status_code == 201
    with app.app_context():
        [item] = db.session.query(Report).one().attachments
        assert (item.content_type, item.display_name) == ("audio/mpeg", "loi-khai.mp3")
