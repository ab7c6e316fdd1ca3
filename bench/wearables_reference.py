"""Reference for bench:wearables: the daily aggregation of src/core/wearables/daily.ts, written
again in Python over xml.etree.ElementTree.iterparse (expat, in C), so the benchmark compares our
reader and rules with a plain, well-known way of doing the same job and checks every daily value.

Usage: /usr/bin/python3 bench/wearables_reference.py EXPORT.xml TIME_ZONE TODAY OUT.json
Prints the seconds it took; writes {"values": {"date|measure": value}, "skipped": {...}} to OUT.json.
The rules (see daily.ts for why): counted quantities spread over their minutes with one origin per
minute by priority; sleep sessions (gap under an hour) dated by their end; readings averaged from
the top origin of the day; sessions unioned. Priority: watch/ring first, other apps, phone last.
"""
import calendar
import json
import math
import re
import sys
import time
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

MINUTE = 60_000
HOUR = 3_600_000
DAY = 86_400_000

SLEEP = {
    "HKCategoryValueSleepAnalysisInBed": 0, "HKCategoryValueSleepAnalysisAwake": 1,
    "HKCategoryValueSleepAnalysisAsleepCore": 2, "HKCategoryValueSleepAnalysisAsleepDeep": 3,
    "HKCategoryValueSleepAnalysisAsleepREM": 4, "HKCategoryValueSleepAnalysisAsleepUnspecified": 5,
    "HKCategoryValueSleepAnalysisAsleep": 5,
}
PER_MIN = {"count/min": 1, "count/s": 60, "count/hr": 1 / 60}
QUANTITY = {
    "HKQuantityTypeIdentifierStepCount": ("steps", {"count": 1}),
    "HKQuantityTypeIdentifierRestingHeartRate": ("resting_heart_rate", PER_MIN),
    "HKQuantityTypeIdentifierHeartRateVariabilitySDNN": ("hrv_sdnn", {"ms": 1, "s": 1000}),
    "HKQuantityTypeIdentifierRespiratoryRate": ("respiratory_rate", PER_MIN),
    "HKQuantityTypeIdentifierTimeInDaylight": ("daylight", {"min": 1, "s": 1 / 60, "hr": 60}),
}
WORN = re.compile(r"watch|ring|oura|fitbit|band|garmin|whoop|gadgetbridge|amazfit|mi ?band", re.I)
PHONE = re.compile(r"iphone|phone|android", re.I)
HARDWARE = re.compile(r"hardware:([^,>]+(?:,\d+)?)")
MODEL = re.compile(r"model:([^,>]+)")
NAME = re.compile(r"name:([^,>]+)")


def js_round(x, digits=0):
    f = 10 ** digits
    return math.floor(x * f + 0.5) / f


def parse_date(text):
    if len(text) != 25:
        return None
    try:
        y, mo, d = int(text[0:4]), int(text[5:7]), int(text[8:10])
        h, mi, s = int(text[11:13]), int(text[14:16]), int(text[17:19])
        off = int(text[21:23]) * 60 + int(text[23:25])
    except ValueError:
        return None
    sign = -1 if text[20] == "-" else 1
    return calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)) * 1000 - sign * off * MINUTE


def device_model(desc):
    if not desc:
        return None
    m = HARDWARE.search(desc) or MODEL.search(desc) or NAME.search(desc)
    return m.group(1).strip()[:60] or None if m else None


def main():
    path, tz_name, today, out_path = sys.argv[1:5]
    t0 = time.time()
    tz = ZoneInfo(tz_name)
    offsets = {}

    def local(ms):
        hour = ms // HOUR
        off = offsets.get(hour)
        if off is None:
            off = int(datetime.fromtimestamp(hour * 3600, timezone.utc).astimezone(tz).utcoffset().total_seconds()) * 1000
            offsets[hour] = off
        return ms + off

    last_day = calendar.timegm(time.strptime(today, "%Y-%m-%d")) * 1000 // DAY
    first_day = (calendar.timegm((1900, 1, 1, 0, 0, 0, 0, 0, 0)) * 1000) // DAY
    skipped = {"unusedTypes": 0, "badDates": 0, "implausible": 0, "duplicates": 0}
    origin_ids, origin_devices = {}, []
    counted, readings, sessions, sleep = {}, {}, {}, {}

    def origin_of(name, device):
        i = origin_ids.get(name)
        if i is None:
            i = origin_ids[name] = len(origin_devices)
            origin_devices.append(set())
        if device:
            origin_devices[i].add(device)
        return i

    depth = 0
    root = None
    for event, el in ET.iterparse(path, events=("start", "end")):
        if event == "start":
            if root is None:
                root = el
            depth += 1
            continue
        depth -= 1
        if depth != 1:
            if depth == 0:
                el.clear()
            continue
        tag = el.tag
        a = el.attrib
        # The usual iterparse idiom: the root lets go of each element once read, so memory stays flat.
        root.clear()
        if tag == "Record":
            rtype = a.get("type", "")
            q = QUANTITY.get(rtype)
            if q:
                kind, units = q
                factor = units.get(a.get("unit", ""))
                try:
                    value = float(a.get("value")) * factor if factor is not None else float("nan")
                except (TypeError, ValueError):
                    value = float("nan")
                if not math.isfinite(value):
                    skipped["implausible"] += 1
                    el.clear()
                    continue
            elif rtype == "HKCategoryTypeIdentifierSleepAnalysis":
                code = SLEEP.get(a.get("value", ""))
                if code is None:
                    skipped["unusedTypes"] += 1
                    el.clear()
                    continue
                kind, value = "sleep", 0.0
            elif rtype == "HKCategoryTypeIdentifierMindfulSession":
                kind, value = "mindful", 0.0
            else:
                skipped["unusedTypes"] += 1
                el.clear()
                continue
        elif tag == "Workout":
            kind, value = "workout", 0.0
        else:
            el.clear()
            continue
        s_ms, e_ms = parse_date(a.get("startDate", "")), parse_date(a.get("endDate", ""))
        if s_ms is None or e_ms is None:
            skipped["badDates"] += 1
            el.clear()
            continue
        if kind in ("sleep", "mindful", "workout"):
            value = (e_ms - s_ms) / MINUTE
        start = local(s_ms)
        end = start + (e_ms - s_ms)
        # The end is exclusive: a span ending at midnight lies in the day before (daily.ts).
        if start // DAY < first_day or ((end - 1) if end > start else end) // DAY > last_day:
            skipped["badDates"] += 1
            el.clear()
            continue
        minutes = (e_ms - s_ms) / MINUTE
        ok = 0 <= minutes <= 1440
        if ok and kind == "steps":
            ok = 0 <= value <= 250 * max(1, minutes)
        elif ok and kind == "daylight":
            ok = 0 <= value <= minutes + 1
        elif ok and kind == "resting_heart_rate":
            ok = 20 <= value <= 250
        elif ok and kind == "hrv_sdnn":
            ok = 0 < value <= 500
        elif ok and kind == "respiratory_rate":
            ok = 3 <= value <= 80
        if not ok:
            skipped["implausible"] += 1
            el.clear()
            continue
        o = origin_of(a.get("sourceName", "Apple Health")[:100], device_model(a.get("device")))
        day = start // DAY
        if kind in ("steps", "daylight"):
            counted.setdefault(kind, {}).setdefault(o, {}).setdefault(day, []).append((start, end, value))
        elif kind in ("resting_heart_rate", "hrv_sdnn", "respiratory_rate"):
            readings.setdefault(kind, {}).setdefault(o, {}).setdefault(day, []).append((start, end, value))
        elif kind in ("mindful", "workout"):
            sessions.setdefault(kind, []).append((start, end, o))
        else:
            sleep.setdefault(o, []).append((start, end, code))
        el.clear()

    names = sorted(origin_ids, key=lambda n: n)

    def default_rank(i, name):
        devices = " ".join(sorted(origin_devices[i]))
        text = name + " " + devices
        if PHONE.search(devices) and not WORN.search(devices):
            return 2
        if WORN.search(text):
            return 0
        if PHONE.search(text):
            return 2
        return 1

    order = sorted(names, key=lambda n: (default_rank(origin_ids[n], n), n))
    rank = {origin_ids[n]: r for r, n in enumerate(order)}
    values = {}

    def unique(items):
        out = []
        for item in sorted(items):
            if out and out[-1] == item:
                skipped["duplicates"] += 1
                continue
            out.append(item)
        return out

    def emit(day, measure, value):
        date = datetime.fromtimestamp(day * 86400, timezone.utc).strftime("%Y-%m-%d")
        values[f"{date}|{measure}"] = value

    for kind, buckets in counted.items():
        origins = sorted(buckets, key=lambda o: rank[o])
        days = set()
        for per_day in buckets.values():
            for d in per_day:
                days.add(d)
                days.add(d + 1)
        minutes = {}
        for day in sorted(days):
            for o in origins:
                items = buckets[o].get(day)
                if not items:
                    continue
                for start, end, value in unique(items):
                    span = end - start
                    if span <= 0:
                        targets = [(start // MINUTE, value)]
                    else:
                        targets = []
                        for m in range(start // MINUTE, -((-end) // MINUTE)):
                            frm, to = max(start, m * MINUTE), min(end, (m + 1) * MINUTE)
                            targets.append((m, value * (to - frm) / span))
                    for m, amount in targets:
                        d = m // 1440
                        per_origin = minutes.setdefault(d, {})
                        pair = per_origin.get(o)
                        if pair is None:
                            pair = per_origin[o] = ([0.0] * 1440, [0] * 1440)
                        cells, covered = pair
                        cells[m - d * 1440] += amount
                        covered[m - d * 1440] = 1
            per_origin = minutes.pop(day, None)
            if not per_origin:
                continue
            ranked = [per_origin[o] for o in origins if o in per_origin]
            total, seen = 0.0, False
            for i in range(1440):
                for cells, covered in ranked:
                    if covered[i]:
                        seen = True
                        total += cells[i]
                        break
            if seen and day <= last_day:
                emit(day, "steps" if kind == "steps" else "daylight_minutes", js_round(total))

    for measure, buckets in readings.items():
        origins = sorted(buckets, key=lambda o: rank[o])
        days = sorted({d for per_day in buckets.values() for d in per_day})
        for day in days:
            chosen_o = next(o for o in origins if day in buckets[o])
            chosen = []
            for o in origins:
                items = buckets[o].get(day)
                if items:
                    u = unique(items)
                    if o == chosen_o:
                        chosen = u
            total = 0.0
            for item in chosen:
                total += item[2]
            emit(day, measure, js_round(total / len(chosen), 1))

    for kind, items in sessions.items():
        per_day = {}

        def credit(frm, to):
            while frm < to:
                d = frm // DAY
                cut = min(to, (d + 1) * DAY)
                per_day[d] = per_day.get(d, 0) + cut - frm
                frm = cut

        cur = None
        for s, e, _o in unique(items):
            if cur is None or s > cur[1]:
                if cur:
                    credit(*cur)
                cur = [s, e]
            else:
                cur[1] = max(cur[1], e)
        if cur:
            credit(*cur)
        for d in sorted(per_day):
            if per_day[d] > 0:
                emit(d, f"{kind}_minutes", js_round(per_day[d] / MINUTE, 1))

    def union(session, keep):
        total, cur = 0, None
        for s, e, c in session:
            if not keep(c):
                continue
            if cur is None or s > cur[1]:
                if cur:
                    total += cur[1] - cur[0]
                cur = [s, e]
            else:
                cur[1] = max(cur[1], e)
        if cur:
            total += cur[1] - cur[0]
        return total

    nights = {}
    for o, items in sleep.items():
        lst = unique(items)
        per_day = nights[o] = {}
        i = 0
        while i < len(lst):
            j, end = i + 1, lst[i][1]
            while j < len(lst) and lst[j][0] <= end + HOUR:
                end = max(end, lst[j][1])
                j += 1
            session = lst[i:j]
            day = (end - 1) // DAY
            span = lambda ss: max(x[1] for x in ss) - ss[0][0]
            if day not in per_day or span(session) > span(per_day[day]):
                per_day[day] = session
            i = j
    origins = sorted(nights, key=lambda o: rank[o])
    for day in sorted({d for per_day in nights.values() for d in per_day}):
        cands = [o for o in origins if day in nights[o]]
        o = next((c for c in cands if any(x[2] >= 2 for x in nights[c][day])), cands[0])
        session = nights[o][day]
        asleep = union(session, lambda c: c >= 2)
        in_bed = union(session, lambda c: True)
        emit(day, "time_in_bed_hours", js_round(in_bed / HOUR, 2))
        emit(day, "bedtime", (session[0][0] // MINUTE) % 1440)
        if asleep > 0:
            last_end = max(x[1] for x in session if x[2] >= 2)
            emit(day, "sleep_hours", js_round(asleep / HOUR, 2))
            emit(day, "sleep_efficiency", js_round(asleep / in_bed * 100, 1))
            emit(day, "wake_time", (last_end // MINUTE) % 1440)
        if any(x[2] in (2, 3, 4) for x in session):
            emit(day, "core_sleep_minutes", js_round(union(session, lambda c: c == 2) / MINUTE, 1))
            emit(day, "deep_sleep_minutes", js_round(union(session, lambda c: c == 3) / MINUTE, 1))
            emit(day, "rem_sleep_minutes", js_round(union(session, lambda c: c == 4) / MINUTE, 1))
        if any(x[2] == 1 for x in session):
            emit(day, "awake_minutes", js_round(union(session, lambda c: c == 1) / MINUTE, 1))

    seconds = time.time() - t0
    with open(out_path, "w") as f:
        json.dump({"values": values, "skipped": skipped, "seconds": seconds}, f)
    print(f"{seconds:.3f}")


if __name__ == "__main__":
    main()
