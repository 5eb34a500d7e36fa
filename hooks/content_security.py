"""One fixed Content-Security-Policy in the head of every HTML page the site writes.

The policy is decided before any page exists and never looks at a page's text: scripts, styles,
fonts, images, the manifest, the search worker and its index all come from the site itself, and
no inline script may run, so nothing that reaches a page from Markdown, front matter or data can
run wherever it lands. The theme's own inline scripts were moved into
overrides/assets/javascripts/guide-*.js (see overrides/main.html and
overrides/partials/javascripts/); `<script id="__config" type="application/json">` is data, and
the browser does not run it.

The meta tag goes right after `<meta charset="utf-8">`, before anything it governs; a page
without that anchor in its head fails the build. Pages and static templates (the 404 pages) get
it as they are rendered, and any other HTML file in the site (an .html file copied from docs/)
when the build ends.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from lib.site_languages import is_final_build

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
CHARSET = '<meta charset="utf-8">'
# What a policy only governs when it comes first.
GOVERNED = re.compile(r"<(?:script|link|style|base)\b", re.I)


class PolicyError(PluginError):
    """A page the policy cannot be put in front of."""


def has_policy(html: str) -> bool:
    """The policy sits right after the first charset tag (as add_policy puts it)."""
    at = html.find(CHARSET)
    return at >= 0 and html.startswith(META, at + len(CHARSET))


def add_policy(html: str, where: str) -> str:
    """Insert the policy right after the head's charset tag; `where` names the page in errors."""
    if has_policy(html):
        return html
    at = html.find(CHARSET)
    head_end = html.find("</head>")
    if at < 0 or 0 <= head_end < at:
        raise PolicyError(
            f"{where}: no {CHARSET} in the page's <head> to put the Content-Security-Policy "
            f"after: start the template's <head> with {CHARSET}."
        )
    at += len(CHARSET)
    governed = GOVERNED.search(html, 0, at)
    if governed:
        raise PolicyError(
            f"{where}: {governed[0]}…> comes before {CHARSET}, so the Content-Security-Policy "
            f"would not govern it: put {CHARSET} first in the <head>."
        )
    return html[:at] + META + html[at:]


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return add_policy(output, page.file.src_uri)


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    return add_policy(output, template_name) if template_name.endswith(".html") else output


@event_priority(-240)  # once all is built, before offline_reading (-250) hashes every file
def on_post_build(*, config: MkDocsConfig) -> None:
    """HTML that no page or template event saw (static .html files, pages a hook wrote) gets
    the policy too: one pass over the finished site, not one per language build."""
    if is_final_build(config):
        add_policy_to_site(Path(config.site_dir))


def add_policy_to_site(site: Path) -> None:
    """The policy in every HTML file under `site` that lacks it."""
    for path in sorted(site.rglob("*.html")):
        where = path.relative_to(site).as_posix()
        try:
            html = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise PolicyError(f"{where}: not UTF-8: save it as UTF-8 with {CHARSET}.") from None
        if not has_policy(html):
            path.write_bytes(add_policy(html, where).encode("utf-8"))
