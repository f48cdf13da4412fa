#!/usr/bin/python3
"""Reference values for @ioc-kit/insights' trend statistics, written to reference.json.

Run once with Debian's Python (apt-get install -y python3-scipy), or any Python with NumPy and SciPy:
    /usr/bin/python3 packages/insights/reference/reference.py
The tests compare the TypeScript results with this file to 1e-6 and need no Python.

SciPy gives Theil-Sen (scipy.stats.theilslopes, its default 'separate' intercept) and Kendall's
tau-b with its asymptotic p-value (scipy.stats.kendalltau). SciPy has no Mann-Kendall variance,
Hamed-Rao or Yue-Wang correction or seasonal Kendall test, so those are written out below in plain NumPy
from the published formulas (Kendall 1975; Hamed & Rao 1998; Yue & Wang 2004; Hirsch, Slack & Smith 1982),
independently of the TypeScript code. Gaps (NaN) are skipped; positions are the values' places
on the time grid.
"""
import json
import math
import os

import numpy as np
from scipy import stats

rng = np.random.default_rng(20261202)


def ties(values):
    _, counts = np.unique(values, return_counts=True)
    return counts[counts > 1]


def mk(x, continuity=True):
    x = x[np.isfinite(x)]
    n = len(x)
    s = 0.0
    for i in range(n - 1):
        s += np.sign(x[i + 1:] - x[i]).sum()
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties(x))) / 18.0
    z = zscore(s, var, continuity)
    return s, var, z, pvalue(z, var)


def zscore(s, var, continuity=True):
    if var <= 0 or s == 0:
        return 0.0
    c = 1.0 if continuity else 0.0
    return (s - c) / math.sqrt(var) if s > 0 else (s + c) / math.sqrt(var)


def pvalue(z, var):
    return float(2 * stats.norm.sf(abs(z))) if var > 0 else 1.0


RESIDUAL_TOLERANCE = 1e-9


def sen_residuals(pos, xs):
    """xs less the Sen line, residuals within 1e-9 of the data's magnitude merged into ties.

    An exact line (0.1, 1.1, 2.1, ...) leaves residuals that differ only by rounding error;
    their ranks would carry a rounding pattern, not autocorrelation. Each run of residuals
    closer than the tolerance to its smallest takes that value. Returns (residuals, distinct).
    """
    slope = stats.theilslopes(xs, pos)[0]
    trend = slope * pos
    d = xs - trend
    tol = RESIDUAL_TOLERANCE * max(np.abs(xs).max(), np.abs(trend).max())
    out = d.copy()
    distinct, anchor = 0, None
    for i in np.argsort(d, kind='stable'):
        if distinct > 0 and d[i] - anchor <= tol:
            out[i] = anchor
        else:
            anchor = d[i]
            distinct += 1
    return out, distinct


def hamed_rao(pos, x, alpha=0.05, max_lag=None, lag_alpha=None):
    keep = np.isfinite(x)
    s, var, _, _ = mk(x)
    xs, ps = x[keep], pos[keep]
    n = len(xs)
    if n < 3:
        return var, 1.0, zscore(s, var), pvalue(zscore(s, var), var)
    d, distinct = sen_residuals(ps, xs)
    if distinct < 2:
        return var, 1.0, zscore(s, var), pvalue(zscore(s, var), var)
    ranks = stats.rankdata(d)
    y = ranks - ranks.mean()
    c0 = (y * y).sum()
    if c0 <= 0:
        return var, 1.0, zscore(s, var), pvalue(zscore(s, var), var)
    bound = stats.norm.ppf(1 - (alpha if lag_alpha is None else lag_alpha) / 2) / math.sqrt(n)
    total = 0.0
    for k in range(1, n if max_lag is None else min(n - 3, max_lag) + 1):
        rho = (y[:-k] * y[k:]).sum() / c0
        if abs(rho) > bound:
            total += (n - k) * (n - k - 1) * (n - k - 2) * rho
    factor = 1 + 2.0 / (n * (n - 1) * (n - 2)) * total
    if factor <= 0:
        factor = 1.0
    var *= factor
    z = zscore(s, var)
    return var, factor, z, pvalue(z, var)


def yue_wang(pos, x, alpha=0.05):
    keep = np.isfinite(x)
    s, var, _, _ = mk(x)
    xs, ps = x[keep], pos[keep]
    n = len(xs)
    plain = (var, 1.0, 0.0, zscore(s, var), pvalue(zscore(s, var), var))
    if n < 5:
        return plain
    d, distinct = sen_residuals(ps, xs)
    if distinct < 2:
        return plain
    d = d - d.mean()
    c0 = (d * d).sum()
    if c0 <= 0:
        return plain
    r1 = (d[1:] * d[:-1]).sum() / c0
    if abs(r1) <= stats.norm.ppf(1 - alpha / 2) / math.sqrt(n):
        return plain
    rho = min(0.95, (n * r1 + 1) / (n - 4))
    k = np.arange(1, n)
    factor = 1 + 2 * ((1 - k / n) * rho ** k).sum()
    if factor <= 0:
        factor = 1.0
    var *= factor
    z = zscore(s, var)
    return var, factor, rho, z, pvalue(z, var)


def seasonal(pos, x, season, confidence=0.95):
    s_total, var_total, slopes = 0.0, 0.0, []
    for g in np.unique(season):
        sel = (season == g) & np.isfinite(x)
        xs, ps = x[sel], pos[sel]
        if len(xs) < 2:
            continue
        s, var, _, _ = mk(xs)
        s_total += s
        var_total += var
        for i in range(len(xs) - 1):
            slopes.extend((xs[i + 1:] - xs[i]) / (ps[i + 1:] - ps[i]))
    z = zscore(s_total, var_total)
    slopes = np.sort(np.array(slopes))
    nt = len(slopes)
    zq = stats.norm.ppf((1 - confidence) / 2)
    sigma = math.sqrt(var_total)
    upper = min(int(np.round((nt - zq * sigma) / 2)), nt - 1)
    lower = max(int(np.round((nt + zq * sigma) / 2)) - 1, 0)
    return {
        's': s_total, 'varS': var_total, 'z': z, 'p': pvalue(z, var_total),
        'slope': float(np.median(slopes)), 'low': float(slopes[lower]), 'high': float(slopes[upper]),
    }


def series_set():
    out = []
    n = 30
    out.append(('linear trend with noise', np.arange(n) * 0.5 + rng.normal(0, 2, n), None))
    out.append(('ties (rounded values)', np.round(np.arange(25) * 0.2 + rng.normal(0, 1.5, 25)), None))
    gaps = np.arange(40) * -0.3 + rng.normal(0, 1, 40)
    gaps[[3, 4, 11, 20, 21, 33]] = np.nan
    out.append(('gaps (NaN)', gaps, None))
    out.append(('constant', np.full(12, 7.0), None))
    out.append(('four points', np.array([3.0, 1.0, 4.0, 1.5]), None))
    out.append(('three points', np.array([2.0, 5.0, 4.0]), None))
    ar = np.zeros(120)
    for i in range(1, 120):
        ar[i] = 0.7 * ar[i - 1] + rng.normal(0, 1)
    out.append(('AR(1) 0.7 with a small trend', ar + np.arange(120) * 0.02, None))
    months = np.arange(72)
    out.append(('monthly seasonal with trend', 10 + 3 * np.sin(2 * np.pi * months / 12) + months * 0.05 + rng.normal(0, 0.8, 72), months % 12))
    monthly = np.round(20 + 5 * np.cos(2 * np.pi * np.arange(60) / 12) - np.arange(60) * 0.04 + rng.normal(0, 1, 60))
    monthly[[5, 17, 18, 40]] = np.nan
    out.append(('monthly with gaps and ties', monthly, np.arange(60) % 12))
    out.append(('falling, heavy ties', np.clip(np.round(3 - np.arange(50) / 25 + rng.normal(0, 0.6, 50)), 1, 3), None))
    out.append(('random walk', np.cumsum(rng.normal(0, 1, 200)), None))
    out.append(('step', np.concatenate([np.full(30, 5.0), np.full(30, 8.0)]) + rng.normal(0, 0.5, 60), None))
    out.append(('white noise', rng.normal(50, 5, 90), None))
    # Exact lines (rounding error is all that is left after the Sen slope) and one with a spike.
    out.append(('pure ramp 0.1 + i', 0.1 + np.arange(30), None))
    out.append(('pure falling ramp 50.3 - 0.7 i', 50.3 - 0.7 * np.arange(30), None))
    spiked = 0.1 + np.arange(30) * 1.0
    spiked[17] += 9
    out.append(('ramp with one spike', spiked, None))
    return out


def num(value):
    value = float(value)
    return value if math.isfinite(value) else None


def main():
    cases = []
    for name, x, season in series_set():
        x = np.asarray(x, dtype=float)
        pos = np.arange(len(x), dtype=float)
        keep = np.isfinite(x)
        case = {'name': name, 'values': [num(v) for v in x]}
        if keep.sum() >= 2:
            slope, intercept, low, high = stats.theilslopes(x[keep], pos[keep], 0.95)
            case['theilslopes'] = {'slope': num(slope), 'intercept': num(intercept), 'low': num(low), 'high': num(high)}
            tau = stats.kendalltau(pos[keep], x[keep], method='asymptotic')
            case['kendalltau'] = {'tau': num(tau.statistic), 'p': num(tau.pvalue)}
        s, var, z, p = mk(x)
        case['mannKendall'] = {'s': s, 'varS': var, 'z': z, 'p': p}
        var_hr, factor, z_hr, p_hr = hamed_rao(pos, x)
        case['hamedRao'] = {'varS': var_hr, 'correction': factor, 'z': z_hr, 'p': p_hr}
        # The screen the trend module uses: 10 lags at alpha / 10.
        var_hr, factor, z_hr, p_hr = hamed_rao(pos, x, max_lag=10, lag_alpha=0.005)
        case['hamedRaoScreened'] = {'varS': var_hr, 'correction': factor, 'z': z_hr, 'p': p_hr}
        var_yw, factor, rho, z_yw, p_yw = yue_wang(pos, x)
        case['yueWang'] = {'varS': var_yw, 'correction': factor, 'rho': rho, 'z': z_yw, 'p': p_yw}
        if season is not None:
            case['season'] = [int(g) for g in season]
            case['seasonalKendall'] = {k: num(v) for k, v in seasonal(pos, x, season).items()}
        cases.append(case)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'reference.json'), 'w', encoding='utf-8') as out:
        json.dump({'generator': 'reference.py', 'scipy': __import__('scipy').__version__, 'numpy': np.__version__, 'cases': cases}, out, indent=1)
        out.write('\n')
    print(f'{len(cases)} series written to reference.json')


if __name__ == '__main__':
    main()
