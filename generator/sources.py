"""List seed files and read one into a clean `RawDocument`.

Decoding order (fixed, trafilatura style): UTF-8 (with or without BOM), UTF-16/32 with a BOM,
then a legacy single-byte Western encoding *detected* by charset-normalizer among
`LEGACY_ENCODINGS`. Anything else is refused with one plain sentence.
This module does not parse titles or dates and knows nothing about profiles.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from charset_normalizer import from_bytes

from generator.defaults import DEFAULTS_FILE
from generator.models import ArticleError, RawDocument

__all__ = ["list_seeds", "find_seeds", "read_raw", "decode_bytes", "clean_text", "story_problem", "SeedListing"]

REFUSED_LINK = ("is a symbolic link; seeds must be ordinary files inside seeds/, so it is not read "
                "(replace the link with a copy of the article)")
REFUSED_OUTSIDE = "resolves to a file outside seeds/, so it is not read; put the article itself in seeds/"
REFUSED_SPECIAL = "is not an ordinary file (a pipe, socket or device), so it is not read"
MAX_SEED_BYTES = 5_000_000  # a long feature is 100 KB; a saved web page with its scripts a few MB

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
# Terminal escape sequences (ECMA-48): CSI "ESC [ … final" (colours, cursor moves; also the 8-bit
# CSI 0x9b), OSC "ESC ] … BEL|ESC \\" (window titles, hyperlinks), and two-character ESC codes.
TERMINAL_ESCAPES = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]")
WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row, in any script: the least a story holds
NO_LETTERS = ("file has no letters or digits (only invisible characters, control codes or symbols), "
              "so it is not published")
EMPTY = "file is empty (it holds no text, only whitespace or nothing)"
NO_STORY = "no story: nothing is left once the site's junk is removed, so it is not published"


@dataclass(frozen=True)
class SeedListing:
    files: list[Path]  # ordinary files inside seeds/, sorted
    refused: list[ArticleError]  # links and special files: named, never read


def list_seeds(seeds_dir: Path, root: Path | None = None) -> SeedListing:
    """Every ordinary file below ``seeds_dir`` (sorted; hidden files and folders and the folders'
    ``_defaults.yml`` skipped), and every entry refused unread.

    Git keeps symbolic links, so a pull request can add ``seeds/x.txt -> /etc/passwd``: links
    (to files or folders), anything resolving outside ``seeds/`` and special files (pipes,
    devices) are refused by name, and their content is never read.
    """
    seeds_dir = Path(seeds_dir)
    root = Path(root) if root is not None else seeds_dir.parent
    if seeds_dir.is_symlink():
        return SeedListing([], [ArticleError(_shown(seeds_dir, root), REFUSED_LINK)])
    if not seeds_dir.is_dir():
        return SeedListing([], [])
    inside = seeds_dir.resolve()
    files: list[str] = []
    refused: list[ArticleError] = []
    # os.scandir gives each entry's type from the directory listing itself: no stat per seed
    # (10,000 seeds listed in a few hundredths of a second, which a no-op rebuild is mostly made of).
    pending = [str(seeds_dir)]
    while pending:
        folder = pending.pop()
        # Links are refused below, so nothing under seeds/ should lead out of it; checked once a
        # folder (a file is no link, so it is where its folder is), not once a file.
        real = Path(os.path.realpath(folder))
        folder_inside = inside == real or inside in real.parents
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_symlink():
                    refused.append(ArticleError(_shown(Path(entry.path), root), REFUSED_LINK))
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif not entry.is_file(follow_symlinks=False):
                    refused.append(ArticleError(_shown(Path(entry.path), root), REFUSED_SPECIAL))
                elif not folder_inside:
                    refused.append(ArticleError(_shown(Path(entry.path), root), REFUSED_OUTSIDE))
                elif entry.name != DEFAULTS_FILE:  # a folder's defaults, not an article
                    files.append(entry.path)
    files.sort(key=lambda name: name.split(os.sep))  # Path order (part by part), without Paths to compare
    return SeedListing([Path(name) for name in files], sorted(refused, key=lambda e: e.path))


def find_seeds(seeds_dir: Path) -> list[Path]:
    """The seed files ``list_seeds`` accepts."""
    return list_seeds(seeds_dir).files


def _shown(path: Path, root: Path) -> str:
    """A path as the project names it (not resolved: a link must be named, not its target)."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return str(path)


@lru_cache(maxsize=8)
def _resolved_root(root: Path) -> Path:
    return Path(root).resolve()  # once per project: resolving walks every folder of the path


def _seed_name(absolute: Path, root: Path) -> str:
    try:
        return absolute.relative_to(_resolved_root(root)).as_posix()
    except ValueError:
        return absolute.as_posix()


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def read_raw(path: Path, root: Path, max_bytes: int = MAX_SEED_BYTES) -> RawDocument:
    """Read one seed file and decode it to clean text.

    Raises `ArticleError(path, problem)` for a link, a special file, or an empty, binary,
    undecodable, too large or unreadable (no letters or digits) file.
    """
    path = Path(path)
    try:
        info = path.lstat()
    except OSError as exc:
        raise ArticleError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(info.st_mode):
        raise ArticleError(path, REFUSED_LINK)
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(path, REFUSED_SPECIAL)
    size = info.st_size
    if size > max_bytes:
        raise ArticleError(
            path, f"file is {_megabytes(size)}, over the limit of {_megabytes(max_bytes)} for one article; "
            "save only the article's text (not the whole web page), or split it"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    from generator.html_reader import decode_html, looks_like_html

    is_html = looks_like_html(data[:2000].decode("latin-1"), path) and not _utf16_without_bom(data)
    decoded, encoding = decode_html(data, path) if is_html else decode_bytes(data, path)
    notes = _control_note(decoded)
    text = clean_text(decoded)
    if not text.strip():
        # Escape codes alone clean down to nothing: say so, not "empty".
        raise ArticleError(path, NO_LETTERS if decoded.strip() else EMPTY)
    if not any(unicodedata.category(ch)[0] in "LN" for ch in text):
        raise ArticleError(path, NO_LETTERS)
    absolute = path.resolve()
    return RawDocument(
        path=absolute,
        seed=_seed_name(absolute, root),
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        notes=notes,
        is_html=is_html,
    )


def _control_note(text: str) -> tuple[str, ...]:
    """A warning for stray control characters, which clean_text drops (an old copy-and-paste
    or a broken save leaves NULs in otherwise good text)."""
    found = CONTROL_CHARS.findall(TERMINAL_ESCAPES.sub("", text.replace("\r", "")))
    if not found:
        return ()
    kinds = sorted({"NUL" if ch == "\x00" else f"U+{ord(ch):04X}" for ch in found})
    return (f"dropped {len(found)} stray control character{'s' if len(found) != 1 else ''} "
            f"({', '.join(kinds[:5])})",)


def _utf16_without_bom(data: bytes) -> bool:
    """UTF-16 text saved without a byte-order mark: every other byte of ASCII text is NUL."""
    sample = data[:4000]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even)) or (
        even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd))


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
    if _utf16_without_bom(data):
        raise ArticleError(path, "file looks like UTF-16 text without a byte-order mark; save it as "
                           "UTF-8 (or UTF-16 with a byte-order mark)")
    if data.count(b"\x00") > len(data) // 10:
        raise ArticleError(path, "file looks binary (it is full of NUL bytes), not a text article")
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
    """LF line ends; no BOM, terminal escape codes or control characters other than tab and newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace(STRAY_BOM, "")
    text = TERMINAL_ESCAPES.sub("", text)  # before the lone ESC goes, or "[31m" would stay
    return CONTROL_CHARS.sub("", text)


def story_problem(paragraphs: Sequence[str]) -> str | None:
    """Why a parsed story is not an article (None when it is one): the build does not publish it."""
    if not paragraphs:
        return NO_STORY
    if any(WORD.search(p) for p in paragraphs):
        return None
    return ("no story: what is left after the site's junk has no word in it (only symbols, numbers or "
            "invisible characters), so it is not published")
