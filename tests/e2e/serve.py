"""A real `streamlit run` server on 127.0.0.1 and the Chromium to drive it: shared by the browser
tests, the README screenshot and the benchmarks."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "playground.py"

# Debian's Chromium; NEURON_CHROMIUM points elsewhere. Browser downloads are impossible here.
CHROMIUM_ENV = "NEURON_CHROMIUM"
REQUIRE_ENV = "NEURON_REQUIRE_BROWSER"  # set by .ci/run: a missing browser fails instead of skipping
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    """The Chromium binary to use, or None when there is none on this machine."""
    if os.environ.get(CHROMIUM_ENV):  # asked for by name: that one or none
        return os.environ[CHROMIUM_ENV] if Path(os.environ[CHROMIUM_ENV]).exists() else None
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
            return r.status == 200
    except OSError:
        return False


class Server(str):
    """A running server's URL (a str, so it can be used as one) with its process id and its log."""

    def __new__(cls, url: str, pid: int, log: Path | None = None) -> Server:
        s = super().__new__(cls, url)
        s.pid = pid
        s.log = log
        return s

    def logged(self) -> str:
        """What the server has written to its standard error so far (its log)."""
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log else ""

    @property
    def url(self) -> str:
        return str(self)


@contextmanager
def streamlit_server(
    script: Path = APP,
    timeout: float = 60.0,
    port: int | None = None,
    env: dict[str, str] | None = None,
    cpus: str | None = None,
) -> Iterator[Server]:
    """Run `streamlit run script` on a free port of 127.0.0.1; yield its URL; stop it by its pid.

    `env` adds to the server's environment (a cookie secret that replicas share, say); `cpus` pins the
    server to those CPUs with taskset ("0": one core, as a small host gives it).
    """
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [
        *(["taskset", "-c", cpus] if cpus else []),
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
    ]
    # The log goes to a file, not a pipe: a server that logs more than a pipe holds would block on it.
    log = Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,  # the project's .streamlit/config.toml applies to every app served, the floor too
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("SHOW_STDERR") else err,
        )
    server = Server(url, proc.pid, log)
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(url):
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode}: {server.logged()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit did not answer {url}/_stcore/health in {timeout} s")
            time.sleep(0.2)
        yield server
    finally:
        _stop(proc)
        log.unlink(missing_ok=True)


def _stop(proc: subprocess.Popen) -> None:
    """Stop a process we started, by its pid: TERM, then KILL if it lingers."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    if proc.stderr:
        proc.stderr.close()


HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"


@contextmanager
def balanced(
    replicas: int, timeout: float = 60.0, env: dict[str, str] | None = None
) -> Iterator[tuple[Server, list[Server]]]:
    """`replicas` servers of the app behind HAProxy with sticky sessions, as deploy/run starts them (`env`
    adds to each one's environment: the live classes' one database, say).

    Yields the balancer's URL (with the pid of haproxy) and the replicas; stops every one by its pid.
    """
    secret = {"STREAMLIT_SERVER_COOKIE_SECRET": os.urandom(16).hex()}  # one for all, as deploy/run does
    with ExitStack() as stack:
        servers = [stack.enter_context(streamlit_server(env=secret | (env or {}))) for _ in range(replicas)]
        lines = [
            f"    server r{k} {s.url.removeprefix('http://')} check cookie r{k}"
            for k, s in enumerate(servers, start=1)
        ]
        port = free_port()
        conf = (
            (ROOT / "deploy" / "haproxy.cfg.in")
            .read_text()
            .format(bind=f"127.0.0.1:{port}", servers="\n".join(lines))
        )
        path = stack.enter_context(tempfile.TemporaryDirectory())
        cfg = Path(path) / "haproxy.cfg"
        cfg.write_text(conf)
        proc = subprocess.Popen(
            [HAPROXY, "-f", str(cfg), "-db"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        stack.callback(_stop, proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while not _healthy(url):  # up once haproxy listens and its checks found a replica up
            if proc.poll() is not None:
                raise RuntimeError(f"haproxy exited with {proc.returncode}: {proc.stderr.read().decode()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"haproxy did not answer {url}/_stcore/health in {timeout} s")
            time.sleep(0.2)
        yield Server(url, proc.pid), servers
