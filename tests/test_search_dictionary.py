import pickle
from pathlib import Path

import jieba
import pytest

from macros.search import dictionary


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(dictionary.tempfile, "gettempdir", lambda: str(tmp_path))
    return tmp_path


def test_the_cached_dictionary_is_jiebas(cache_dir: Path) -> None:
    words, prefixes = dictionary.jieba_dictionary()
    jieba.dt.check_initialized()
    assert words == {w for w, f in jieba.dt.FREQ.items() if f and 2 <= len(w) <= 12 and dictionary.is_han(w)}
    assert "客户" in words and "销售" in words
    assert all(word[:end] in prefixes for word in ("中华人民共和国", "客户关系") for end in range(2, len(word) + 1))
    assert len(list(cache_dir.glob("playbook-jieba-*.pickle"))) == 1


def test_a_second_build_reads_the_cache_and_a_damaged_cache_is_rebuilt(cache_dir: Path) -> None:
    first = dictionary.jieba_dictionary()
    cache = next(cache_dir.glob("playbook-jieba-*.pickle"))
    cache.write_bytes(pickle.dumps((frozenset({"只在缓存里"}), frozenset())))
    assert dictionary.jieba_dictionary()[0] == {"只在缓存里"}  # read from the file, not from jieba
    cache.write_bytes(b"\x80garbage")
    assert dictionary.jieba_dictionary() == first
    assert pickle.loads(cache.read_bytes()) == first
