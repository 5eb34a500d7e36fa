"""A data file as read: its values, the line of each value, and the problems found in it."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mkdocs.exceptions import PluginError

from lib.problems import Problem, report


class DataError(PluginError):
    """The data files have problems; the message lists every one, then a count."""


def raise_problems(problems: Sequence[Problem]) -> None:
    """Raise one DataError listing every problem, sorted, then a count; nothing if none."""
    report(problems, DataError, "problem", "in the data files")


def format_path(path: Sequence[str | int]) -> str:
    """("portals", 3, "url") -> portals[3].url; an odd key is quoted: text["3 days"]"""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z0-9_-]+", part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return text


def shown(value: Any, limit: int = 40) -> str:
    """A value as a message quotes it: short, on one line, text in double quotes."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return json.dumps(text, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return json.dumps(value)


KeyPath = tuple[str | int, ...]  # where a value sits: ("portals", 3, "url")


@dataclass
class Document:
    """One data file as read: its values, the line of each, and what is wrong with it."""

    name: str
    shown_as: str
    data: Any = None
    parsed: bool = False
    lines: dict[KeyPath, int] = field(default_factory=dict)
    key_lines: dict[KeyPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    bad_paths: set[KeyPath] = field(default_factory=set)  # reported while reading

    @property
    def readable(self) -> bool:
        """True when the file was read into a mapping, so its fields can be checked."""
        return isinstance(self.data, dict)

    def line(self, path: KeyPath) -> int:
        """The line naming the field at path (its key's, or a list item's), else its parent's."""
        while path and path not in self.key_lines and path not in self.lines:
            path = path[:-1]
        return self.key_lines.get(path) or self.lines.get(path, 1)

    def add(self, path: KeyPath, message: str, *, line: int | None = None) -> None:
        where = line if line is not None else self.line(path)
        self.problems.append(Problem(self.shown_as, where, format_path(path), message))
