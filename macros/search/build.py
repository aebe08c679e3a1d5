"""The search index, built in Python at build time from the pages Material's search plugin saw.

Material's plugin still collects each page's sections (title, anchor, text); this module
re-segments them with :mod:`.segment`, scores every word of every page once (a BM25 variant
over the fields title, aliases, questions, headings and body) and writes:

- ``search/pb-index.js``: vocabulary, thesaurus, weak words, question forms, one record per
  page and, per word, its pages with their scores (a compact string, decoded only when a
  query uses the word); the same JSON gzipped as ``search/pb-index.json.gz`` for the worker;
- ``search/text/<n>.js``: the sentences of page n, loaded for the top results only, to show
  the sentence that answers the query;
- a stub ``search/search_index.json`` (and ``.js`` for file://) that Material's UI reads at
  page load, so that a visitor who never searches downloads a few hundred bytes.
"""

from __future__ import annotations

import gzip
import html
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from macros.resolve.playbook import Playbook
from macros.resolve.urls import item_src, page_url
from macros.search.counting import count_all
from macros.search.dictionary import jieba_dictionary
from macros.search.segment import FUNCTION_CHARS, Segmenter, normalise
from macros.search.thesaurus import Thesaurus
from macros.search.vocabulary import words as site_titles
from macros.search.words import INTENTS, WEAK, cue_words

# How much a word counts in each field of a page, before saturation.
FIELD_WEIGHT = {"title": 10.0, "alias": 7.0, "question": 4.0, "heading": 2.0, "body": 1.0}
PART_WEIGHT = 0.5  # a shorter word inside a longer one (拜访 in 首次拜访开场白)
SATURATION = 6.0  # BM25 k: the tenth mention of a word adds little
BODY_B = 0.75  # BM25 b: long pages do not win by length alone
LINK_LISTS = ("#related", "#backlinks")  # sections that only repeat other pages' titles
_SENTENCE_END = re.compile(r"(?<=[。！？；])|\n+")
_BLOCK_END = re.compile(r"</(p|li|h\d|tr|td|th|div|dd|dt|blockquote)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")
# A mnemonic written as single characters (稳、问、动、传、换): indexed as one word too.
_MNEMONIC = re.compile(r"[\u4e00-\u9fff](?:[、·・][\u4e00-\u9fff]){2,}(?![\u4e00-\u9fff])")


@dataclass
class Page:
    url: str
    title: str
    boost: float
    kind: str = ""
    summary: str = ""
    aliases: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    sections: list[tuple[str, str, list[str]]] = field(default_factory=list)  # anchor, heading, sentences
    see: list[str] = field(default_factory=list)  # a glossary term: the URLs of the pages that explain it


def plain(markup: str) -> str:
    text = _BLOCK_END.sub("\n", markup.replace("\u200b", ""))
    return html.unescape(_TAG.sub("", text))


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def pages_of(index: dict, playbook: Playbook) -> list[Page]:
    """One :class:`Page` per page in Material's index, link lists dropped, items' fields added."""
    items = {page_url(item_src(entry.kind.name, item_id)): entry for item_id, entry in playbook.entries.items()}
    pages: dict[str, Page] = {}
    for doc in index["docs"]:
        location = doc["location"]
        if location.endswith(LINK_LISTS):
            continue
        url, _, anchor = location.partition("#")
        title = plain(doc.get("title", "")).strip()
        page = pages.get(url)
        if page is None:
            page = pages[url] = Page(url, title if not anchor else "", float(doc.get("boost", 1.0)))
            entry = items.get(url)
            if entry is not None:
                page.title = entry.item.title
                page.kind = entry.kind.name
                page.summary = entry.item.summary
                page.aliases = list(entry.item.aliases)
                page.questions = list(entry.item.questions)
                see = getattr(entry.item, "see", [])
                page.see = [page_url(item_src(playbook.kind_of(ref).name, ref)) for ref in see]
        if not anchor and not page.title:
            page.title = title
        page.sections.append((anchor, title if anchor else "", sentences(plain(doc.get("text", "")))))
    return list(pages.values())


def mnemonics(text: str) -> list[str]:
    return [re.sub("[、·・]", "", found) for found in _MNEMONIC.findall(text)]


def site_words(playbook: Playbook, thesaurus: Thesaurus) -> set[str]:
    found = {normalise(word) for word in site_titles(playbook)}
    found |= set(thesaurus.words()) | {word for word in WEAK if len(word) >= 2} | set(cue_words())
    return found


def _fields(page: Page) -> dict[str, list[str]]:
    body = [sentence for _, _, lines in page.sections for sentence in lines]
    return {
        "title": [page.title, *mnemonics(page.title)],
        "alias": page.aliases,
        "question": page.questions,
        "heading": [heading for _, heading, _ in page.sections if heading],
        "body": body + [word for sentence in body for word in mnemonics(sentence)],
    }


def _counts(segmenter: Segmenter, texts: list[str]) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    length = 0
    for text in texts:
        for word in segmenter.words(text):
            counts[word] += 1
            length += 1
            for part in segmenter.parts(word):
                counts[part] += PART_WEIGHT
    return counts, length


def _count_page(segmenter: Segmenter, page: Page) -> tuple[dict[str, Counter[str]], int]:
    """A page's word counts per field, and its body's length in words."""
    counted, body_length = {}, 0
    for name, texts in _fields(page).items():
        counted[name], length = _counts(segmenter, texts)
        if name == "body":
            body_length = length
    return counted, body_length


def score_pages(pages: list[Page], segmenter: Segmenter) -> dict[str, dict[int, int]]:
    """word → {page number: score × 100}."""
    counted_pages = count_all(pages, segmenter, _count_page)
    per_page = [counted for counted, _ in counted_pages]
    body_lengths = [length for _, length in counted_pages]
    average = max(1.0, sum(body_lengths) / max(1, len(body_lengths)))
    document_frequency: Counter[str] = Counter()
    for counted in per_page:
        document_frequency.update({word for counts in counted.values() for word in counts})
    total = len(pages)
    scores: dict[str, dict[int, int]] = defaultdict(dict)
    for number, counted in enumerate(per_page):
        norm = 1 - BODY_B + BODY_B * body_lengths[number] / average
        weighted: Counter[str] = Counter()
        for name, counts in counted.items():
            for word, count in counts.items():
                weighted[word] += FIELD_WEIGHT[name] * (count / norm if name == "body" else min(count, 2))
        for word, value in weighted.items():
            df = document_frequency[word]
            idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
            saturated = value * (SATURATION + 1) / (value + SATURATION)
            scores[word][number] = max(1, round(100 * idf * saturated * pages[number].boost))
    return scores


# Digits of the postings strings: 64 characters JSON and JavaScript need not escape.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"


def _number(number: int) -> str:
    """5 bits per digit, most significant first; a digit of 32 or more says another follows."""
    digits = [DIGITS[number & 31]]
    number >>= 5
    while number:
        digits.append(DIGITS[32 | (number & 31)])
        number >>= 5
    return "".join(reversed(digits))


def encode_postings(postings: dict[int, int]) -> str:
    """``{page: score}`` → the numbers gap, score, gap, score … (pages ascending, each gap from
    the page before), written with :func:`_number` without separators: 2.3 characters a page
    where "gap:score," in base 36 took 5 (engine.js ``postings`` reads them back)."""
    previous = 0
    out = []
    for number in sorted(postings):
        out.append(_number(number - previous) + _number(postings[number]))
        previous = number
    return "".join(out)


def content_key(segmenter: Segmenter, text: str) -> str:
    """The words of ``text`` that carry its topic, joined: how a query matches a name exactly
    once its framing is dropped (ARPU值 → arpu; 异议是啥 → 异议). Empty when a piece is involved."""
    tokens = segmenter.tokens(text)
    if any(token.piece for token in tokens):
        return ""
    return "".join(token.text for token in tokens if token.text not in WEAK)


# Text whose key() in the browser (engine.js: NFKC, lower case, letters and digits only) is
# plain to compute here: CJK ideographs, ASCII, and punctuation that NFKC keeps or maps to
# punctuation. Anything else is left to the browser.
_PLAIN = re.compile(
    r"[\u4e00-\u9fefa-zA-Z0-9 \t\n\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e"
    r"\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
    r"\u3001\u3002\u3008-\u3011\u3014-\u301b\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]*"
)
_NOT_KEPT = re.compile(r"[^\u4e00-\u9fefa-z0-9]+")


def browser_key(text: str) -> str | None:
    """What engine.js's key() makes of ``text``, or None where that is not plain to tell."""
    return _NOT_KEPT.sub("", text.lower()) if _PLAIN.fullmatch(text) else None


def topic_key(segmenter: Segmenter, text: str) -> str:
    """content_key, or "" when it is the name's own key: the browser then has nothing to add
    (and no key to recompute for it)."""
    found = content_key(segmenter, text)
    return "" if found and found == browser_key(text) else found


def build_index(index: dict, playbook: Playbook, thesaurus: Thesaurus) -> tuple[dict, list[list]]:
    """The browser index and, per page, its sections for snippets."""
    pages = pages_of(index, playbook)
    site = site_words(playbook, thesaurus)
    site |= {word for page in pages for texts in _fields(page).values() for text in texts for word in mnemonics(text)}
    # With every prefix of jieba's words the segmenter stops early (macros/search/dictionary.py).
    words, prefixes = jieba_dictionary()
    segmenter = Segmenter(words, site, prefixes=prefixes)
    scores = score_pages(pages, segmenter)
    terms = {word: encode_postings(postings) for word, postings in sorted(scores.items())}
    numbers = {page.url: number for number, page in enumerate(pages)}
    data = {
        "version": 1,
        "site": sorted(site),
        "function": FUNCTION_CHARS,
        "synonyms": thesaurus.groups,
        "weak": [word for word in WEAK if len(word) >= 2],
        "intents": list(INTENTS),
        "docs": [
            [page.url, page.title, page.kind, page.summary, page.aliases, page.questions,
             [numbers[url] for url in page.see if url in numbers], page.boost]
            for page in pages
        ],
        "terms": terms,
        # Per page: the topic words of its title and of each alias, joined (see content_key);
        # "" where they are the whole name, which the browser already matches.
        "keys": [
            [topic_key(segmenter, page.title), [topic_key(segmenter, alias) for alias in page.aliases]]
            for page in pages
        ],
    }
    texts = [[[anchor, heading, lines] for anchor, heading, lines in page.sections] for page in pages]
    return data, texts


def _script(target: str, data: object) -> str:
    """``target=`` newline, the data as one line of JSON, ``;``: a script for file://, JSON for the worker."""
    return f"{target}=\n{json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


def write_site_index(site_dir: Path, playbook: Playbook) -> Path:
    folder = site_dir / "search"
    source = folder / "search_index.json"
    index = json.loads(source.read_text("utf-8"))
    data, texts = build_index(index, playbook, playbook.thesaurus)
    target = folder / "pb-index.js"
    target.write_text(_script("self.PB_SEARCH_INDEX", data), "utf-8")
    # The same JSON gzipped, for the worker: a server that does not compress sends far fewer bytes.
    packed = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    (folder / "pb-index.json.gz").write_bytes(gzip.compress(packed, compresslevel=9, mtime=0))
    text_dir = folder / "text"
    text_dir.mkdir(exist_ok=True)
    for number, sections in enumerate(texts):
        target_name = f"(self.PB_SEARCH_TEXT=self.PB_SEARCH_TEXT||{{}})[{number}]"
        (text_dir / f"{number}.js").write_text(_script(target_name, sections), "utf-8")
    # What Material's UI reads on every page: its config only (the highlighter uses the separator).
    stub = {"config": {**index["config"], "fields": {}}, "docs": []}
    source.write_text(json.dumps(stub, ensure_ascii=False), "utf-8")
    (folder / "search_index.js").write_text(f"var __index = {json.dumps(stub, ensure_ascii=False)};\n", "utf-8")
    return target
