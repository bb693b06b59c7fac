"""Reading the date forms real structured-data publishers write, into ISO 8601.

Fact-checkers write ``datePublished`` as ISO dates and date-times, but also as
``2020-10-07 20:05``, ``2017-03-01 20:30:17 UTC`` and the e-mail style
``Wed, 11 Mar 2020 01:05:52 UTC +00:00`` or ``Sun, 23 Feb 2020``.
:func:`normalise_date` turns each recognised form into the ISO form the record
model takes (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
``YYYY-MM-DDTHH:MM:SS[.f][Z|+hh:mm]``) and returns ``None`` for anything
else, including impossible dates.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["normalise_date"]

_ZONE = r"(?:\s*(?P<named>Z|UTC|GMT))?(?:\s*(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2}))?"
_PARTIAL = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[Tt ](?P<H>\d{2}):(?P<M>\d{2})"
    r"(?::(?P<S>\d{2})(?P<f>\.\d+)?)?" + _ZONE + r"$",
    re.IGNORECASE,
)
_MAIL = re.compile(
    r"^(?:[A-Za-z]{3,9},?\s+)?(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<y>\d{4})"
    r"(?:\s+(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?" + _ZONE + r"$",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def normalise_date(text: str) -> str | None:
    """Return ``text`` as an ISO 8601 date or date-time, or ``None`` when not recognised."""
    value = text.strip()
    partial = _PARTIAL.match(value)
    if partial:
        year, month, day = partial["y"], partial["m"], partial["d"]
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        return value
    match = _ISO.match(value)
    if match:
        month = int(match["m"])
    else:
        match = _MAIL.match(value)
        if not match:
            return None
        found = _MONTHS.get(match["mon"][:3].casefold())
        if found is None:
            return None
        month = found
    try:
        day = dt.date(int(match["y"]), month, int(match["d"]))
    except ValueError:
        return None
    if match["H"] is None:
        return day.isoformat()
    hour, minute, second = int(match["H"]), int(match["M"]), int(match["S"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    fraction = match.groupdict().get("f") or ""
    stamp = f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}{fraction}"
    if match["sign"] is not None:
        offset_hours, offset_minutes = int(match["oh"]), int(match["om"])
        if offset_hours > 23 or offset_minutes > 59:
            return None
        if offset_hours == 0 and offset_minutes == 0:
            return stamp + "Z"
        return f"{stamp}{match['sign']}{offset_hours:02d}:{offset_minutes:02d}"
    if match["named"] is not None:
        return stamp + "Z"
    return stamp
