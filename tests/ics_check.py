#!/usr/bin/env python3
"""Parses an iCalendar file with an independent parser (the icalendar package) and prints what the Rust tests check:
one JSON object per event (uid, start in UTC, summary, description, location). Exits non-zero if the file does not
parse. Usage: ics_check.py FILE.ics"""
import datetime
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
assert cal.get("VERSION") == "2.0", cal.get("VERSION")
zones = [str(z.get("TZID")) for z in cal.walk("VTIMEZONE")]
events = []
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    events.append(
        {
            "uid": str(e.get("UID")),
            # DTSTART carries a TZID: the parser resolves it; compare in UTC.
            "start": start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if start.tzinfo else None,
            "tzid": str(e["DTSTART"].params.get("TZID")),
            "summary": str(e.get("SUMMARY")),
            "description": str(e.get("DESCRIPTION")),
            "location": str(e.get("LOCATION")),
        }
    )
print(json.dumps({"zones": zones, "events": events}, ensure_ascii=False))
