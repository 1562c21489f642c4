# FAISS IndexFlatL2 single-query timings for `bench` (run by core.search.FaissReference when
# python3 has faiss, e.g. Debian's python3-faiss). Same workload as the Java side: random unit
# vectors, fresh random unit queries, one query per search call, warm-up first.
# argv: sizes(comma-separated) dim k queries warmup threads(comma-separated) seed
# prints one line per size and thread count: size threads median_ms p95_ms
import math
import sys
import time

import faiss
import numpy as np

sizes = [int(s) for s in sys.argv[1].split(",")]
dim, k, queries, warmup = (int(a) for a in sys.argv[2:6])
threads = [int(t) for t in sys.argv[6].split(",")]
rng = np.random.default_rng(int(sys.argv[7]))


def unit(n):
    x = rng.standard_normal((n, dim), dtype=np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


for size in sizes:
    index = faiss.IndexFlatL2(dim)
    index.add(unit(size))
    for t in threads:
        faiss.omp_set_num_threads(t)
        q = unit(queries + warmup)
        times = []
        for i in range(queries + warmup):
            one = q[i:i + 1]
            t0 = time.perf_counter()
            index.search(one, k)
            if i >= warmup:
                times.append(time.perf_counter() - t0)
        times.sort()
        median = (times[(queries - 1) // 2] + times[queries // 2]) / 2
        p95 = times[math.ceil(0.95 * queries) - 1]
        print(size, t, f"{median * 1e3:.3f}", f"{p95 * 1e3:.3f}", flush=True)
