"""Content text is text: every text field × every payload is refused with file:line or built as text."""

from __future__ import annotations

import re

import pytest

from macros.errors import field_name

from . import payloads
from .conftest import PayloadSite

# The one event handler our own templates write (the print buttons of course outputs).
OUR_HANDLERS = {"<button onclick='window.print()'>"}


def test_the_corpus_tries_every_text_field_of_every_model() -> None:
    tried = {(outcome.slot.model, outcome.slot.name) for outcome in payloads.corpus()}
    missing = payloads.every_text_field() - tried
    assert not missing, f"no fixture file has these fields: add them to AUGMENT in tests/payloads.py: {missing}"


def test_no_payload_crashes_the_loader_or_blames_another_file() -> None:
    problems = [f"{o.slot.file} {field_name(o.slot.path)} × {o.payload}: {o.problem}" for o in payloads.corpus()]
    assert [problem for problem in problems if not problem.endswith(": ")] == []


@pytest.mark.parametrize("payload", [*payloads.MUST_REJECT, payloads.TOO_LONG])
def test_markup_templates_and_overlong_text_are_refused_in_every_field(payload: str) -> None:
    outcomes = [outcome for outcome in payloads.corpus() if outcome.payload == payload]
    assert len(outcomes) == len({outcome.slot for outcome in payloads.corpus()})
    for outcome in outcomes:
        where = f"content/{outcome.slot.file}:"
        field = field_name(outcome.slot.path)
        assert outcome.errors, f"{outcome.slot.file} {field} accepted {payload!r}"
        # One error, on the field that holds the payload, at its line.
        assert len(outcome.errors) == 1, outcome.errors
        assert re.match(rf"{re.escape(where)}\d+: {re.escape(field)}: ", outcome.errors[0]), outcome.errors


def test_text_payloads_are_accepted_where_they_are_plain_text() -> None:
    accepted = [o for o in payloads.corpus() if o.payload in payloads.MAY_ACCEPT and o.accepted]
    # Only a letter's {slot} syntax (the attr-list payloads) may turn them away.
    tried = [o for o in payloads.corpus() if o.payload in payloads.MAY_ACCEPT]
    refused = {(o.slot.name, o.payload) for o in tried if not o.accepted}
    assert {name for name, _payload in refused} <= {"letter"}, refused
    assert len(accepted) > 1000


def test_accepted_payloads_build_and_nothing_in_the_output_runs(payload_sites: list[PayloadSite]) -> None:
    assert len(payload_sites) == len(payloads.BUNDLES) + 1
    for built in payload_sites:
        assert built.fields > 150, built.bundle
        # What a whole-content check refused (an owner not in owners.yml) says where, once.
        assert all(re.match(r"content/\S+\.yml:\d+: ", error) for error in built.refused), built.refused
        found = payloads.executable_markup(built.site.folder)
        found = [what for what in found if what.split(": ", 1)[1] not in OUR_HANDLERS]
        assert found == [], (built.bundle, found[:20])


def test_titles_and_descriptions_reach_the_page_escaped(payload_sites: list[PayloadSite]) -> None:
    attributes = next(built for built in payload_sites if built.bundle == "bundle: attributes")
    html = (attributes.site.folder / "glossary" / "term-first-payment.html").read_text("utf-8")
    assert '<meta name="description" content="&#34; onmouseover=&#34;alert(1)&#34;' in html
    assert "<h1>&#34; onmouseover=&#34;alert(1)&#34;" in html
    # The navigation of another page names the stage as a section, escaped.
    other = (attributes.site.folder / "techniques" / "tech-phone.html").read_text("utf-8")
    assert "&#34; onmouseover=&#34;alert(1)&#34;" in other
    assert '" onmouseover="' not in other
