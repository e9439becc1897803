"""How long something took, as the counter panel says it: with its unit (12 menit, 1 jam 5 menit), in whole
minutes as ``words.duration`` says spans everywhere, and "under a minute" rather than "0 minutes"."""

from __future__ import annotations

from datetime import timedelta

from antrian import words
from antrian.gui.counter.texts import UNDER_A_MINUTE, say

MINUTE = timedelta(minutes=1)


def span_text(span: timedelta) -> str:
    """``span`` in words; a negative one (clock skew between PCs) counts as none."""
    if span < MINUTE:
        return say(UNDER_A_MINUTE)
    return words.duration(span)
