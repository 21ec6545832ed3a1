"""Speed-only caches under ``.cache/``: pickles that are never loaded unless this machine wrote them.

Unpickling runs code, and ``.cache/`` lives in the checkout: a pull request can commit a file
there (``git add -f`` ignores ``.gitignore``), and a build of its branch, by CI or by an editor
reviewing it, would load it. So every pickle written here starts with an HMAC-SHA256 tag made with
a key kept outside the checkout, in the user's cache folder (``$XDG_CACHE_HOME`` or
``~/.cache``, then ``news-archive-generator/cache.key``, created on first use, readable by its
owner only). A file whose tag does not verify is treated as missing: the build works it out
again and overwrites it. Where no key can be kept, nothing is cached. (``seal``/``unseal`` do
the same for values kept elsewhere: the site's page cache stores them in SQLite.)

The gazetteer, which depends on the code alone, is kept in that same user folder (``shared_dir``):
every project on the machine, and every CI run that keeps the folder, loads it instead of building
it again (seconds on each first build).

CI that keeps ``.cache/`` between runs (``actions/cache``) keeps the key's folder with it, or
every run finds the cache foreign and starts cold.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
from pathlib import Path
from typing import Any

__all__ = ["load_pickle", "save_pickle", "seal", "unseal", "key_file", "shared_dir"]

KEY_BYTES = 32
TAG_BYTES = hashlib.sha256().digest_size


def key_file() -> Path | None:
    """Where the key lives; None when there is no home folder to keep it in (a relative path could
    lie inside the checkout, where a pull request could put a key of its own)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"))
    return base / "news-archive-generator" / "cache.key" if base.is_absolute() else None


def shared_dir() -> Path | None:
    """The user's cache folder (the key's): for what depends on the code alone, not on a project
    (the gazetteer), so every project and every run of CI that keeps the folder shares it."""
    path = key_file()
    return path.parent if path is not None else None


_KEYS: dict[Path, bytes] = {}  # read once per process (the page cache asks once per page)


def _key() -> bytes | None:
    path = key_file()
    if path is None:
        return None
    if path in _KEYS:
        return _KEYS[path]
    try:
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            _KEYS[path] = key
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(KEY_BYTES))
        try:
            os.link(tmp, path)  # only if no other process made one meanwhile: theirs is kept
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
        key = path.read_bytes()
    except OSError:
        return None
    if len(key) != KEY_BYTES:
        return None
    _KEYS[path] = key
    return key


def _tag(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, body, hashlib.sha256).digest()


def seal(value: Any) -> bytes | None:
    """``value`` pickled and tagged with this machine's key (None when there is no key)."""
    key = _key()
    if key is None:
        return None
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _tag(key, body) + body


def unseal(data: bytes) -> Any | None:
    """What ``seal`` made; None for anything this machine's key did not tag (never unpickled)."""
    key = _key()
    if key is None:
        return None
    tag, body = data[:TAG_BYTES], data[TAG_BYTES:]
    if len(tag) != TAG_BYTES or not hmac.compare_digest(tag, _tag(key, body)):
        return None
    try:
        return pickle.loads(body)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError):
        return None  # written by another version of the code


def load_pickle(path: Path) -> Any | None:
    """What ``save_pickle`` stored at ``path``; None when the file is missing, damaged, or was not
    written with this machine's key (then it is never unpickled)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return unseal(data)


def save_pickle(path: Path, value: Any) -> None:
    """Store ``value`` at ``path`` atomically, tagged with this machine's key (nothing when there is
    no key, or the folder cannot be written: the cache only saves time)."""
    sealed = seal(value)
    if sealed is None:
        return
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(sealed)
        tmp.replace(path)
    except OSError:
        pass
