"""Real servers for the group tests, on free loopback ports: a throw-away PostgreSQL cluster and
moto's S3 server. Used by the fixtures in ``conftest.py`` and by ``bench/group.py``.

PostgreSQL: Debian's binaries (``/usr/lib/postgresql/<N>/bin``, or ``pg_config --bindir``).
``initdb`` refuses to run as root, and the tests run as root on CI: then the cluster's folder is
given to the ``postgres`` system user (created by Debian's package) and every server command runs
as that user through ``runuser``. The server listens on 127.0.0.1 only, with ``trust`` auth for
loopback and ``fsync=off`` (a test cluster: speed over durability).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_bindir() -> Path | None:
    """The folder of ``initdb`` and ``postgres``, or None when PostgreSQL is not installed."""
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
        if out and (Path(out) / "initdb").exists():
            return Path(out)
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return versions[0].parent if versions else None


class PostgresCluster:
    """A temporary cluster: ``start()``, then ``url(dbname)``; ``stop()`` removes it."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="syndicate-pg-"))
        self.data = self.root / "data"
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self._databases = 0

    def _as_owner(self, *args: str) -> list[str]:
        if os.geteuid() != 0:
            return list(args)
        return ["runuser", "-u", "postgres", "--", *args]

    def start(self) -> PostgresCluster:
        if os.geteuid() == 0:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "postgres", "postgres")
        init = [str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.user, "--auth=trust"]
        subprocess.run(self._as_owner(*init, "-E", "UTF8", "--no-locale"), check=True, capture_output=True)
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        ctl = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w"]
        subprocess.run(self._as_owner(*ctl, "-o", options, "start"), check=True, capture_output=True)
        return self

    def stop(self) -> None:
        ctl = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
        subprocess.run(self._as_owner(*ctl), check=False, capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        """A fresh, empty database; returns its URL."""
        self._databases += 1
        name = f"t{os.getpid()}_{self._databases}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextlib.contextmanager
def postgres() -> Iterator[PostgresCluster | None]:
    """A running temporary cluster, or None when PostgreSQL's binaries are not installed."""
    bindir = postgres_bindir()
    if bindir is None:
        yield None
        return
    cluster = PostgresCluster(bindir).start()
    try:
        yield cluster
    finally:
        cluster.stop()


class MotoServer:
    """moto's S3 (and friends) in server mode, as a child process on a loopback port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> MotoServer:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2):
                return self
            if self.proc.poll() is not None:
                raise RuntimeError("moto server exited at start")
            time.sleep(0.1)
        raise RuntimeError("moto server did not start in 30 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


S3_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}
