"""Link previews and the share control: what WhatsApp, Telegram or Facebook show for a link to a
page, and the view overrides/partials/share.html prints under each article.

Every page gets Open Graph and Twitter tags (overrides/partials/share-meta.html): its title and
description, its absolute address (site_url, which SITE_URL overrides), `og:locale` for the
language being built with the other languages as alternates, the site name in that language, and a
1200×630 preview image with the page's title in its own script (lib/share_image.py draws it,
lib/share_cards.py keeps it).

Images are made once: each is named by a digest of its text, the font files and the drawing code,
and kept in .cache/share-images/ between builds, so a rebuild (or `mkdocs serve`) only links or
copies them into the site. A full build forgets cached images no page used. The build fails,
naming the Debian package, when the fonts or the shaping library are missing: a preview with
unshaped Hindi or Bengali, or no preview, is never published silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from lib.pages import add_to_context, project_root
from lib.share_cards import (
    HEIGHT,
    WIDTH,
    Card,
    CardCache,
    ShareImageError,
    find_fonts,
    place,
)
from lib.site_languages import (
    configured_languages,
    current_language,
    default_language,
    is_final_build,
    is_partial_build,
)

# og:locale of each language: the audience's country (Hindi and English in India, Bengali in
# Bangladesh), as the issue sets them.
OG_LOCALES = {"en": "en_IN", "hi": "hi_IN", "bn": "bn_BD"}
IMAGE_FOLDER = "assets/share"  # in the site; the offline download leaves it out
CACHE_FOLDER = ".cache/share-images"  # in the project, kept between builds
WHATSAPP = "https://wa.me/?text="

_caches: dict[Path, CardCache] = {}
_used: set[str] = set()


def card_cache(config: MkDocsConfig) -> CardCache:
    """One cache per project: fonts found and hashed once per process."""
    root = project_root(config)
    if root not in _caches:
        try:
            _caches[root] = CardCache(root / CACHE_FOLDER, find_fonts())
        except ShareImageError as error:
            raise PluginError(str(error)) from None
    return _caches[root]


def og_locale(language: str) -> str:
    try:
        return OG_LOCALES[language]
    except KeyError:
        raise PluginError(
            f"hooks/sharing.py: no og:locale for the language {language!r}: add it to OG_LOCALES"
        ) from None


def whatsapp_link(text: str, url: str) -> str:
    """wa.me opens WhatsApp with the message filled in; the reader picks the chat."""
    return WHATSAPP + quote(f"{text} {url}", safe="")


def share_view(
    *,
    title: str,
    image_title: str,
    description: str,
    url: str,
    image_url: str,
    language: str,
    languages: list[str],
    site_name: str,
    is_homepage: bool,
) -> dict[str, Any]:
    """What the templates print (always through `| e`): plain text and absolute URLs."""
    return {
        "title": title,
        "description": description,
        "url": url,
        "type": "website" if is_homepage else "article",
        "locale": og_locale(language),
        "alternates": [og_locale(other) for other in languages if other != language],
        "site_name": site_name,
        "image": image_url,
        "image_width": WIDTH,
        "image_height": HEIGHT,
        "image_alt": image_title,
        "whatsapp": whatsapp_link(title, url),
    }


def is_home(url: str, languages: list[str]) -> bool:
    """A language's home page ("", "hi/", "bn/"): MkDocs only counts the first as its homepage."""
    return url.strip("/") in ("", *languages)


def _plain(value: Any) -> str:
    """Front matter text as plain text (an escaped Markup copy is turned back)."""
    return value.unescape() if isinstance(value, Markup) else str(value or "")


def on_config(config: MkDocsConfig, /) -> None:
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url is empty: link previews need absolute addresses; set site_url "
            "or the SITE_URL environment variable"
        )
    card_cache(config)  # fail now, naming the missing package, not halfway through the pages


def on_pre_build(*, config: MkDocsConfig) -> None:
    if current_language(config) == default_language(config):
        _used.clear()  # the first language of a build


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """The page's link preview: its tags and its card (front matter is escaped Markup by now:
    hooks/front_matter.py)."""
    site_name = config.site_name
    # page.title is HTML (MkDocs takes it from the rendered heading): as text, like Material's
    # `striptags` in the <title>
    title = Markup(page.title or site_name).striptags()
    description = _plain(page.meta.get("description") or config.site_description)
    home = is_home(page.url, configured_languages(config))
    card = Card(title=title, site_name=site_name)
    try:
        digest, cached = card_cache(config).image(card)
    except ShareImageError as error:
        raise PluginError(str(error)) from None
    _used.add(digest)
    place(cached, Path(config.site_dir) / IMAGE_FOLDER / f"{digest}.jpg")
    site_url = config.site_url or ""
    return add_to_context(
        context,
        share=share_view(
            title=site_name if home else title,
            image_title=title,
            description=description,
            url=page.canonical_url or urljoin(site_url, page.url),
            image_url=urljoin(site_url, f"{IMAGE_FOLDER}/{digest}.jpg"),
            language=current_language(config),
            languages=configured_languages(config),
            site_name=site_name,
            is_homepage=home,
        ),
    )


@event_priority(-300)  # once every language is built
def on_post_build(*, config: MkDocsConfig) -> None:
    """A full build forgets cached images that no page used (changed titles, old fonts)."""
    if not is_final_build(config) or is_partial_build(config) or not _used:
        return
    for path in card_cache(config).folder.glob("*.jpg"):
        if path.stem not in _used:
            path.unlink(missing_ok=True)
