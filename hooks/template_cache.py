"""Every language build's theme environment shares one cache of compiled templates
(lib/template_cache.py says why): the second and third languages skip Jinja's parse and compile."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from lib.template_cache import THEME_TEMPLATES


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
    env.bytecode_cache = THEME_TEMPLATES
