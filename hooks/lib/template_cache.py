"""Compiled Jinja templates kept for the whole process, not one language build.

mkdocs-static-i18n builds the site once per language, and every build makes a new Jinja
environment that parses and compiles each theme template again: Material's and ours, about 180
compiles a build, most of them repeats. Jinja's bytecode cache keys a compiled template by its
name and file and checks a digest of its source, so a cache shared by the builds hands the
second and third languages (and every `mkdocs serve` rebuild) the code the first compiled, and
compiles a template again only when its file changed.

One cache per kind of environment: how Jinja compiles a template depends on the environment's
settings (autoescape is decided at compile time), and the key does not say which environment
asked, so the theme's environment and the data blocks' escaping overlay each get their own.
"""

from __future__ import annotations

from types import CodeType

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in this process's memory: key -> (source digest, code)."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        stored = self._code.get(bucket.key)
        if stored is not None and stored[0] == bucket.checksum:
            bucket.code = stored[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()


THEME_TEMPLATES = MemoryBytecodeCache()  # the theme's environment (pages, 404, partials)
BLOCK_TEMPLATES = MemoryBytecodeCache()  # hooks/data_blocks.py's overlay (autoescape on)
