"""Render: Markdown pages, navigation and browser data, through the Jinja templates in templates/."""
