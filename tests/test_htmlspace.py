from macros.render.htmlspace import collapse


def test_blank_runs_between_tags_become_one_line_break() -> None:
    assert collapse("<li>\n    \n      <a>x</a>\n\n  </li>") == "<li>\n<a>x</a>\n</li>"


def test_whitespace_inside_text_and_pre_is_kept() -> None:
    html = "<p>a  b</p>\n  <pre>\n  code\n\n  </pre>\n  <textarea>\n  x\n</textarea>"
    assert collapse(html) == "<p>a  b</p>\n<pre>\n  code\n\n  </pre>\n<textarea>\n  x\n</textarea>"


def test_a_line_break_run_inside_text_becomes_one_line_break() -> None:
    assert collapse("<span>\n    \n  首页\n  \n</span>") == "<span>\n首页\n</span>"


def test_scripts_styles_and_code_keep_their_lines() -> None:
    html = "<script>// a comment\n  var x = 1;</script>\n<style>\n  a { }\n</style><code>a\n   b</code>"
    assert collapse(html) == html
