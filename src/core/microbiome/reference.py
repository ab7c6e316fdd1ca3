#!/usr/bin/python3
"""Reference values for diversity.test.ts / read.test.ts, computed with Debian's scikit-bio 0.5.8.

Run with Debian's interpreter (scikit-bio lives in /usr/lib/python3/dist-packages):
    /usr/bin/python3 src/core/microbiome/reference.py > src/core/microbiome/reference-values.json

The tables are read here independently of the TypeScript code: BIOM 1.0 with json, BIOM 2.1 with
h5py, MetaPhlAn rows by their deepest clade level. scikit-bio 0.5.8's shannon() defaults to base 2,
so nats are asked for explicitly with base=np.e.
"""
import json
import os
from collections import OrderedDict

import h5py
import numpy as np
import skbio
from scipy.spatial.distance import braycurtis
from skbio.diversity import alpha, beta_diversity

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def alpha_all(counts, integer):
    counts = np.asarray(counts, dtype=float)
    obs = int(alpha.observed_otus(counts))
    out = {
        "shannonNats": float(alpha.shannon(counts, base=np.e)),
        "shannonBits": float(alpha.shannon(counts)),  # skbio 0.5.8 default: base 2
        "simpson": float(alpha.simpson(counts)),
        "inverseSimpson": float(alpha.enspie(counts)),
        "observed": obs,
        "pielou": float(alpha.pielou_e(counts)) if obs > 1 else None,
    }
    if integer:
        out["chao1"] = float(alpha.chao1(counts))  # bias_corrected=True is the default
    return out


def biom1_dense(path):
    doc = json.load(open(path))
    m = np.zeros(doc["shape"])
    for r, c, v in doc["data"]:
        m[r, c] += v
    return doc, m


def genus_of(tax):
    g = [t for t in tax if t.startswith("g__")][0]
    return g[3:]


def collapse(m, keys):
    groups = OrderedDict()
    for i, k in enumerate(keys):
        groups.setdefault(k, np.zeros(m.shape[1]))
        groups[k] += m[i]
    return list(groups.keys()), np.array(list(groups.values()))


def per_sample(names, matrix, sample_ids, integer):
    return {sid: alpha_all(matrix[:, j], integer) for j, sid in enumerate(sample_ids)}


out = {"skbio": skbio.__version__}

# BIOM 1.0, no taxonomy: features stand for themselves.
doc, m = biom1_dense(os.path.join(HERE, "min_sparse_otu_table.biom"))
sids = [c["id"] for c in doc["columns"]]
out["min_sparse"] = {
    "alpha": per_sample(None, m, sids, True),
    # beta_diversity works on samples × features; condensed like scipy's pdist.
    "brayCurtisCounts": beta_diversity("braycurtis", m.T, ids=sids).condensed_form().tolist(),
    "brayCurtisRelative12": float(braycurtis(m[:, 0] / m[:, 0].sum(), m[:, 1] / m[:, 1].sum())),
}

# BIOM 1.0 with taxonomy, collapsed to genus (GG_OTU_1 and GG_OTU_5 are both Escherichia).
doc, m = biom1_dense(os.path.join(HERE, "rich_sparse_otu_table.biom"))
sids = [c["id"] for c in doc["columns"]]
genera, gm = collapse(m, [genus_of(r["metadata"]["taxonomy"]) for r in doc["rows"]])
out["rich_sparse_genus"] = {
    "genera": genera,
    "matrix": gm.tolist(),
    "alpha": per_sample(genera, gm, sids, True),
}

# BIOM 2.1 (HDF5): the same table, read with h5py from CSR form.
f = h5py.File(os.path.join(HERE, "rich_sparse_otu_table_hdf5.biom"), "r")
ind, ptr, dat = f["observation/matrix/indices"][:], f["observation/matrix/indptr"][:], f["observation/matrix/data"][:]
h = np.zeros(tuple(f.attrs["shape"]))
for r in range(len(ptr) - 1):
    for k in range(ptr[r], ptr[r + 1]):
        h[r, ind[k]] += dat[k]
tax = [[t.decode() for t in row] for row in f["observation/metadata/taxonomy"][:]]
hg, hm = collapse(h, [genus_of(t) for t in tax])
out["rich_hdf5_genus"] = {
    "genera": hg,
    "alpha": per_sample(hg, hm, [s.decode() for s in f["sample/ids"][:]], True),
}

# MetaPhlAn 4: one rank at a time, rows whose deepest level is that rank; percentages.
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, "metaphlan4_rel_ab_w_read_stats.tsv")) if not l.startswith("#")]
for rank, prefix in (("genus", "g__"), ("species", "s__")):
    picked = [(r[0].split("|")[-1][3:].replace("_", " "), float(r[2])) for r in rows if r[0].split("|")[-1].startswith(prefix)]
    vals = np.array([v for _, v in picked])
    out[f"metaphlan_{rank}"] = {
        "taxa": dict(picked),
        "alpha": alpha_all(vals, False),
    }

print(json.dumps(out, indent=1, sort_keys=True))
