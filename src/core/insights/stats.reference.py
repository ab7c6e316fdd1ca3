#!/usr/bin/env python3
"""Reference values for stats.test.ts and carry-over.test.ts, computed with NumPy/SciPy.

Runs on Debian's python3-scipy (1.10): the Welch interval is built from scipy.stats.t.ppf, and
Benjamini–Hochberg and Holm are written in NumPy (scipy.stats.false_discovery_control and
TtestResult.confidence_interval only arrived in SciPy 1.11).

Run: /usr/bin/python3 src/core/insights/stats.reference.py  — and paste the printed values into the tests.
"""
import json

import numpy as np
from scipy import stats

out = {"scipy": __import__("scipy").__version__}

out["t_ppf"] = [stats.t.ppf(0.975, df) for df in (3, 10, 17.3, 100.5)]
out["t_two_sided_p"] = [2 * stats.t.sf(abs(t), df) for t, df in ((2.1, 12.4), (-5.3, 40), (9.0, 150))]
out["norm_ppf"] = [stats.norm.ppf(p) for p in (0.975, 0.995)]

out["rankdata"] = stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]).tolist()


def welch(a, b, inflation=1.0, resolution=0.0):
    """Welch's difference and interval; variances floored at resolution²/12, se × √inflation, df ÷ inflation."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    va = max(a.var(ddof=1), resolution**2 / 12) / a.size
    vb = max(b.var(ddof=1), resolution**2 / 12) / b.size
    se = np.sqrt((va + vb) * inflation)
    df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1)) / inflation
    d = a.mean() - b.mean()
    t = d / se
    half = stats.t.ppf(0.975, df) * se
    return {"difference": float(d), "t": float(t), "df": float(df), "p": float(2 * stats.t.sf(abs(t), df)),
            "low": float(d - half), "high": float(d + half)}


welch_cases = {
    "small": ([7, 8, 6, 7, 9], [5, 6, 6, 5, 7]),
    "unequal": ([6.1, 7.4, 5.9, 8.2, 6.6, 7.7, 9.0, 6.3], [5.2, 5.0, 6.8, 4.1, 5.5, 5.9, 6.0, 4.4, 5.1, 3.9, 6.2, 5.0]),
    "noDifference": ([5, 6, 7, 5, 6, 7], [7, 6, 5, 7, 6, 5]),
}
out["welch"] = {name: welch(a, b) for name, (a, b) in welch_cases.items()}
# The plain case must match SciPy's own Welch t-test.
for name, (a, b) in welch_cases.items():
    r = stats.ttest_ind(a, b, equal_var=False)
    assert abs(r.pvalue - out["welch"][name]["p"]) < 1e-12 and abs(r.statistic - out["welch"][name]["t"]) < 1e-12
out["welch_inflated"] = welch(*welch_cases["unequal"], inflation=1.6)
# Mood 7 on all 6 kefir days, 5 on all 9 others: the 1/12 rounding floor gives an honest interval.
out["welch_separated"] = welch([7] * 6, [5] * 9, resolution=1.0)

x = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 6.1, 2.8, 4.9, 5.0, 3.7, 4.1, 2.2, 6.3, 5.8, 3.0]
y = [4, 5, 4, 7, 6, 5, 8, 5, 6, 7, 5, 6, 3, 8, 6, 4]
spearman_cases = {"ties": (x, y), "fiveRising": ([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])}
out["spearman"] = {}
for name, (a, b) in spearman_cases.items():
    r = stats.spearmanr(a, b)
    n = len(a)
    z = np.arctanh(r.correlation)
    half = stats.norm.ppf(0.975) * np.sqrt(1.06 / (n - 3))  # Fieller, Hartley & Pearson 1957
    out["spearman"][name] = {"rho": float(r.correlation), "p": float(r.pvalue),
                             "low": float(np.tanh(z - half)), "high": float(np.tanh(z + half))}
# With carry-over: the same ρ over n / 1.6 effective days.
r = stats.spearmanr(x, y).correlation
neff = len(x) / 1.6
tt = r * np.sqrt((neff - 2) / (1 - r * r))
half = stats.norm.ppf(0.975) * np.sqrt(1.06 / (neff - 3))
out["spearman_inflated"] = {"rho": float(r), "p": float(2 * stats.t.sf(abs(tt), neff - 2)),
                            "low": float(np.tanh(np.arctanh(r) - half)), "high": float(np.tanh(np.arctanh(r) + half))}
# ρ = 1 over 10 pairs is read as one swapped neighbouring pair: 1 − 12/(n(n²−1)).
n = 10
r1 = 1 - 12 / (n * (n * n - 1))
assert abs(stats.spearmanr(range(10), [0, 1, 2, 3, 4, 6, 5, 7, 8, 9]).correlation - r1) < 1e-12
tt = r1 * np.sqrt((n - 2) / (1 - r1 * r1))
half = stats.norm.ppf(0.975) * np.sqrt(1.06 / (n - 3))
out["spearman_perfect"] = {"rho_used": r1, "p": float(2 * stats.t.sf(tt, n - 2)),
                           "low": float(np.tanh(np.arctanh(r1) - half)), "high": float(np.tanh(np.arctanh(r1) + half))}


def bh(p):
    p = np.asarray(p, float)
    m = p.size
    order = np.argsort(p, kind="stable")
    q = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    out_ = np.empty(m)
    out_[order] = np.minimum(q, 1)
    return out_


def holm(p):
    p = np.asarray(p, float)
    m = p.size
    order = np.argsort(p, kind="stable")
    adj = np.maximum.accumulate(np.minimum((m - np.arange(m)) * p[order], 1))
    out_ = np.empty(m)
    out_[order] = adj
    return out_


p = [0.01, 0.04, 0.03, 0.2, 0.001, 0.5, 0.049, 0.04]
out["bh"] = {"p": p, "q": bh(p).tolist()}
out["holm"] = {"p": p, "adjusted": holm(p).tolist()}


def lag1(col):
    col = np.asarray(col, float)
    present = ~np.isnan(col)
    n = present.sum()
    d = col - np.nanmean(col)
    prod = d[:-1] * d[1:]
    ok = ~np.isnan(prod)
    return float((prod[ok].sum() / ok.sum()) / (np.nansum(d * d) / n))


out["lag1"] = lag1([5, 6, np.nan, 6, 7, 7, 8, 6, 5, np.nan, np.nan, 4, 5, 6, 6, 7])


def carry_over(after, before):
    """carry-over.ts in matrix form: AR(1) correlation matrix R, Var(mean) = σ² aᵀRa."""
    periods = [before, after]
    c0 = c1 = 0.0
    n = pairs = 0
    for per in periods:
        m = np.mean([v for _, v in per])
        for i, (day, v) in enumerate(per):
            c0 += (v - m) ** 2
            n += 1
            if i and per[i - 1][0] == day - 1:
                c1 += (per[i - 1][1] - m) * (v - m)
                pairs += 1
    r = c1 / pairs / (c0 / n)
    corrected = (n * r + 1) / (n - 3)
    phi = min(0.95, max(0.0, corrected + np.sqrt(max(0.0, 1 - corrected**2) / n)))
    sums, ss, denom, neff = [], 0.0, 0.0, 0.0
    for per in (after, before):
        days = np.array([d for d, _ in per], float)
        vals = np.array([v for _, v in per], float)
        R = phi ** np.abs(days[:, None] - days[None, :])
        s = R.sum()
        sums.append(s / vals.size**2)
        ss += ((vals - vals.mean()) ** 2).sum()
        denom += vals.size - s / vals.size
        neff += vals.size**2 / s
    var = max(ss / max(denom, 1), 1 / 12)
    se = np.sqrt(var * sum(sums))
    df = max(1, neff - 2)
    d = np.mean([v for _, v in after]) - np.mean([v for _, v in before])
    t = stats.t.ppf(0.975, df)
    return {"phi": float(phi), "difference": float(d), "se": float(se), "df": float(df),
            "low": float(d - t * se), "high": float(d + t * se), "p": float(2 * stats.t.sf(abs(d / se), df)),
            "detectable": float((t + stats.norm.ppf(0.8)) * se)}


before_vals = [4, 5, 5, 6, 5, 6, 7, 6, 6, 5, 6, 4, 5, 5, 6, 5, 7, 6, 6, 5, 6, 4, 5, 6, 6, 7, 5, 5]
after_vals = [6, 6, 7, 5, 6, 7, 5, 6, 7, 6, 8, 7, 6, 6]
before = [(d, v) for d, v in enumerate(before_vals) if d not in (3, 12)]
after = [(28 + d, v) for d, v in enumerate(after_vals) if d != 5]
out["carry_over"] = carry_over(after, before)

print(json.dumps(out, indent=1))
