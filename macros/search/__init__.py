"""Site search we own: a query segmenter, a sales thesaurus, an index built at build time.

The browser side (docs/assets/javascripts/search/) speaks Material's search worker
protocol, so Material's search box, keyboard handling and result list stay as they are.
"""
