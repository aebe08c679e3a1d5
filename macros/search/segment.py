"""Split Chinese text into search words, the same way at build time and in the browser.

The JavaScript twin is ``segment`` in docs/assets/javascripts/search/engine.js; both
implement the algorithm below and a browser test checks that they agree.

- Text is normalised (NFKC, lower case, no zero-width spaces) and cut into runs of Han
  characters and runs of ASCII letters and digits; everything else separates words.
- A Han run is split by dynamic programming over a vocabulary: the cheapest cover where
  a site word (title, alias, thesaurus word) costs 9, any other known word 10 and a
  character not covered by a word 15. Site words therefore stay whole (首期款, 项目建议书).
- Characters left uncovered become overlapping two-character pieces (回微信 → 回微, 微信),
  never single characters; a lone uncovered character is dropped (了, 吗, 说), and so is
  a piece with a function character in it (前要, 不回): those match everywhere.
- ``parts`` gives the known shorter words inside a long word (首次拜访开场白 → 首次, 拜访,
  开场, 开场白), so that a query can match part of a title, alias or question.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Container, Iterator
from dataclasses import dataclass

SITE_COST, WORD_COST, CHAR_COST = 9, 10, 15
MAX_WORD = 12
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Characters that carry grammar, not a topic. The browser gets this string in the index.
FUNCTION_CHARS = (
    "的了吗呢啊吧呀是要我你他她它们在有就都还也和与或及对把被给让向从到说会能该得地着过这那哪么什怎样不没很太再又才已个一"
)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u200b", "").lower()


def is_han(word: str) -> bool:
    return bool(_HAN.match(word))


@dataclass(frozen=True)
class Token:
    text: str
    piece: bool = False  # a two-character piece of an unknown stretch, not a known word


class Segmenter:
    def __init__(
        self, vocabulary: Collection[str], site_words: Collection[str] = (), prefixes: Container[str] | None = None
    ) -> None:
        """``prefixes``, if given, holds every prefix of two or more characters of every word of
        ``vocabulary`` (jieba's dictionary stores them beside its words); otherwise they are found
        here. Either way the prefixes of site words are added."""
        self.site = set(site_words)
        self.vocabulary = set(vocabulary) | self.site
        self.longest = min(MAX_WORD, max((len(word) for word in self.vocabulary), default=2))
        # The split tries longer words at a position only while the text so far begins some word.
        own = self.site if prefixes is not None else self.vocabulary
        self._own_prefixes = {word[:end] for word in own for end in range(2, min(len(word), MAX_WORD) + 1)}
        self._prefixes = prefixes if prefixes is not None else self._own_prefixes
        # A site's text repeats itself (headings, labels, link titles): each distinct run of Han
        # characters is split once, and each word's parts are found once, per build.
        self._splits: dict[str, list[Token]] = {}
        self._parts: dict[str, tuple[str, ...]] = {}

    def known(self, word: str) -> bool:
        return word in self.vocabulary

    def tokens(self, text: str) -> list[Token]:
        result: list[Token] = []
        for match in _RUN.finditer(normalise(text)):
            run = match.group()
            if is_han(run):
                split = self._splits.get(run)
                if split is None:
                    split = self._splits[run] = self._han(run)
                result.extend(split)
            else:
                result.append(Token(run))
        return result

    def words(self, text: str) -> list[str]:
        return [token.text for token in self.tokens(text)]

    def parts(self, word: str) -> Iterator[str]:
        """Known words of two or more characters strictly inside ``word``."""
        if len(word) < 3 or not is_han(word):
            return iter(())
        found = self._parts.get(word)
        if found is None:
            seen: dict[str, None] = {}
            for size in range(len(word) - 1, 1, -1):
                for start in range(len(word) - size + 1):
                    part = word[start : start + size]
                    if part in self.vocabulary:
                        seen.setdefault(part, None)
            found = self._parts[word] = tuple(seen)
        return iter(found)

    def _han(self, run: str) -> list[Token]:
        size = len(run)
        vocabulary, site, prefixes, own = self.vocabulary, self.site, self._prefixes, self._own_prefixes
        # costs[i], lengths[i]: the cost of the cheapest split of run[i:] and the length of its first piece.
        costs, lengths = [0] * (size + 1), [0] * (size + 1)
        for start in range(size - 1, -1, -1):
            best, best_length = costs[start + 1] + CHAR_COST, 1
            # Shorter words first, stopping where no word goes on; on equal cost the longest word wins.
            for end in range(start + 2, start + min(self.longest, size - start) + 1):
                word = run[start:end]
                if word not in prefixes and word not in own:
                    break
                if word in vocabulary:
                    cost = costs[end] + (SITE_COST if word in site else WORD_COST)
                    if cost < best or (cost == best and best_length > 1):
                        best, best_length = cost, end - start
            costs[start], lengths[start] = best, best_length
        tokens: list[Token] = []
        loose = ""
        start = 0
        while start < size:
            length = lengths[start]
            if length == 1:
                loose += run[start]
            else:
                if loose:
                    tokens.extend(_pieces(loose))
                    loose = ""
                tokens.append(Token(run[start : start + length]))
            start += length
        if loose:
            tokens.extend(_pieces(loose))
        return tokens


def _pieces(loose: str) -> list[Token]:
    pairs = (loose[i : i + 2] for i in range(len(loose) - 1))
    return [Token(pair, piece=True) for pair in pairs if pair[0] not in _FUNCTION and pair[1] not in _FUNCTION]


_FUNCTION = set(FUNCTION_CHARS)
