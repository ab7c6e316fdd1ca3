#!/usr/bin/env python3
"""The insights computation of src/core/insights/associations.ts, written the way one would in
NumPy/SciPy, for bench/insights.ts to time against (and to cross-check its numbers).

Input (written by bench/insights.ts): <dir>/meta.json {days, measures, kinds, outcomes}, <dir>/values.f64
(days × measures, row-major float64, NaN = missing), <dir>/tracked.u8 (1 = day has any observation).
Output (stdout, one JSON line): {"ms": [per-run ms…], "pairs": [[factor, outcome, lag, status, estimate, p, q], …]}.
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import stats

MIN_PAIRED, MIN_GROUP = 14, 5


def outcome_column(values, index, outcome):
    cols = [values[:, index[m]] for m in outcome["measures"] if m in index]
    if not cols:
        return None
    stacked = np.vstack(cols)
    present = ~np.isnan(stacked)
    n = present.sum(axis=0)
    total = np.where(present, stacked, 0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, total / n, np.nan)
    return 10 - mean if outcome["combine"] == "comfort" else mean


def presence_column(raw, tracked):
    out = np.full(raw.shape, np.nan)
    recorded = np.flatnonzero(~np.isnan(raw))
    if recorded.size == 0:
        return out
    first, last = recorded[0], recorded[-1]
    span = slice(first, last + 1)
    seg = raw[span]
    out[span] = np.where(~np.isnan(seg), (seg > 0).astype(float), np.where(tracked[span], 0.0, np.nan))
    return out


def associations(values, tracked, measures, kinds, outcomes):
    index = {m: i for i, m in enumerate(measures)}
    factors = []
    for m in sorted(measures):
        kind = kinds[m]
        if kind == "skip":
            continue
        raw = values[:, index[m]]
        factors.append((m, kind, presence_column(raw, tracked) if kind == "presence" else raw))
    z975 = stats.norm.ppf(0.975)
    rows = []
    for outcome in outcomes:
        y = outcome_column(values, index, outcome)
        if y is None or np.all(np.isnan(y)):
            continue
        for name, kind, x in factors:
            if name in outcome["measures"]:
                continue
            for lag in (0, 1):
                xs, ys = (x[:-1], y[1:]) if lag else (x, y)
                ok = ~np.isnan(xs) & ~np.isnan(ys)
                xs, ys = xs[ok], ys[ok]
                n = xs.size
                if kind == "presence":
                    a, b = ys[xs > 0], ys[xs == 0]
                    if n < MIN_PAIRED or a.size < MIN_GROUP or b.size < MIN_GROUP:
                        rows.append([name, outcome["key"], lag, "not_enough_data", None, None])
                        continue
                    r = stats.ttest_ind(a, b, equal_var=False)
                    if np.isnan(r.pvalue):
                        rows.append([name, outcome["key"], lag, "no_variation", None, None])
                        continue
                    ci = r.confidence_interval(0.95)
                    rows.append([name, outcome["key"], lag, "shown", float(a.mean() - b.mean()), float(r.pvalue), float(ci.low), float(ci.high)])
                else:
                    if n < MIN_PAIRED:
                        rows.append([name, outcome["key"], lag, "not_enough_data", None, None])
                        continue
                    r = stats.spearmanr(xs, ys)
                    if np.isnan(r.statistic):
                        rows.append([name, outcome["key"], lag, "no_variation", None, None])
                        continue
                    z, half = np.arctanh(r.statistic), z975 * np.sqrt(1.06 / (n - 3))
                    rows.append([name, outcome["key"], lag, "shown", float(r.statistic), float(r.pvalue), float(np.tanh(z - half)), float(np.tanh(z + half))])
    shown = [r for r in rows if r[3] == "shown"]
    q = stats.false_discovery_control([r[5] for r in shown], method="bh") if shown else []
    for r, qv in zip(shown, q):
        r.append(float(qv))
    return rows


def main():
    folder = Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    meta = json.loads((folder / "meta.json").read_text())
    values = np.fromfile(folder / "values.f64", dtype=np.float64).reshape(meta["days"], len(meta["measures"]))
    tracked = np.fromfile(folder / "tracked.u8", dtype=np.uint8).astype(bool)
    times, rows = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = associations(values, tracked, meta["measures"], meta["kinds"], meta["outcomes"])
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"ms": times, "pairs": rows}))


if __name__ == "__main__":
    main()
