"""jieba's dictionary as the segmenter uses it: its Han words, and every prefix of them.

Loading jieba (its own cache, then 580,000 entries filtered to 340,000 Han words) took about a
tenth of a build. The two sets depend only on the installed jieba, so they are kept, pickled,
beside jieba's own cache file and read back in a fraction of that; a different jieba version or
dictionary file makes a new one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

import jieba

from macros.search.segment import MAX_WORD, is_han

_DICT = Path(jieba.__file__).with_name("dict.txt")


def _cache_file() -> Path:
    stat = _DICT.stat()
    key = hashlib.sha1(f"{jieba.__version__}:{stat.st_size}:{stat.st_mtime_ns}:{MAX_WORD}".encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"playbook-jieba-{key}.pickle"


def _from_jieba() -> tuple[frozenset[str], frozenset[str]]:
    jieba.dt.check_initialized()
    frequencies = jieba.dt.FREQ  # words (frequency > 0) and every prefix of them (frequency 0)
    words = frozenset(w for w, freq in frequencies.items() if freq and 2 <= len(w) <= MAX_WORD and is_han(w))
    prefixes = frozenset(w for w in frequencies if 2 <= len(w) <= MAX_WORD and is_han(w))
    return words, prefixes


def jieba_dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """(words of 2–12 Han characters, every Han prefix of 2–12 characters of a dictionary word)."""
    cache = _cache_file()
    try:
        with cache.open("rb") as file:
            words, prefixes = pickle.load(file)  # noqa: S301 - our own file, written below
        return words, prefixes
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    found = _from_jieba()
    partial = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        with partial.open("wb") as file:
            pickle.dump(found, file, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache)
    except OSError:
        partial.unlink(missing_ok=True)  # a read-only temp folder only costs the time
    return found
