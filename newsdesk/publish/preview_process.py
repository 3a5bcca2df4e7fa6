"""The live preview's renderer in a process of its own.

Python-Markdown is pure Python: rendering a 2,000-word story takes 10-25 ms, and on a
thread of the window's process it holds the GIL for that long, so every keystroke whose
handlers (highlighting, counts, cursor tracking) need the GIL meanwhile waits for it. A
child process renders instead; the window's preview thread only writes the fields to a
pipe and waits for the page (blocking I/O, GIL released). The render cache lives in the
child, so unchanged text is still rendered once.

The protocol is length-prefixed pickles over the child's stdin/stdout; the child only
ever reads what its parent wrote. It exits when its stdin closes, which happens however
the parent ends (even ``os._exit`` or a kill). Where no child can be started (a frozen
build whose executable is the app itself, or a start that fails), pages are rendered
in-process as before.
"""

from __future__ import annotations

import contextlib
import os
import struct
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsdesk.publish.page_items import Surroundings

HEADER = struct.Struct("!I")


def _read_frame(stream: IO[bytes]) -> bytes | None:
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    data = stream.read(size)
    return data if len(data) == size else None


def _write_frame(stream: IO[bytes], data: bytes) -> None:
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """The child's loop: (fields, surroundings) in, (ok, page or reason) out, until EOF.

    It renders an empty page first, before the first request can come: the child is
    started with the window, and its imports (Jinja2, Markdown, Babel) and compiled
    templates are then ready, on the other core, when the window asks for its first page.
    """
    import pickle

    from newsdesk.publish.page_items import Surroundings
    from newsdesk.publish.story_page import render_preview_page

    with contextlib.suppress(Exception):  # a warm-up: a real request reports its own error
        render_preview_page({}, Surroundings())
    while (frame := _read_frame(requests)) is not None:
        fields, surroundings = pickle.loads(frame)
        try:
            reply = (True, render_preview_page(fields, surroundings))
        except Exception as exc:  # a rendering bug: the parent logs it, the child goes on
            reply = (False, f"{type(exc).__name__}: {exc}")
        _write_frame(replies, pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))


class PreviewRenderer:
    """One child process rendering preview pages, shared by every preview of the window
    (one request at a time). ``render`` is called from the previews' worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._failed = getattr(sys, "frozen", False)  # sys.executable is the app itself

    def render(self, fields: Mapping[str, Any], surroundings: Surroundings) -> str:
        with self._lock:
            process = self._child()
            if process is not None:
                page = self._ask(process, fields, surroundings)
                if page is not None:
                    return page
        from newsdesk.publish.story_page import render_preview_page

        return render_preview_page(fields, surroundings)

    def start(self) -> None:
        """Start the child now (its imports take longer than a page takes to render), so
        the first render finds it ready."""
        with self._lock:
            self._child()

    def _ask(self, process: subprocess.Popen[bytes], fields: Mapping[str, Any],
             surroundings: Surroundings) -> str | None:
        import pickle  # with the first page, not with the window's start

        assert process.stdin is not None and process.stdout is not None
        try:
            _write_frame(process.stdin, pickle.dumps((dict(fields), surroundings),
                                                     protocol=pickle.HIGHEST_PROTOCOL))
            frame = _read_frame(process.stdout)
        except (OSError, ValueError):
            frame = None
        if frame is None:  # the child died: this page here, a new child next time
            self._stop()
            return None
        ok, value = pickle.loads(frame)
        if not ok:
            raise RuntimeError(f"preview render failed in the renderer process: {value}")
        return value

    def _child(self) -> subprocess.Popen[bytes] | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        if self._failed:
            return None
        # The child imports this very copy of newsdesk (a worktree, tests), not whichever
        # one is installed.
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [package_root] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "newsdesk.publish.preview_process"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        except OSError:
            self._failed = True
            return None
        return self._process

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            for stream in (process.stdin, process.stdout):
                try:
                    stream.close()  # type: ignore[union-attr]  # both are pipes
                except OSError:
                    pass
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                process.kill()

    def close(self) -> None:
        with self._lock:
            self._stop()


shared_renderer = PreviewRenderer()


def start_for_window() -> None:
    """Start the shared child as the window's process starts, when it has a second core.

    The first preview waits for the child's imports and first compile (0.2-0.4 s). Begun
    with the process, they run on the other core while this one imports Qt and builds the
    window; begun with the window's build, the first page waited for them. With one core,
    the child would take it from the window's start: the first page is rendered in the
    window's process instead (``PreviewPanel``), and the child starts after it.
    """
    from newsdesk.cores import usable_cores

    if usable_cores() >= 2:
        shared_renderer.start()


def render_in_child(fields: Mapping[str, Any], surroundings: Surroundings) -> str:
    """``render_preview_page`` done by the shared child process (in-process without one)."""
    return shared_renderer.render(fields, surroundings)


def main() -> int:
    import signal

    # Ctrl+C in a terminal interrupts the whole process group: the window then closes,
    # and this child ends when the window closes its pipe. Interrupted itself, it printed
    # a KeyboardInterrupt traceback under the window's orderly exit.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    serve(sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
