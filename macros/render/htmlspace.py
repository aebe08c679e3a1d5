"""Drop the blank lines and indentation the theme's templates leave between tags.

Material's nav and header templates emit mostly whitespace (31 kB of a 62 kB page). Runs of
whitespace with a line break, between two tags or inside a text, become one line break, which
renders the same; <pre>, <textarea> and <code> (whitespace is content), <script> and <style>
are left alone.
"""

from __future__ import annotations

import re

# <pre>, <textarea>, <code> (where whitespace is content) and <script>, <style> (where a line break
# can end a comment) are matched whole and kept; otherwise any whitespace run with a line break,
# between tags or inside text (Material's nav labels are "\n    \n  首页\n  \n"), which renders
# as the one space it already was.
_KEPT = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1>", re.S | re.I)
_SPACE = re.compile(r"[ \t\r\f]*\n\s*")


def collapse(html: str) -> str:
    # Kept blocks are found first and the whitespace between them collapsed with a plain pattern:
    # one pattern with both alternatives tried the block names at every character.
    out, last = [], 0
    for kept in _KEPT.finditer(html):
        out += (_SPACE.sub("\n", html[last : kept.start()]), kept.group())
        last = kept.end()
    out.append(_SPACE.sub("\n", html[last:]))
    return "".join(out)
