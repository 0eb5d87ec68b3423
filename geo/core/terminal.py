"""Text printed to the terminal holds strings from frontline's inputs: their control characters
are shown, not obeyed (an escape sequence in a channel's name would recolour or retitle the
terminal). A module of its own, light to import: every command's start-up reads it."""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters other than tab and line breaks: a terminal obeys them (ANSI and OSC escape
sequences), a spreadsheet shows them as junk, a NUL ends C strings."""


def terminal_text(text: str) -> str:
    """``text`` with its control characters (but tab and line breaks) shown as ``\\xNN``."""
    return CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)
