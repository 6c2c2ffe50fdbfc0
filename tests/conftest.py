"""Settings every test shares: no timed assertions, since the machines here are shared and noisy."""

from hypothesis import HealthCheck, settings

# Hypothesis's deadline and its too-slow check time each example: on a loaded machine they fail a test
# whose every assertion holds. Speed is measured by the benchmarks in bench/, never here.
settings.register_profile("untimed", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("untimed")
