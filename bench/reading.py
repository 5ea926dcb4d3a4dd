"""Benchmark: reading synthetic articles on one core; prints articles/second next to the target."""

from __future__ import annotations

import argparse
import os
import time

from bench.synthetic import synthetic_articles
from storage.reading import UnreadableArticle, read_article

TARGET_PER_SECOND = 500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=2000, help="how many articles to read")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):  # one core, as the target is stated
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    articles = synthetic_articles(args.n, args.seed)
    read_article(articles[0])  # load the region and sector tables outside the timing
    rejected = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in articles:
        try:
            read_article(text)
        except UnreadableArticle:
            rejected += 1
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    rate = len(articles) / seconds
    verdict = "ok" if rate >= TARGET_PER_SECOND else "BELOW TARGET"
    print(f"reading: {len(articles)} articles in {seconds:.2f} s, rejected {rejected}")
    print(f"reading: {rate:,.0f} articles/s (target >= {TARGET_PER_SECOND}/s) {verdict}")
    # CPU time shows the cost of reading itself when other programs share the machine.
    print(f"reading: {len(articles) / cpu_seconds:,.0f} articles per CPU-second")


if __name__ == "__main__":
    main()
