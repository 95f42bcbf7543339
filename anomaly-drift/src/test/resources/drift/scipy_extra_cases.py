# Generates scipy_extra_cases.json (run with scipy; the version used is recorded in the JSON).
import json, numpy as np, scipy, warnings
from scipy import stats
warnings.simplefilter("ignore")
rng = np.random.default_rng(20261202)
cases = []
specs = [(5,7,0.0,False),(6,8,1.0,False),(8,30,0.5,False),(7,200,0.3,False),(12,15,0.8,False),(25,40,0.4,False),
         (60,100,0.3,False),(100,100,0.0,False),(140,90,0.25,False),(300,300,0.1,False),(300,250,0.2,True),
         (1000,700,0.05,False),(1000,1000,0.15,True),(3000,2000,0.04,False),(30,30,0.0,True),(50,13,0.6,False)]
for i,(n1,n2,shift,ties) in enumerate(specs):
    a = rng.normal(size=n1); b = rng.normal(loc=shift, size=n2)
    if ties:
        a = np.round(a*2)/2; b = np.round(b*2)/2
    c = {"name": f"extra_{i}_{n1}_{n2}", "reference": a.tolist(), "current": b.tolist()}
    for m in ("exact","asymp"):
        r = stats.ks_2samp(a, b, method=m)
        c["ks_statistic"] = float(r.statistic); c["ks_pvalue_"+m] = float(r.pvalue)
    r = stats.ks_2samp(a, b); c["ks_pvalue_auto"] = float(r.pvalue)
    r = stats.mannwhitneyu(a, b); c["mw_u"] = float(r.statistic); c["mw_p"] = float(r.pvalue)
    r = stats.anderson_ksamp([a, b]); c["ad_statistic"] = float(r.statistic); c["ad_p"] = float(r.pvalue)
    c["wasserstein"] = float(stats.wasserstein_distance(a, b))
    cases.append(c)
json.dump({"scipy_version": scipy.__version__, "numpy_version": np.__version__,
           "generator": "anomaly-drift/src/test/resources/drift/scipy_extra_cases.py", "cases": cases},
          open("scipy_extra_cases.json","w"))
print(len(cases), [ (c["name"], round(c["ks_pvalue_asymp"],6), c["ad_p"]) for c in cases][:5])
