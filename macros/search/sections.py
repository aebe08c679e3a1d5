"""Material's search plugin, left to collect each page's sections but not to segment them.

Material's plugin parses every page into sections (title, anchor, text), which our index
(:mod:`.build`) reads from its ``search_index.json``. When jieba is installed, Material also
runs jieba over every run of Han characters, putting zero-width spaces between the words for
its lunr index. Our index does not use them: it strips them and segments the text with its own
segmenter, and Material's index on the site is replaced by a stub. That jieba pass was the
largest single cost of a build (2–3 s of 10 at 1×), so it is skipped; the text collected is
the same, without the spaces.
"""

from __future__ import annotations

from mkdocs.plugins import PluginCollection

try:
    from material.plugins.search.plugin import SearchIndex, SearchPlugin
except ImportError:  # an older or different theme: nothing to adjust
    SearchIndex = SearchPlugin = None  # type: ignore[assignment,misc]


if SearchIndex is not None:

    class SectionIndex(SearchIndex):  # type: ignore[misc,valid-type]
        """Material's index, each section's text kept as it is on the page."""

        def _segment_chinese(self, data: str) -> str:
            return data


def collect_unsegmented(plugins: PluginCollection) -> None:
    """Give Material's search plugin (after its on_config) an index that does not segment."""
    plugin = plugins.get("material/search")
    if SearchPlugin is None or not isinstance(plugin, SearchPlugin):
        return
    if type(getattr(plugin, "search_index", None)) is SearchIndex:
        plugin.search_index = SectionIndex(**plugin.config)
