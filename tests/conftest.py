"""Settings shared by the whole suite.

Hypothesis's per-example deadline (200 ms) is a timing check: on a loaded two-core machine a
property of periods or units can trip it with nothing wrong. Timings belong in
``benchmarks/``, so the suite's properties have no deadline; what each example checks is
unchanged.
"""

from hypothesis import settings

settings.register_profile("targettrack", deadline=None)
settings.load_profile("targettrack")
