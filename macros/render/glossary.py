"""Glossary terms in running text: the first mention on a page shows its definition in place."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape
from pypinyin import lazy_pinyin

from macros.load import models


def pinyin_key(text: str) -> str:
    return " ".join(lazy_pinyin(text)).lower()


def initial(term: models.Item) -> str:
    """The index letter of an item: the first letter of its title's pinyin (A–Z), or # for others."""
    first = pinyin_key(term.title)[:1].upper()
    return first if "A" <= first <= "Z" else "#"


class Glossary:
    def __init__(self, terms: list[models.Term]) -> None:
        self.by_label: dict[str, models.Term] = {}
        for term in terms:
            for label in (term.title, *term.aliases):
                # Very short labels (one character) would mark ordinary words.
                if len(label) >= 2:
                    self.by_label.setdefault(label, term)
        labels = sorted(self.by_label, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(label) for label in labels)) if labels else None

    def sorted_terms(self, terms: list[models.Term]) -> list[models.Term]:
        return sorted(terms, key=lambda term: pinyin_key(term.title))

    def annotate(self, text: str, seen: set[str], href: Callable[[str], str]) -> Markup:
        """Escape ``text`` and mark each term's first mention (per ``seen``) with its definition."""
        if self._pattern is None:
            return escape(text)
        parts: list[str] = []
        last = 0
        for match in self._pattern.finditer(text):
            term = self.by_label[match.group(0)]
            if term.id in seen:
                continue
            seen.add(term.id)
            parts.append(escape(text[last : match.start()]))
            parts.append(
                Markup('<a class="pb-term" href="{}" title="{}">{}</a>').format(
                    href(term.id), term.definition, match.group(0)
                )
            )
            last = match.end()
        parts.append(escape(text[last:]))
        return Markup("").join(parts)
