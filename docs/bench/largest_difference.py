"""The last column of the method tables in docs/benchmarks.md: the largest relative difference between Stroma's
figures (`./stroma analyse ... --format json`) and R's (docs/bench/methods_in_r.R), |Stroma - R| / |R|.
Usage: python3 docs/bench/largest_difference.py METHOD STROMA.json R.txt
"""
import json
import sys

method, stroma_file, r_file = sys.argv[1:4]
s = json.load(open(stroma_file))
r = {}
for line in open(r_file):
    words = line.split()
    values = []
    while words:
        try:
            values.insert(0, float(words[-1]))
            words.pop()
        except ValueError:
            break
    if words and values:
        r[" ".join(words)] = values


def estimate(term, key="estimate"):
    return next(e[key] for e in s["estimates"] if e["term"].startswith(term))


def test(name, key):
    return next(t[key] for t in s["tests"] if t["name"].startswith(name))


est = s["estimates"]
if method == "ttest":
    w, t = est[0], est[1]
    pairs = list(zip([w["estimate"], w["se"], w["statistic"], w["df"], w["p"]], r["welch estimate se t df p"]))
    pairs += list(zip([t["se"], t["statistic"], t["df"], t["p"]], r["student se t df p"]))
elif method == "mannwhitney":
    pairs = list(zip([s["tests"][0]["statistic"], s["tests"][0]["p"]], r["W p"]))
elif method == "proportions":
    pairs = [(s["tests"][0]["p"], r["fisher p"][0])]
    pairs += list(zip([s["tests"][1]["statistic"], s["tests"][1]["p"]], r["chisq p"]))
elif method == "ancova":
    pairs = list(zip([e["estimate"] for e in est], r["beta"])) + list(zip([e["se"] for e in est], r["se"]))
    pairs += list(zip([s["details"]["residualSd"], s["details"]["rSquared"]], r["sigma r2"]))
    pairs += list(zip([s["tests"][0]["statistic"], s["tests"][0]["p"]], r["F p"]))
elif method == "ordinal":
    coefficients = [e for e in est if not e["term"].startswith("odds ratio")]
    pairs = list(zip([e["estimate"] for e in coefficients], r["beta"] + r["zeta"]))
    pairs += list(zip([e["se"] for e in coefficients], r["se"]))
    pairs += list(zip([s["details"]["logLikelihood"], s["tests"][0]["statistic"]], r["loglik lr"]))
elif method == "negbin":
    coefficients = [e for e in est if not e["term"].startswith("rate ratio")]
    pairs = list(zip([e["estimate"] for e in coefficients], r["beta"]))
    pairs += list(zip([e["se"] for e in coefficients], r["se"]))
    d = s["details"]
    pairs += list(zip([d["theta"], d["thetaSe"], d["logLikelihood"]], r["theta se loglik"]))
elif method == "crossover":
    pairs = []
    for e, name in zip(est[:3], ["treatment", "period", "carryover"]):
        pairs += list(zip([e["estimate"], e["se"], e["statistic"]], r[name + " estimate se t"]))
    pairs += list(zip([est[3]["estimate"], est[3]["statistic"]], r["paired estimate t"]))
elif method == "mmrm":
    coefficients = s["details"]["coefficients"]
    pairs = list(zip([e["estimate"] for e in coefficients], r["beta"]))
    pairs += list(zip([e["se"] for e in coefficients], r["se"]))
    pairs += [(s["details"]["remlLogLikelihood"], r["reml loglik"][0])]
else:
    raise SystemExit("unknown method " + method)
largest = max(0.0 if a == b else abs(a - b) / abs(b) for a, b in pairs)
print(f"{method}: {len(pairs)} figures, largest relative difference {largest:.1e}")
