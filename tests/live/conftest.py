"""The databases a live class is tested on: SQLite (a file of the test's own) and a real PostgreSQL, the one
.ci/run starts (NEURON_POSTGRES_URL); without one the PostgreSQL tests skip, and in CI they fail."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from neuron_core.live import store

POSTGRES_ENV = "NEURON_POSTGRES_URL"  # set by .ci/run: the server deploy/postgres started
REQUIRE_ENV = "NEURON_REQUIRE_POSTGRES"  # set by .ci/run: a missing server fails instead of skipping


def postgres_url() -> str:
    """The test PostgreSQL's address, or a skip (a failure in CI) where there is none."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        how = f"no PostgreSQL: set {POSTGRES_ENV} (deploy/postgres start DIR PORT prints one)"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(how)
        pytest.skip(how)
    return url


def fresh(engine: sa.Engine) -> sa.Engine:
    """The engine with the live tables gone: each test makes the schema itself."""
    store.metadata.drop_all(engine)
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path) -> Iterator[sa.Engine]:
    """An engine on each database: a new SQLite file, or the test PostgreSQL emptied."""
    if request.param == "sqlite":
        e = sa.create_engine(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    else:
        e = sa.create_engine(postgres_url(), pool_size=50, max_overflow=10)
    yield fresh(e)
    fresh(e).dispose()
