#!/usr/bin/env python3
"""Writes associations.fixture.json (a seeded 60-day matrix) and prints reference values for
associations.test.ts, computed independently with NumPy/SciPy following the rules in
associations.ts: energy = mean of the energy readings given; gut comfort = 10 − mean(bloating,
abdominal pain); a yes/no factor missing on a tracked day inside its tracked span counts as 0;
Welch for yes/no (variances floored at 1/12, the whole-point rounding), Spearman
(scipy.stats.spearmanr) with the Fieller CI for continuous; both over the effective number of days
n·(1 − rₓrᵧ)/(1 + rₓrᵧ) from the two columns' lag-1 autocorrelations (Bartlett / Bayley–Hammersley).
Works on Debian's SciPy 1.10: the Welch interval comes from scipy.stats.t.ppf.

Run: /usr/bin/python3 src/core/insights/associations.reference.py
"""
import datetime as dt
import json
import pathlib

import numpy as np
from scipy import stats

rng = np.random.default_rng(20260101)
N = 60
start = dt.date(2026, 1, 1)
kefir = (rng.random(N) < 0.4).astype(float)
sleep = np.round(rng.normal(7, 1, N) * 4) / 4
mood = np.clip(np.round(5 + 1.2 * kefir + 0.6 * (np.roll(sleep, 1) - 7) + rng.normal(0, 1, N)), 1, 10)
em = np.clip(np.round(5 + 0.5 * (sleep - 7) + rng.normal(0, 1.2, N)), 1, 10)
ee = np.clip(np.round(4 + rng.normal(0, 1.2, N)), 1, 10)
bloat = np.clip(np.round(3 - 1.0 * kefir + rng.normal(0, 1, N)), 0, 10)

matrix = {}
for i in range(N):
    date = (start + dt.timedelta(days=i)).isoformat()
    if i in (10, 11, 30):  # nothing tracked at all
        continue
    day = {"mood": mood[i], "sleep_hours": sleep[i], "bloating": bloat[i]}
    if i % 7 != 3:
        day["energy_morning"] = em[i]
    if i % 5 != 0:
        day["energy_evening"] = ee[i]
    if i % 9 == 4:
        del day["mood"]
    # kefir logged only when had, and only from day 3 to day 55: other tracked days inside count as 0
    if 3 <= i <= 55 and kefir[i] == 1:
        day["kefir"] = 1.0
    matrix[date] = {k: float(v) for k, v in day.items()}
path = pathlib.Path(__file__).with_name("associations.fixture.json")
path.write_text(json.dumps(matrix, indent=2, sort_keys=True) + "\n")

# Dense columns, NaN where missing.
def col(key):
    out = np.full(N, np.nan)
    for i in range(N):
        d = matrix.get((start + dt.timedelta(days=i)).isoformat())
        if d and key in d:
            out[i] = d[key]
    return out

tracked = np.array([(start + dt.timedelta(days=i)).isoformat() in matrix for i in range(N)])
energy = np.nanmean(np.vstack([col("energy_morning"), col("energy_evening")]), axis=0)
gut = 10 - col("bloating")
k = col("kefir")
kf = np.full(N, np.nan)
span = np.where(~np.isnan(k))[0]
for i in range(span.min(), span.max() + 1):
    if not np.isnan(k[i]):
        kf[i] = 1.0 if k[i] > 0 else 0.0
    elif tracked[i]:
        kf[i] = 0.0

def pair(x, y, lag):
    xs, ys = (x[:-1], y[1:]) if lag else (x, y)
    ok = ~np.isnan(xs) & ~np.isnan(ys)
    return xs[ok], ys[ok]


def lag1(col):
    """Lag-1 autocorrelation over consecutive recorded days, about the mean of all recorded days."""
    n = (~np.isnan(col)).sum()
    if n < 4:
        return 0.0
    d = col - np.nanmean(col)
    prod = d[:-1] * d[1:]
    ok = ~np.isnan(prod)
    c0 = np.nansum(d * d)
    if ok.sum() < 3 or not c0 > 1e-12 * n:
        return 0.0
    return float(np.clip((prod[ok].sum() / ok.sum()) / (c0 / n), -1, 1))


def inflation(rx, ry):
    prod = min(0.95, rx * ry)
    return (1 + prod) / (1 - prod) if prod > 0 else 1.0


def welch(a, b, k):
    va = max(a.var(ddof=1), 1 / 12) / a.size
    vb = max(b.var(ddof=1), 1 / 12) / b.size
    se = np.sqrt((va + vb) * k)
    df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1)) / k
    d = a.mean() - b.mean()
    half = stats.t.ppf(0.975, max(1, df)) * se
    return d, d - half, d + half, df, 2 * stats.t.sf(abs(d / se), max(1, df))


def spearman(xs, ys, k):
    rho = stats.spearmanr(xs, ys).correlation
    n = max(4, len(xs) / k)
    t = rho * np.sqrt((n - 2) / (1 - rho * rho))
    z, half = np.arctanh(rho), stats.norm.ppf(0.975) * np.sqrt(1.06 / (n - 3))
    return rho, np.tanh(z - half), np.tanh(z + half), 2 * stats.t.sf(abs(t), n - 2)


mood = col("mood")
res = {}
for name, x, y, lag in (("kefir_mood_0", kf, mood, 0), ("kefir_gut_1", kf, gut, 1)):
    xs, ys = pair(x, y, lag)
    a, b = ys[xs > 0], ys[xs == 0]
    k = inflation(lag1(x), lag1(y))
    d, low, high, df, p = welch(a, b, k)
    res[name] = dict(paired=len(xs), withDays=len(a), withoutDays=len(b), meanWith=a.mean(), meanWithout=b.mean(),
                     difference=d, low=low, high=high, df=df, p=p, effectiveDays=len(xs) / k)
for name, x, y, lag in (("sleep_mood_1", col("sleep_hours"), mood, 1), ("sleep_energy_0", col("sleep_hours"), energy, 0),
                        ("together_mood_energy_0", mood, energy, 0)):
    xs, ys = pair(x, y, lag)
    k = inflation(lag1(x), lag1(y))
    rho, low, high, p = spearman(xs, ys, k)
    ranks = stats.rankdata(xs)
    mid = (len(xs) + 1) / 2
    res[name] = dict(paired=len(xs), rho=rho, low=low, high=high, p=p, effectiveDays=len(xs) / k,
                     meanHigh=ys[ranks > mid].mean(), meanLow=ys[ranks < mid].mean())
print(json.dumps({k: {a: float(b) for a, b in v.items()} for k, v in res.items()}, indent=1))
