"""Requests per second of ``syndicate serve`` against nginx on the same ``public/`` folder.

Two loads, each on keep-alive connections over loopback from a separate process:

* ``304``: a feed reader's conditional GET (``If-None-Match`` with the server's own ETag);
* ``full``: the whole feed body (no compression on either side).

The load generator is ``wrk`` when installed (``apt-get install -y wrk``), else a pool of Python
processes using ``http.client``; nginx is run from a throw-away configuration when installed
(``apt-get install -y nginx-light``), else syndicate is measured alone and that is said clearly.
The goal of issue 5 is 304s at no less than a third of nginx's rate.

Usage: ``python bench/serve.py [--out DIR] [--seconds N] [--client wrk|python] [--nginx-workers N]``
(without ``--out`` a synthetic output root is written to a temporary folder).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import multiprocessing
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEED = "/all.rss.xml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, proc: subprocess.Popen[bytes], what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited at start (status {proc.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise SystemExit(f"{what} did not start listening on port {port}")


def synthetic_out(root: Path) -> Path:
    """An output root whose all.rss.xml is the size of a real 50-entry feed (~80 KB)."""
    public = root / "feeds" / "public"
    public.mkdir(parents=True)
    items = "".join(
        f"<item><title>第{i}条新闻标题</title><link>https://news.example.org/articles/2023-10-24/a{i}.html</link>"
        f"<guid>https://news.example.org/articles/2023-10-24/a{i}.html</guid>"
        f"<description>{'本报讯 青岛西海岸新区聚力推动老工业区蝶变升级，' * 18}</description></item>\n"
        for i in range(50)
    )
    (public / "all.rss.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>西海岸新闻</title>'
        f"<link>https://news.example.org/</link><description>全部</description>\n{items}</channel></rss>\n",
        encoding="utf-8",
    )
    (public / "index.html").write_text("<!doctype html><title>西海岸新闻</title>\n", encoding="utf-8")
    # nginx workers run as an unprivileged user: let them read the folder.
    for path in (root, root / "feeds", public, *public.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return root / "feeds"


@contextlib.contextmanager
def syndicate_server(out: Path) -> Iterator[int]:
    """``syndicate serve --out OUT`` as a user runs it, in its own process."""
    port = free_port()
    cmd = [sys.executable, "-c", "from syndicate.cli import main; main()", "serve", "--out", str(out)]
    proc = subprocess.Popen([*cmd, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, proc, "syndicate serve")
        yield port
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def nginx_server(public: Path, workers: int) -> Iterator[int | None]:
    """nginx serving ``public`` from a throw-away prefix, or None when nginx is not installed."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if binary is None:
        yield None
        return
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as prefix:
        conf = Path(prefix) / "nginx.conf"
        conf.write_text(
            f"""worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    types {{ application/rss+xml rss.xml; text/html html; }}
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {public};
        etag on;
        add_header Cache-Control "public, max-age=300";
    }}
}}
"""
        )
        proc = subprocess.Popen(
            [binary, "-p", prefix, "-c", str(conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(port, proc, "nginx")
            yield port
        finally:
            proc.send_signal(signal.SIGQUIT)  # graceful: the master stops its workers
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def probe(port: int) -> tuple[str, int]:
    """The server's ETag for the feed and the body size; also checks that a 304 comes back."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", FEED)
    resp = conn.getresponse()
    body = resp.read()
    etag = resp.headers.get("ETag")
    if resp.status != 200 or not etag:
        raise SystemExit(f"port {port}: GET {FEED} gave {resp.status} (ETag {etag!r})")
    conn.request("GET", FEED, headers={"If-None-Match": etag})
    again = conn.getresponse()
    again.read()
    if again.status != 304:
        raise SystemExit(f"port {port}: conditional GET gave {again.status}, not 304")
    conn.close()
    return etag, len(body)


# --- load generators ------------------------------------------------------------------------------


def run_wrk(port: int, headers: dict[str, str], seconds: float, connections: int) -> float:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    done = subprocess.run(
        [*cmd, f"http://127.0.0.1:{port}{FEED}"], capture_output=True, text=True, check=True
    )
    if "Non-2xx or 3xx" in done.stdout or "Socket errors" in done.stdout:
        print(f"    wrk reported errors: {done.stdout.strip().splitlines()[-3:]}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", done.stdout)
    if not match:
        raise SystemExit(f"cannot read wrk's output:\n{done.stdout}")
    return float(match.group(1))


def _client(port: int, headers: dict[str, str], until: float, expect: int, counter: object) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    while time.monotonic() < until:
        conn.request("GET", FEED, headers=headers)
        resp = conn.getresponse()
        resp.read()
        if resp.status != expect:
            raise SystemExit(f"unexpected status {resp.status}")
        n += 1
    conn.close()
    with counter.get_lock():  # type: ignore[attr-defined]
        counter.value += n  # type: ignore[attr-defined]


def run_python(port: int, headers: dict[str, str], seconds: float, connections: int) -> float:
    """``connections`` processes, one keep-alive connection each, as fast as they can go."""
    expect = 304 if "If-None-Match" in headers else 200
    counter = multiprocessing.Value("q", 0)
    start = time.monotonic()
    until = start + seconds
    procs = [
        multiprocessing.Process(target=_client, args=(port, headers, until, expect, counter))
        for _ in range(connections)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return float(counter.value) / (time.monotonic() - start)  # type: ignore[attr-defined]


def measure(client: str, port: int, etag: str, seconds: float, connections: int) -> dict[str, float]:
    run = run_wrk if client == "wrk" else run_python
    run(port, {}, 1, connections)  # warm-up: caches, gzip-free bodies, worker threads
    return {
        "304": run(port, {"If-None-Match": etag}, seconds, connections),
        "full": run(port, {}, seconds, connections),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="an output root to serve (default: a synthetic one)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each measurement")
    parser.add_argument("--connections", type=int, default=0, help="concurrent keep-alive connections")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--nginx-workers", type=int, default=1, help="nginx worker_processes (default 1)")
    args = parser.parse_args()

    client = args.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
    if client == "wrk" and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    connections = args.connections or (16 if client == "wrk" else 4)

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        out = args.out.resolve() if args.out else synthetic_out(Path(tmp))
        print(
            f"serving {out / 'public'}{FEED}; load: {client}, {connections} keep-alive connections, "
            f"{args.seconds:g} s per figure; {os.cpu_count()} CPUs shared by servers and load"
        )
        results: dict[str, dict[str, float]] = {}
        with syndicate_server(out) as port:
            etag, size = probe(port)
            print(f"  feed body: {size} bytes")
            results["syndicate"] = measure(client, port, etag, args.seconds, connections)
        with nginx_server(out / "public", args.nginx_workers) as nginx_port:
            if nginx_port is None:
                print("  nginx is NOT installed (apt-get install -y nginx-light): measuring syndicate alone")
            else:
                etag, _ = probe(nginx_port)
                results[f"nginx ({args.nginx_workers} worker{'s' if args.nginx_workers > 1 else ''})"] = (
                    measure(client, nginx_port, etag, args.seconds, connections)
                )

    print(f"\n  {'server':<22}{'304 req/s':>12}{'full req/s':>12}")
    for name, figures in results.items():
        print(f"  {name:<22}{figures['304']:>12,.0f}{figures['full']:>12,.0f}")
    nginx = [v for k, v in results.items() if k.startswith("nginx")]
    if nginx:
        ours = results["syndicate"]
        r304, rfull = ours["304"] / nginx[0]["304"], ours["full"] / nginx[0]["full"]
        verdict = "meets" if r304 >= 1 / 3 else "MISSES"
        print(
            f"\n  syndicate/nginx: 304s {r304:.2f}, full bodies {rfull:.2f} ({verdict} the goal of >= 0.33 for 304s)"
        )


if __name__ == "__main__":
    main()
