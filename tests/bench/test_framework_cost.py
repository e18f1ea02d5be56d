"""bench.framework_cost: every route it times answers, and each gets a figure."""

import asyncio

from bench.framework_cost import PATHS, measure


def test_every_route_is_timed_and_answers():
    # A route that did not answer 200 would raise; timings are not judged here.
    medians = asyncio.run(measure(requests=50, rounds=1))
    assert set(medians) == set(PATHS)
    assert all(value > 0 for value in medians.values())
