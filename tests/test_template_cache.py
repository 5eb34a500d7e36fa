"""The compiled-template cache shared by the language builds (hooks/lib/template_cache.py)."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from lib.template_cache import MemoryBytecodeCache


class CountingEnvironment(Environment):
    """An environment that counts the templates it compiles from source."""

    compiled = 0

    def _compile(self, source: str, filename: str):  # type: ignore[no-untyped-def]
        CountingEnvironment.compiled += 1
        return super()._compile(source, filename)


def new_env(templates: dict[str, str], cache: MemoryBytecodeCache, **options: bool) -> Environment:
    env = CountingEnvironment(loader=DictLoader(templates), **options)
    env.bytecode_cache = cache
    return env


def test_a_later_build_reuses_what_the_first_compiled() -> None:
    cache = MemoryBytecodeCache()
    templates = {"page.html": "<p>{{ name }}</p>"}
    CountingEnvironment.compiled = 0
    first = new_env(templates, cache).get_template("page.html").render(name="हिन्दी")
    second = new_env(templates, cache).get_template("page.html").render(name="বাংলা")
    assert (first, second) == ("<p>हिन्दी</p>", "<p>বাংলা</p>")
    assert CountingEnvironment.compiled == 1


def test_a_changed_template_is_compiled_again() -> None:
    cache = MemoryBytecodeCache()
    CountingEnvironment.compiled = 0
    new_env({"page.html": "old {{ x }}"}, cache).get_template("page.html").render(x=1)
    changed = new_env({"page.html": "new {{ x }}"}, cache).get_template("page.html").render(x=2)
    assert changed == "new 2"
    assert CountingEnvironment.compiled == 2


def test_the_escaping_overlay_has_a_cache_of_its_own() -> None:
    """Autoescape is compiled into a template's code and the cache key does not name the
    environment: the data blocks' escaping overlay must never get the theme's compiled code."""
    from data_blocks import template_env
    from lib.template_cache import BLOCK_TEMPLATES, THEME_TEMPLATES

    class Theme:
        def get_env(self) -> Environment:
            env = Environment(loader=DictLoader({"guide/block.html": "{{ text }}"}))
            env.bytecode_cache = THEME_TEMPLATES  # as hooks/template_cache.py sets it
            return env

    theme_code = Theme().get_env().get_template("guide/block.html")
    blocks = template_env(Theme())
    assert blocks.bytecode_cache is BLOCK_TEMPLATES is not THEME_TEMPLATES
    assert theme_code.render(text="<b>") == "<b>"
    assert blocks.get_template("guide/block.html").render(text="<b>") == "&lt;b&gt;"
