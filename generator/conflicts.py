"""Leftover git merge-conflict markers, in pages and in the build's records.

A marker block is a line starting ``<<<<<<<``, later a line that is exactly ``=======`` and then
a line starting ``>>>>>>>``: all three, in that order, so a Markdown setext heading underlined
with ``=======`` is not mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_START = re.compile(r"^<{7}(?: |$)")
_MIDDLE = re.compile(r"^={7}[ \t]*$")
_END = re.compile(r"^>{7}(?: |$)")


@dataclass(frozen=True)
class Conflict:
    start: int  # 1-based line of '<<<<<<<'
    end: int  # 1-based line of '>>>>>>>'

    def sentence(self) -> str:
        return (f"unresolved merge conflict (lines {self.start}–{self.end}): keep the lines you want "
                "from between the markers, then delete the '<<<<<<<', '=======' and '>>>>>>>' lines")


def find_conflict(text: str) -> Conflict | None:
    """The first complete conflict block in ``text``, or None."""
    start = middle = None
    for number, line in enumerate(text.split("\n"), start=1):
        if _START.match(line):
            start, middle = number, None
        elif start is not None and _MIDDLE.match(line):
            middle = number
        elif middle is not None and _END.match(line):
            return Conflict(start, number)
    return None
