"""Exports made from the finished site: PDFs printed by Chromium (``python -m macros.exports``).

They read the built site, never the content directly, so a PDF shows exactly what a
reader prints; the content is loaded only to know which pages exist and in what order.
"""
