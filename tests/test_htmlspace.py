from macros.render.htmlspace import collapse


def test_blank_runs_between_tags_become_one_line_break() -> None:
    assert collapse("<li>\n    \n      <a>x</a>\n\n  </li>") == "<li>\n<a>x</a>\n</li>"


def test_whitespace_inside_text_and_pre_is_kept() -> None:
    html = "<p>a  b</p>\n  <pre>\n  code\n\n  </pre>\n  <textarea>\n  x\n</textarea>"
    assert collapse(html) == "<p>a  b</p>\n<pre>\n  code\n\n  </pre>\n<textarea>\n  x\n</textarea>"
