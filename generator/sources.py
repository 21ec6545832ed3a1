"""List seed files and read one into a clean `RawDocument`.

Decoding order (fixed, trafilatura style): UTF-8 (with or without BOM), UTF-16/32 with a BOM,
then a legacy single-byte Western encoding *detected* by charset-normalizer among
`LEGACY_ENCODINGS`. Anything else is refused with one plain sentence.
This module does not parse titles or dates and knows nothing about profiles.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from charset_normalizer import from_bytes

from generator.defaults import DEFAULTS_FILE
from generator.models import ArticleError, RawDocument

__all__ = ["find_seeds", "read_raw", "decode_bytes", "clean_text"]

# Byte-order marks checked before anything else, longest first (UTF-32 LE starts like UTF-16 LE).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Candidates for text that is not UTF-8: Windows-1252 first (curly quotes, dashes), then ISO ones.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1252", "iso8859_15", "latin_1")
# Control characters to drop: every C0/C1 control except tab and newline, plus DEL.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Zero-width no-break space (a stray BOM) anywhere in the text.
STRAY_BOM = "\ufeff"


def find_seeds(seeds_dir: Path) -> list[Path]:
    """Every file below `seeds_dir` (recursively), sorted, skipping hidden files and folders
    and the folders' ``_defaults.yml``."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        return []
    found = []
    for path in seeds_dir.rglob("*"):
        rel = path.relative_to(seeds_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.name != DEFAULTS_FILE:  # a folder's defaults, not an article
            found.append(path)
    return sorted(found)


def _seed_name(path: Path, root: Path) -> str:
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def read_raw(path: Path, root: Path, max_bytes: int = 5_000_000) -> RawDocument:
    """Read one seed file and decode it to clean text.

    Raises `ArticleError(path, problem)` for an empty, binary, undecodable or too large file.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise ArticleError(
            path, f"file is {_megabytes(size)}; the limit for one article is {_megabytes(max_bytes)}"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    text, encoding = decode_bytes(data, path)
    text = clean_text(text)
    if not text.strip():
        raise ArticleError(path, "file is empty (it holds no text, only whitespace or nothing)")
    return RawDocument(
        path=path.resolve(),
        seed=_seed_name(path, root),
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes: (text, encoding name). Raises ArticleError when no decoding fits."""
    if not data.strip():
        raise ArticleError(path, "file is empty (it holds no text, only whitespace or nothing)")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(
                    path, f"file starts with a {codec} byte-order mark but is not valid {codec}"
                ) from exc
            return text, "utf-8" if codec == "utf-8-sig" else codec
    if b"\x00" in data:
        raise ArticleError(path, "file looks binary (it contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None or best.encoding is None:
        raise ArticleError(
            path, "file is not UTF-8 and its bytes do not decode as a Western legacy encoding"
        )
    return str(best), _canonical_encoding(best.encoding)


def _canonical_encoding(name: str) -> str:
    try:
        return {"windows-1252": "cp1252", "iso8859-1": "latin-1"}.get(
            codecs.lookup(name).name, codecs.lookup(name).name
        )
    except LookupError:
        return name


def clean_text(text: str) -> str:
    """LF line ends, no BOM, no control characters other than tab and newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace(STRAY_BOM, "")
    return CONTROL_CHARS.sub("", text)
