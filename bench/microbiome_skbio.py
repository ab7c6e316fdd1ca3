#!/usr/bin/python3
"""scikit-bio side of `npm run bench:microbiome` (Debian's python3-skbio 0.5.8).

argv: <table.tsv> <out.json>. Loads the same QIIME-style table the TypeScript side reads, then
times alpha diversity (Shannon in nats and bits, Simpson, inverse Simpson, observed, Pielou, Chao1)
for every sample and Bray–Curtis for all pairs. Prints the time in ms; writes a few values for the
cross-check.
"""
import json
import sys
import time

import numpy as np
from skbio.diversity import alpha_diversity, beta_diversity

table_path, out_path = sys.argv[1], sys.argv[2]
with open(table_path) as f:
    f.readline()  # '# Constructed from biom file'
    header = f.readline().rstrip("\n").split("\t")
    sample_ids = header[1:]
    counts = np.loadtxt(f, delimiter="\t", usecols=range(1, len(header)), dtype=np.int64)
counts = counts.T  # samples × taxa

start = time.perf_counter()
alpha = {
    "shannonNats": alpha_diversity("shannon", counts, ids=sample_ids, base=np.e),
    "shannonBits": alpha_diversity("shannon", counts, ids=sample_ids),
    "simpson": alpha_diversity("simpson", counts, ids=sample_ids),
    "inverseSimpson": alpha_diversity("enspie", counts, ids=sample_ids),
    "observed": alpha_diversity("observed_otus", counts, ids=sample_ids),
    "pielou": alpha_diversity("pielou_e", counts, ids=sample_ids),
    "chao1": alpha_diversity("chao1", counts, ids=sample_ids),
}
bc = beta_diversity("braycurtis", counts, ids=sample_ids).condensed_form()
elapsed = (time.perf_counter() - start) * 1000

check = {k: [float(v.iloc[i]) for i in (0, 1, len(sample_ids) - 1)] for k, v in alpha.items()}
check["brayCurtisFirst"] = [float(x) for x in bc[:3]]
check["brayCurtisLast"] = float(bc[-1])
check["brayCurtisSum"] = float(bc.sum())
json.dump(check, open(out_path, "w"))
print(f"{elapsed:.1f}")
