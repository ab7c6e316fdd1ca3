#!/usr/bin/env python3
"""Reference values for stats.test.ts, computed with SciPy (Debian python3-scipy).

Run: python3 src/core/insights/stats.reference.py  — and paste the printed values into stats.test.ts.
"""
import json

import numpy as np
from scipy import stats

out = {}

out["t_ppf"] = [stats.t.ppf(0.975, df) for df in (3, 10, 17.3, 100.5)]
out["t_two_sided_p"] = [2 * stats.t.sf(abs(t), df) for t, df in ((2.1, 12.4), (-5.3, 40), (9.0, 150))]
out["norm_ppf"] = [stats.norm.ppf(p) for p in (0.975, 0.995)]

out["rankdata"] = stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]).tolist()

welch_cases = {
    "small": ([7, 8, 6, 7, 9], [5, 6, 6, 5, 7]),
    "unequal": ([6.1, 7.4, 5.9, 8.2, 6.6, 7.7, 9.0, 6.3], [5.2, 5.0, 6.8, 4.1, 5.5, 5.9, 6.0, 4.4, 5.1, 3.9, 6.2, 5.0]),
    "noDifference": ([5, 6, 7, 5, 6, 7], [7, 6, 5, 7, 6, 5]),
}
out["welch"] = {}
for name, (a, b) in welch_cases.items():
    r = stats.ttest_ind(a, b, equal_var=False)
    ci = r.confidence_interval(0.95)
    out["welch"][name] = {
        "difference": float(np.mean(a) - np.mean(b)),
        "t": float(r.statistic),
        "df": float(r.df),
        "p": float(r.pvalue),
        "low": float(ci.low),
        "high": float(ci.high),
    }

x = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 6.1, 2.8, 4.9, 5.0, 3.7, 4.1, 2.2, 6.3, 5.8, 3.0]
y = [4, 5, 4, 7, 6, 5, 8, 5, 6, 7, 5, 6, 3, 8, 6, 4]
spearman_cases = {"ties": (x, y), "fiveRising": ([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])}
out["spearman"] = {}
for name, (a, b) in spearman_cases.items():
    r = stats.spearmanr(a, b)
    n = len(a)
    z = np.arctanh(r.statistic)
    half = stats.norm.ppf(0.975) * np.sqrt(1.06 / (n - 3))  # Fieller, Hartley & Pearson 1957
    out["spearman"][name] = {
        "rho": float(r.statistic),
        "p": float(r.pvalue),
        "low": float(np.tanh(z - half)),
        "high": float(np.tanh(z + half)),
    }

p = [0.01, 0.04, 0.03, 0.2, 0.001, 0.5, 0.049, 0.04]
out["bh"] = {"p": p, "q": stats.false_discovery_control(p, method="bh").tolist()}

print(json.dumps(out, indent=1))
