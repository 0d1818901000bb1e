"""The store of document files: random keys, SHA-256 and size, atomic writes, nothing outside its folder."""

import hashlib

import pytest

from core.document_files import DocumentFiles


def test_save_then_read_gives_the_bytes_with_their_digest(tmp_path):
    files = DocumentFiles(tmp_path)
    data = b"%PDF-1.7 van ban"
    key, sha256, size = files.save(data)
    assert files.read(key) == data
    assert sha256 == hashlib.sha256(data).hexdigest() and size == len(data)
    assert files.path(key) == tmp_path / "van-ban" / key[:2] / key
    assert files.path(key).read_bytes() == data


def test_each_save_has_its_own_key_and_leaves_no_temporary_file(tmp_path):
    files = DocumentFiles(tmp_path)
    keys = {files.save(b"same bytes")[0] for _ in range(5)}
    assert len(keys) == 5
    stored = [p for p in (tmp_path / "van-ban").rglob("*") if p.is_file()]
    assert sorted(p.name for p in stored) == sorted(keys)


@pytest.mark.parametrize("key", ["../../etc/passwd", "", "ABCDEF" * 7, "a" * 39])
def test_only_keys_it_made_name_a_path(tmp_path, key):
    with pytest.raises(ValueError):
        DocumentFiles(tmp_path).path(key)


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        DocumentFiles(tmp_path).read("0" * 40)
