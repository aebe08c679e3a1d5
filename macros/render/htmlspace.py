"""Drop the blank lines and indentation the theme's templates leave between tags.

Material's nav and header templates emit mostly whitespace (31 kB of a 62 kB page). Runs of
whitespace between two tags become one line break, which renders the same; <pre> and
<textarea>, where whitespace is content, are left alone.
"""

from __future__ import annotations

import re

# A <pre> or <textarea> element is matched whole (and kept); otherwise a whitespace run between tags.
_SPACE = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)|(?<=>)\s*\n\s*(?=<)", re.S | re.I)


def collapse(html: str) -> str:
    return _SPACE.sub(lambda match: match.group(1) or "\n", html)
