"""Reference pipeline for the segmentation benchmark: RFM with pandas, k-means with scikit-learn.

Reads the orders CSV (customer_id, ordered_at, net_minor) exported from the same database, scores
R, F and M as quintiles with ties sharing a score (1 + floor(5 * (rank - 1) / n), as the run does),
maps the R x FM grid, then clusters standardised log features (recency, frequency, monetary,
tenure, order value): k-means++ on a 20,000-customer sample for k = 2..8, k by silhouette on a
2,000-point sample, every customer assigned to the nearest centroid. Prints stage seconds as JSON.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

GRID = [
    ["Lost", "Lost", "At risk", "At risk", "Cannot lose them"],
    ["Hibernating", "Hibernating", "At risk", "At risk", "Cannot lose them"],
    ["About to sleep", "About to sleep", "Needs attention", "Loyal", "Loyal"],
    ["Promising", "Potential loyalists", "Potential loyalists", "Loyal", "Loyal"],
    ["New", "Potential loyalists", "Potential loyalists", "Champions", "Champions"],
]


def quintile(values: pd.Series) -> pd.Series:
    rank = values.rank(method="min")
    return (1 + np.floor(5 * (rank - 1) / len(values))).astype(int)


def main(path: str, as_of: str) -> None:
    timings = {}
    started = time.perf_counter()
    orders = pd.read_csv(path, names=["customer_id", "ordered_at", "net_minor"], parse_dates=["ordered_at"])
    timings["load"] = time.perf_counter() - started

    started = time.perf_counter()
    as_of_day = pd.Timestamp(as_of).tz_convert("UTC").normalize().tz_localize(None)
    orders["day"] = orders["ordered_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
    per = orders.groupby("customer_id").agg(orders=("net_minor", "size"), monetary=("net_minor", "sum"), first_day=("day", "min"), last_day=("day", "max"))
    per["recency_days"] = (as_of_day - per["last_day"]).dt.days.clip(lower=0)
    per["age_days"] = (as_of_day - per["first_day"]).dt.days
    per["r"] = quintile(-per["recency_days"])
    per["f"] = quintile(per["orders"])
    per["m"] = quintile(per["monetary"])
    fm = (per["f"] + per["m"]) // 2
    grid = np.array(GRID)
    per["segment"] = grid[per["r"].to_numpy() - 1, fm.to_numpy() - 1]
    timings["rfm"] = time.perf_counter() - started

    started = time.perf_counter()
    spend = per["monetary"].clip(lower=0)
    features = np.column_stack([
        np.log1p(per["recency_days"]), np.log1p(per["orders"]), np.log1p(spend), np.log1p(per["age_days"]), np.log1p(spend / per["orders"].clip(lower=1)),
    ])
    std = features.std(axis=0)
    std[std == 0] = 1
    scaled = (features - features.mean(axis=0)) / std
    rng = np.random.default_rng(20261123)
    sample = scaled[rng.choice(len(scaled), size=min(20000, len(scaled)), replace=False)]
    best = None
    for k in range(2, 9):
        model = KMeans(n_clusters=k, init="k-means++", n_init=1, random_state=20261123).fit(sample)
        score = silhouette_score(sample, model.labels_, sample_size=min(2000, len(sample)), random_state=20261123)
        if best is None or score > best[0]:
            best = (score, k, model)
    per["cluster"] = best[2].predict(scaled)
    timings["cluster"] = time.perf_counter() - started
    timings["k"] = best[1]
    timings["customers"] = len(per)
    print(json.dumps(timings))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
