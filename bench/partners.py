"""Partner index benchmark: the Atom index a partner polls, against the same bytes as a public file.

``syndicate serve`` (its own process) over an output root whose catalog lists ``--entries``
released items (the index shows the newest 500). The index body is fetched once and written into
``public/`` as a plain file; then, with the same load (keep-alive clients in their own
processes), requests per second for: the partner index (200 and 304 with its ETag) and the public
file (200 and 304). The four are measured in turn, ``--rounds`` times over, and each figure is its
best round: on a shared machine the load drifts, and a figure measured while it is heavy says
little about the code. Goals (issue 13): partner index >= 1/3 of the public file's rate; partner
304s at the public-file 304 rate (>= 0.9x: the same work within noise).
Usage: ``python bench/partners.py [--entries 600] [--seconds 1] [--rounds 3] [--connections 4]``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import http.client
import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from common import goal

TOKEN = "bench-partner-token"
INDEX = "/partners/bench/index.atom"
COPY = "/partner-index-copy.xml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def output_root(base: Path, entries: int) -> Path:
    """``out/newsml/catalog.json`` with ``entries`` released items (a day of 25 per date), a config."""
    out = base / "out"
    (out / "public").mkdir(parents=True)
    (out / "newsml").mkdir()
    rows = []
    first = dt.date(2024, 1, 1)
    for n in range(entries):
        day = (first + dt.timedelta(days=n // 25)).isoformat()
        rows.append({
            "date": day, "id": f"{day.replace('-', '')}-{n % 25:04d}", "section": ["要闻", "经济", "体育"][n % 3],
            "headline": f"第{n}篇：新区重点项目建设取得积极进展", "version": 1 + n % 2,
            "embargo_until": f"{day}T06:00:00+08:00", "updated": f"{day}T02:30:{n % 60:02d}+08:00",
            "path": f"{day}/{day.replace('-', '')}-{n % 25:04d}.xml", "status": "usable",
        })  # fmt: skip
    (out / "newsml" / "catalog.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (out / "public" / "index.html").write_text("<!doctype html><title>x</title>\n", encoding="utf-8")
    digest = hashlib.sha256(TOKEN.encode()).hexdigest()
    (base / "serve.toml").write_text(
        f'[output]\ndir = "{out}"\n\n[[partners]]\nid = "bench"\ntoken_sha256 = "{digest}"\nsections = ["*"]\n',
        encoding="utf-8",
    )
    return base / "serve.toml"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def server(config: Path) -> Iterator[tuple[int, int]]:
    port = free_port()
    cmd = [sys.executable, "-c", "from syndicate.cli import main; main()", "serve", "--config", str(config)]
    proc = subprocess.Popen([*cmd, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"syndicate serve exited at start ({proc.returncode})")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            time.sleep(0.05)
        yield port, proc.pid
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, body, resp.headers.get("ETag", "")


def _client(
    port: int, path: str, headers: dict[str, str], until: float, expect: int, counter: object
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    while time.monotonic() < until:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        resp.read()
        if resp.status != expect:
            raise SystemExit(f"GET {path}: unexpected status {resp.status}")
        n += 1
    conn.close()
    with counter.get_lock():  # type: ignore[attr-defined]
        counter.value += n  # type: ignore[attr-defined]


def rate(
    port: int, path: str, headers: dict[str, str], expect: int, seconds: float, connections: int
) -> tuple[float, int]:
    """Requests per second, and how many were answered."""
    counter = multiprocessing.Value("q", 0)
    start = time.monotonic()
    procs = [
        multiprocessing.Process(target=_client, args=(port, path, headers, start + seconds, expect, counter))
        for _ in range(connections)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    done = int(counter.value)  # type: ignore[attr-defined]
    return done / (time.monotonic() - start), done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=600)
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--connections", type=int, default=4)
    args = ap.parse_args()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with tempfile.TemporaryDirectory(prefix="bench-partners-") as tmp:
        config = output_root(Path(tmp), args.entries)
        with server(config) as (port, pid):
            status, body, etag = get(port, INDEX, auth)
            if status != 200 or not etag:
                raise SystemExit(f"GET {INDEX} gave {status} (ETag {etag!r})")
            (Path(tmp) / "out" / "public" / COPY[1:]).write_bytes(body)
            _, _, file_etag = get(port, COPY, {})
            print(f"partner index: {body.count(b'<entry>')} entries, {len(body)} bytes")
            cases = (
                ("index 200", INDEX, auth, 200),
                ("index 304", INDEX, {**auth, "If-None-Match": etag}, 304),
                ("file 200", COPY, {}, 200),
                ("file 304", COPY, {"If-None-Match": file_etag}, 304),
            )
            for _, path, headers, expect in cases:
                rate(port, path, headers, expect, 0.5, args.connections)  # warm-up
            rounds: dict[str, list[float]] = {name: [] for name, *_ in cases}
            cpu: dict[str, list[float]] = {name: [] for name, *_ in cases}  # server CPU per request
            for _ in range(args.rounds):
                for name, path, headers, expect in cases:
                    before = cpu_seconds(pid)
                    per_second, done = rate(port, path, headers, expect, args.seconds, args.connections)
                    rounds[name].append(per_second)
                    cpu[name].append((cpu_seconds(pid) - before) / max(done, 1))
            figures = {name: max(rates) for name, rates in rounds.items()}
            for name, rates in rounds.items():
                print(
                    f"  {name:<10} {figures[name]:9,.0f} req/s (rounds: {', '.join(f'{r:,.0f}' for r in rates)});"
                    f" server CPU {min(cpu[name]) * 1e6:5.0f} us/request"
                )
    goal(
        "partners: index 200 rate / public file 200 rate",
        figures["index 200"] / figures["file 200"],
        ">=",
        1 / 3,
    )
    goal(
        "partners: index 304 rate / public file 304 rate",
        figures["index 304"] / figures["file 304"],
        ">=",
        0.9,
    )


if __name__ == "__main__":
    main()
