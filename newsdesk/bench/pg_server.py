"""A PostgreSQL database of its own for a benchmark figure: a new database on the server
``--db`` names (dropped afterwards), or, without ``--db``, a throwaway cluster started from
the PostgreSQL binaries installed here (as ``.ci/start-postgres`` starts one, removed
afterwards). ``Unavailable`` says why there is none; the figure is then skipped."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


class Unavailable(Exception):
    """No PostgreSQL to run on (the message says why)."""


def _bin_folder() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: [int(x) for x in Path(p).parts[-3].split(".") if x.isdigit()])
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise Unavailable("no PostgreSQL server installed (no initdb); give --db "
                      "postgresql://... or install PostgreSQL")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """A new cluster on 127.0.0.1 (trust, no fsync) for the block; its database's URL."""
    bindir = _bin_folder()
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-bench-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        if shutil.which("runuser") is None:
            raise Unavailable("running as root without runuser to start PostgreSQL")
        shutil.chown(folder, user="postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()

    def run(*command: str) -> None:
        result = subprocess.run([*run_as, *command], capture_output=True, text=True)
        if result.returncode != 0:
            raise Unavailable(f"{Path(command[0]).name} failed: "
                              f"{(result.stderr or result.stdout).strip()[-300:]}")

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "newsdesk",
            "-E", "UTF8", "--locale=C.UTF-8")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w",
            "-o", f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off "
                  "-c full_page_writes=off", "start")
        try:
            run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U",
                "newsdesk", "newsdesk_bench")
            yield f"postgresql://newsdesk@127.0.0.1:{port}/newsdesk_bench"
        finally:
            subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                            "-w", "stop"], capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server of ``server_url`` for the block; its URL."""
    import psycopg2

    name = f"newsdesk_bench_sync_{os.getpid()}"
    try:
        admin = psycopg2.connect(server_url)
    except psycopg2.Error as exc:
        raise Unavailable(f"cannot connect to --db: {str(exc).strip()}") from exc
    admin.autocommit = True
    try:
        try:
            admin.cursor().execute(f"CREATE DATABASE {name}")
        except psycopg2.Error as exc:
            raise Unavailable(f"cannot create a scratch database on --db's server "
                              f"({str(exc).strip()})") from exc
        try:
            yield urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))
        finally:
            admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        admin.close()


@contextmanager
def postgres_for_bench(db_url: str | None) -> Iterator[str]:
    """A database of the figure's own: on ``db_url``'s server, else a throwaway cluster."""
    if db_url:
        with scratch_database(db_url) as url:
            yield url
    else:
        with throwaway_cluster() as url:
            yield url
