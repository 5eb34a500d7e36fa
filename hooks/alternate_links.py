"""Absolute hreflang links in every page's head.

Material writes the language alternates relative to the page (good for the switcher, which must
work on localhost and on forks) but search engines want absolute URLs there, so the head's copy
is rewritten against the page's canonical URL once the page is rendered.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def absolute_alternates(html: str, page_url: str) -> str:
    """Make each head alternate link absolute, resolved against the page's own URL."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    head = HEAD_ALTERNATE.sub(
        lambda m: f'<link rel="alternate" href="{urljoin(page_url, m[1])}" hreflang="{m[2]}">',
        html[:head_end],
    )
    return head + html[head_end:]


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    if not page.canonical_url:
        return output
    return absolute_alternates(output, page.canonical_url)
