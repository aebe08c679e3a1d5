"""What the site shows of freshness: the line on every page, the two maintenance pages, the browser data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from macros.render.markdown import Renderer
from macros.render.pages import GeneratedPage
from macros.render.pages import _front_matter as front_matter
from macros.resolve import urls
from macros.resolve.changelog import STATUS_LABELS, Changelog
from macros.resolve.freshness import Freshness
from macros.resolve.playbook import Playbook
from macros.resolve.review import REVIEW_SRC, owner_starts, review_pages

CHANGELOG_SRC = "guide/changelog.md"
WINDOW_DAYS = 180  # the browser hears about changes this far back from the newest one
TITLED = 10  # the home page's list of what is new since the last visit


def epoch(when: datetime | None) -> int | None:
    return int(when.timestamp()) if when else None


def maintenance_pages(fresh: Freshness | None = None) -> list[GeneratedPage]:
    """更新记录, and the review report: an index and a page per part (resolve/review.review_pages)."""
    changelog = {"title": "更新记录", "search": {"exclude": True}}
    review = {"title": "维护 · 审核报告", "search": {"exclude": True}}
    pages = [
        GeneratedPage(CHANGELOG_SRC, front_matter(changelog) + "{{ render_fragment('changelog') }}\n"),
        GeneratedPage(REVIEW_SRC, front_matter(review) + "{{ render_fragment('review') }}\n", in_nav=False),
    ]
    for part in review_pages(fresh.report()) if fresh else []:
        meta = {"title": f"维护 · 审核报告：{part.label}", "search": {"exclude": True}}
        body = f"{{{{ render_fragment('review-part', src={part.src!r}) }}}}\n"
        pages.append(GeneratedPage(part.src, front_matter(meta) + body, in_nav=False))
    return pages


def with_freshness(html: str, src: str, page_url: str, fresh: Freshness, renderer: Renderer) -> str:
    """The finished page with its 最后更新 / 最后审核 line under the title.

    Added to the written page, after the search plugin has indexed the content: every page
    saying 最后审核 would otherwise match a search for 审核.
    """
    known = fresh.page(src)
    if known is None:
        return html
    when, item_id = known
    state = fresh.statuses.get(item_id) if item_id else None
    line = renderer.fragment(
        "freshness.md.j2", page_url, when=when, epoch=epoch(when), state=state, item_id=item_id,
        history=fresh.history, today=fresh.today,
    )  # fmt: skip
    # After the page title (Material writes it for generated pages) inside the article.
    article = html.find('class="md-content__inner')
    if article < 0:
        return html
    start = html.index(">", article) + 1
    heading = html.find("</h1>", start)
    at = heading + len("</h1>") if heading >= 0 else start
    return html[:at] + "\n" + line + html[at:]


def updates_data(playbook: Playbook, fresh: Freshness) -> dict[str, Any]:
    """For the browser: which pages changed when (epoch seconds), grouped by time, recent ones only.

    Pages are named without ".html"; only the newest ones carry a title (the home page lists
    at most that many, always the newest), which keeps the file small at 10× the content.
    """
    dated = sorted(((epoch(when), item_id) for item_id, when in fresh.updated.items() if when), reverse=True)
    newest = dated[0][0] if dated else 0
    since = newest - WINDOW_DAYS * 86400
    by_time: dict[int, list[str]] = {}
    titles: dict[str, str] = {}
    for stamp, item_id in dated:
        if stamp is None or stamp < since:
            break
        page = urls.page_url(urls.src_path(playbook.kind_of(item_id), item_id)).removesuffix(".html")
        by_time.setdefault(stamp, []).append(page)
        if len(titles) < TITLED:
            titles[page] = playbook.get(item_id).title
    return {
        "complete": fresh.history.available,
        "since": since if dated else None,
        "changes": [[stamp, pages] for stamp, pages in by_time.items()],
        "titles": titles,
    }


def check_change(fresh: Freshness | None, checklist_id: str, item_id: str) -> tuple[int | None, int | None]:
    """(added, changed) epoch seconds of one checklist item, when they came after its checklist."""
    if fresh is None:
        return None, None
    added, changed = fresh.check_items.get(checklist_id, {}).get(item_id, (None, None))
    return epoch(added), epoch(changed)


def template_globals(fresh: Freshness, changelog: Changelog | None) -> dict[str, Any]:
    def version_date(item_id: str) -> str | None:
        when = fresh.updated.get(item_id)
        return when.date().isoformat() if when else None

    parts = review_pages(fresh.report())
    return {
        "review_pages": lambda: parts,
        "review_starts": lambda part: owner_starts(parts, part),
        "fresh": fresh,
        "changelog": changelog,
        "labels": STATUS_LABELS,
        "check_change": lambda checklist_id, item_id: check_change(fresh, checklist_id, item_id),
        "version_date": version_date,
    }
