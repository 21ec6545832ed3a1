"""sources: listing seeds, decoding bytes, and refusing bad files with one plain sentence."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from generator.models import ArticleError
from generator.sources import find_seeds, read_raw

STORY = "Café owners in Montréal said the “new rules” — announced on Monday — were unfair.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_find_seeds_recursive_sorted_and_skips_hidden(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/config", "sub/.cache/d.txt"):
        _write(tmp_path, name, b"x")
    (tmp_path / "empty_dir").mkdir()
    assert [p.relative_to(tmp_path).as_posix() for p in find_seeds(tmp_path)] == [
        "a.txt", "b.txt", "sub/c.txt"]


def test_find_seeds_missing_folder_is_empty(tmp_path):
    assert find_seeds(tmp_path / "nope") == []


@pytest.mark.parametrize("name, data, encoding", [
    ("utf8.txt", STORY.encode("utf-8"), "utf-8"),
    ("utf8_bom.txt", codecs.BOM_UTF8 + STORY.encode("utf-8"), "utf-8"),
    ("utf16le.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "utf-16"),
    ("utf16be.txt", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "utf-16"),
    ("cp1252.txt", STORY.encode("cp1252"), "cp1252"),
])
def test_decoding(tmp_path, name, data, encoding):
    raw = read_raw(_write(tmp_path, name, data), tmp_path)
    assert raw.text == STORY
    assert raw.encoding == encoding
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.seed == name


@pytest.mark.parametrize("data, text", [
    (b"Title\r\nBody one.\r\nBody two.\r\n", "Title\nBody one.\nBody two.\n"),
    (b"Title\rBody one.\rBody two.\r", "Title\nBody one.\nBody two.\n"),
    (b"Title\nBody one.\x03\n\tIndented.\x1b\x7f\n", "Title\nBody one.\n\tIndented.\n"),
    (b"Story ends here.\x03", "Story ends here."),
    ("Zero\u200bwidth and \ufeffstray BOM".encode("utf-8"), "Zero\u200bwidth and stray BOM"),
])
def test_newlines_and_control_characters(tmp_path, data, text):
    assert read_raw(_write(tmp_path, "a.txt", data), tmp_path).text == text


def test_seed_path_outside_root_is_absolute(tmp_path):
    path = _write(tmp_path / "elsewhere", "a.txt", b"Hello world.")
    raw = read_raw(path, tmp_path / "root")
    assert raw.seed == path.resolve().as_posix()
    assert raw.path == path.resolve()


def test_nested_seed_is_posix_relative(tmp_path):
    path = _write(tmp_path, "seeds/2022/05/a.txt", b"Hello world.")
    assert read_raw(path, tmp_path).seed == "seeds/2022/05/a.txt"


@pytest.mark.parametrize("data, problem", [
    (b"", "file is empty"),
    (b"  \n\t\r\n  ", "file is empty"),
    (codecs.BOM_UTF16_LE + "   \n".encode("utf-16-le"), "file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "file looks binary"),
    (bytes(range(128, 256)) * 4, "file is not UTF-8 and its bytes do not decode"),
])
def test_bad_files(tmp_path, data, problem):
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(ArticleError) as err:
        read_raw(path, tmp_path)
    assert err.value.path == str(path)
    assert err.value.problem.startswith(problem)
    assert str(err.value).startswith(str(path) + ": ")


def test_too_large_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: takes no disk space
        fh.truncate(50_000_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before size check"))
    with pytest.raises(ArticleError) as err:
        read_raw(path, tmp_path)
    assert err.value.problem == ("file is 50.0 MB, over the limit of 5.0 MB for one article; save only the "
                                 "article's text (not the whole web page), or split it")


def test_custom_limit(tmp_path):
    path = _write(tmp_path, "a.txt", b"x" * 2000)
    with pytest.raises(ArticleError, match="file is 2,000 bytes, over the limit of 1,000 bytes for one article"):
        read_raw(path, tmp_path, max_bytes=1000)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="cannot read the file"):
        read_raw(tmp_path / "nope.txt", tmp_path)
