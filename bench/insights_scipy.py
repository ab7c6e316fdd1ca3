#!/usr/bin/env python3
"""The insights computation of src/core/insights/associations.ts, written the way one would in
NumPy/SciPy (vectorised over every lever at once), for bench/insights.ts to time against and to
cross-check its numbers.

Rules (the same as associations.ts): levers against outcomes, same day and next day; yes/no levers by
Welch's difference (variances floored at 1/12, the whole-point rounding), continuous ones by
Spearman's ρ (scipy.stats.rankdata + Pearson on ranks) with the Fieller interval; both over the
effective days n·(1 − rₓrᵧ)/(1 + rₓrᵧ) from the lag-1 autocorrelations (Bartlett 1935; Bayley &
Hammersley 1946); the outcomes against each other on the same day as a second list;
Benjamini–Hochberg within each list. Runs on Debian's SciPy 1.10: intervals from scipy.stats.t.ppf
and norm.ppf, BH in NumPy.

Input (written by bench/insights.ts): <dir>/meta.json {days, measures, kinds, levers, outcomes},
<dir>/values.f64 (days × measures, row-major float64, NaN = missing), <dir>/tracked.u8.
Output (stdout, one JSON line): {"ms": [per-run ms…], "pairs": [[family, factor, outcome, lag,
status, estimate, p, low, high, q], …]}.
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import stats

MIN_PAIRED, MIN_GROUP = 14, 5
MAX_PRODUCT = 0.95
Z975 = stats.norm.ppf(0.975)


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


def presence_columns(raw, tracked):
    """Yes/no levers: 1 / 0 where recorded; 0 on tracked days inside each lever's recorded span."""
    recorded = ~np.isnan(raw)
    days = np.arange(raw.shape[0])[:, None]
    first = np.where(recorded.any(0), recorded.argmax(0), raw.shape[0])
    last = raw.shape[0] - 1 - recorded[::-1].argmax(0)
    inside = (days >= first) & (days <= last)
    filled = np.where(recorded, (raw > 0).astype(float), np.where(tracked[:, None], 0.0, np.nan))
    return np.where(inside, filled, np.nan)


def lag1(cols):
    """Lag-1 autocorrelation of every column: consecutive recorded days, about each column's mean."""
    n = (~np.isnan(cols)).sum(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        d = cols - np.nanmean(cols, axis=0)
        prod = d[:-1] * d[1:]
        pairs = (~np.isnan(prod)).sum(0)
        c0 = np.nansum(d * d, axis=0)
        r = (np.nansum(prod, axis=0) / pairs) / (c0 / n)
    ok = (n >= 4) & (pairs >= 3) & (c0 > 1e-12 * n)
    return np.where(ok, np.clip(r, -1, 1), 0.0)


def inflation(rx, ry):
    prod = np.minimum(MAX_PRODUCT, rx * ry)
    return np.where(prod > 0, (1 + prod) / (1 - prod), 1.0)


def shift(x, y, lag):
    return (x[:-1], y[1:]) if lag else (x, y)


def welch_rows(names, X, rx, y, ry, lag, outcome, rows):
    xs, ys = shift(X, y, lag)
    valid = ~np.isnan(xs) & ~np.isnan(ys)[:, None]
    W = valid & (xs > 0)
    O = valid & (xs == 0)
    yv = np.where(np.isnan(ys), 0.0, ys)[:, None]
    nW, nO = W.sum(0), O.sum(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mW = (W * yv).sum(0) / nW
        mO = (O * yv).sum(0) / nO
        vW = np.maximum((W * (yv - mW) ** 2).sum(0) / (nW - 1), 1 / 12) / nW
        vO = np.maximum((O * (yv - mO) ** 2).sum(0) / (nO - 1), 1 / 12) / nO
        k = inflation(rx, ry)
        se = np.sqrt((vW + vO) * k)
        df = np.maximum(1, (vW + vO) ** 2 / (vW**2 / (nW - 1) + vO**2 / (nO - 1)) / k)
        d = mW - mO
        half = stats.t.ppf(0.975, df) * se
        p = np.minimum(1, 2 * stats.t.sf(np.abs(d / se), df))
    enough = (nW + nO >= MIN_PAIRED) & (nW >= MIN_GROUP) & (nO >= MIN_GROUP)
    for j, name in enumerate(names):
        if not enough[j]:
            rows.append(["lever", name, outcome, lag, "not_enough_data"])
        else:
            rows.append(["lever", name, outcome, lag, "shown", d[j], p[j], d[j] - half[j], d[j] + half[j]])


def spearman_rows(family, names, X, rx, y, ry, lag, outcome, rows):
    xs, ys = shift(X, y, lag)
    valid = ~np.isnan(xs) & ~np.isnan(ys)[:, None]
    n = valid.sum(0)
    rank_x = stats.rankdata(np.where(valid, xs, np.nan), axis=0, nan_policy="omit")
    rank_y = stats.rankdata(np.where(valid, ys[:, None], np.nan), axis=0, nan_policy="omit")
    with np.errstate(invalid="ignore", divide="ignore"):
        mid = (n + 1) / 2
        a = np.where(valid, rank_x - mid, 0.0)
        b = np.where(valid, rank_y - mid, 0.0)
        sxx, syy = (a * a).sum(0), (b * b).sum(0)
        rho = (a * b).sum(0) / np.sqrt(sxx * syy)
        nearest = 1 - 12 / (n * (n * n - 1.0))
        used = np.where(np.abs(rho) < nearest, rho, np.sign(rho) * nearest)
        days = np.maximum(4, n / inflation(rx, ry))
        t = used * np.sqrt((days - 2) / (1 - used * used))
        p = np.minimum(1, 2 * stats.t.sf(np.abs(t), days - 2))
        z, half = np.arctanh(used), Z975 * np.sqrt(1.06 / (days - 3))
    for j, name in enumerate(names):
        if n[j] < MIN_PAIRED:
            rows.append([family, name, outcome, lag, "not_enough_data"])
        elif not (sxx[j] > 0 and syy[j] > 0):
            rows.append([family, name, outcome, lag, "no_variation"])
        else:
            rows.append([family, name, outcome, lag, "shown", rho[j], p[j], np.tanh(z[j] - half[j]), np.tanh(z[j] + half[j])])


def bh(p):
    p = np.asarray(p, float)
    m = p.size
    if m == 0:
        return p
    order = np.argsort(p, kind="stable")
    q = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1)
    return out


def associations(values, tracked, measures, kinds, levers, outcomes):
    index = {m: i for i, m in enumerate(measures)}
    yes_no = [m for m in sorted(levers) if kinds[m] == "presence"]
    continuous = [m for m in sorted(levers) if kinds[m] == "continuous"]
    P = presence_columns(values[:, [index[m] for m in yes_no]], tracked)
    C = values[:, [index[m] for m in continuous]]
    rP, rC = lag1(P), lag1(C)
    ys = []
    for outcome in outcomes:
        y = outcome_column(values, index, outcome)
        if y is not None and not np.all(np.isnan(y)):
            ys.append((outcome["key"], y, lag1(y[:, None])[0]))
    rows = []
    for key, y, ry in ys:
        for lag in (0, 1):
            welch_rows(yes_no, P, rP, y, ry, lag, key, rows)
            spearman_rows("lever", continuous, C, rC, y, ry, lag, key, rows)
    # Outcomes against each other, same day, each pair once.
    for i, (key, y, ry) in enumerate(ys):
        for name, other, r_other in ys[i + 1:]:
            spearman_rows("together", [key], y[:, None], np.array([ry]), other, r_other, 0, name, rows)
    for family in ("lever", "together"):
        shown = [r for r in rows if r[0] == family and r[4] == "shown"]
        for r, q in zip(shown, bh([r[6] for r in shown])):
            r.append(q)
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
        rows = associations(values, tracked, meta["measures"], meta["kinds"], meta["levers"], meta["outcomes"])
        times.append((time.perf_counter() - t0) * 1000)
    out = [[r[0], r[1], r[2], r[3], r[4], *[float(v) for v in r[5:]]] for r in rows]
    print(json.dumps({"ms": times, "pairs": out}))


if __name__ == "__main__":
    main()
