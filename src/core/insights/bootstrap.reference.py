#!/usr/bin/env python3
"""Exact moving-block bootstrap variance of a mean, for bootstrap.test.ts.

For a series of n = k·l values resampled as k blocks of length l drawn uniformly from the
n − l + 1 overlapping blocks, the bootstrap mean is the average of k independent block means, so
Var*(mean*) = Var(block means over all blocks) / k (population variance; Künsch 1989,
doi:10.1214/aos/1176347265, eq. for the MBB variance estimator).

Run: python3 src/core/insights/bootstrap.reference.py
"""
import json

import numpy as np

series = [5, 6, 6, 7, 5, 4, 4, 5, 6, 8, 8, 7, 6, 5, 5, 4, 6, 7, 7, 8, 6, 5, 4, 4]
n, l = len(series), 4
k = n // l
x = np.asarray(series, dtype=float)
block_means = np.array([x[i:i + l].mean() for i in range(n - l + 1)])
print(json.dumps({
    "mbb_variance_l4": float(block_means.var(ddof=0) / k),
    "iid_variance": float(x.var(ddof=0) / n),
}, indent=1))
