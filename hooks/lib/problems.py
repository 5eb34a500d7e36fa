"""One way to report problems: each on its own line as `file:line: message`, then a count.

Contributors fix every problem of a build in one go, so checks collect them all and fail once,
listing them in file and line order and ending with a line such as "3 link problems in pages.".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

# Characters str.splitlines() breaks on: a message must stay on its one line.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """The text with every line break written as an escape, so a message stays one line."""
    return _LINE_BREAKS.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 0 when there is no line to point at (a missing file, a whole page)
    path: str  # portals[3].url in a data file; empty elsewhere
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return one_line(text)


def counted(count: int, noun: str) -> str:
    """'1 link problem', '3 link problems'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def report(problems: Iterable[Problem], error: type[PluginError], noun: str, where: str) -> None:
    """Raise `error` listing every problem once, in file and line order, then the count."""
    lines = [str(problem) for problem in sorted(set(problems))]
    if lines:
        raise error("\n".join([*lines, f"{counted(len(lines), noun)} {where}."]))


class Collector:
    """Problems gathered over one language build (page by page), reported together at its end."""

    def __init__(self, error: type[PluginError], noun: str, where: str) -> None:
        self.error, self.noun, self.where = error, noun, where
        self.problems: list[Problem] = []

    def add(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, "", message))

    def clear(self) -> None:
        """Forget what an earlier, failed build collected (mkdocs serve builds again)."""
        self.problems = []

    def raise_if_any(self) -> None:
        """Fail with every problem so far; the collector starts empty for the next build."""
        problems, self.problems = self.problems, []
        report(problems, self.error, self.noun, self.where)
