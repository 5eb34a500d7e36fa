"""A Content-Security-Policy in every page's head that the site fully passes.

Scripts, styles, fonts, images, the search worker and its index all come from the site itself.
The theme's inline scripts are allowed by their SHA-256 hashes, so no 'unsafe-inline' is needed;
scripts inside the page's article (written in Markdown or coming from data) are never hashed,
so they cannot run.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig

ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
NON_JS_TYPES = ("application/json", "application/ld+json", "text/template")
CHARSET = '<meta charset="utf-8">'


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for each distinct inline script that the browser will run."""
    hashes = []
    for attributes, body in INLINE_SCRIPT.findall(ARTICLE.sub("", html)):
        if any(kind in attributes for kind in NON_JS_TYPES):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes(html)),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_policy(html: str) -> str:
    """Insert the meta tag right after the charset, before anything it governs."""
    if CHARSET not in html or "Content-Security-Policy" in html:
        return html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(CHARSET, CHARSET + tag, 1)


def on_post_page(output: str, /, *, page, config: MkDocsConfig) -> str:
    return add_policy(output)


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    return add_policy(output) if template_name.endswith(".html") else output
