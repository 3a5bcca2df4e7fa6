"""shiboken's support code compiled once and kept in the user's cache folder
(``newsdesk.ui.support_bytecode``), not from source at every start."""

from __future__ import annotations

import marshal

from newsdesk.ui.support_bytecode import _kept_code
from tests.ui.test_startup import _after_the_start

# Before the start: a cache folder of the test's own, and a record of what is compiled.
COUNTED = (
    "import builtins, os\n"
    "os.environ['XDG_CACHE_HOME'] = {cache!r}\n"
    "compiled = []\n"
    "real_compile = builtins.compile\n"
    "def counting(source, filename, mode, *args, **options):\n"
    "    compiled.append(str(filename))\n"
    "    return real_compile(source, filename, mode, *args, **options)\n"
    "builtins.compile = counting\n")
# After it: what was compiled, whether compile is itself again, and a signature as
# shiboken's support code works it out.
FOUND = ("[[name for name in compiled if name.startswith(('shibokensupport/', "
         "'signature_bootstrap'))], builtins.compile is counting, "
         "str(__import__('shibokensupport.signature').signature.get_signature("
         "__import__('PySide6.QtWidgets').QtWidgets.QWidget.setWindowTitle))]")


def test_a_second_start_compiles_none_of_shibokens_support_code(db, tmp_path):
    before = COUNTED.format(cache=str(tmp_path / "cache"))
    first, restored, signature = _after_the_start(tmp_path, FOUND, before)
    assert "shibokensupport/signature/loader.py" in first
    assert len(first) >= 10
    assert restored  # compile is the one the process had once PySide6 is imported
    assert "arg__1: str" in signature

    second, restored, signature = _after_the_start(tmp_path, FOUND, before)
    assert second == []
    assert restored
    assert "arg__1: str" in signature


def _compiler(calls: list[str]):
    def compile_source(source: bytes, filename: str, mode: str):
        calls.append(filename)
        return compile(source, filename, mode)
    return compile_source


def test_kept_code_is_used_only_for_the_very_source_it_was_compiled_from(tmp_path):
    calls: list[str] = []
    source = b"ANSWER = 42\n"
    code = _kept_code(tmp_path, source, "shibokensupport/a.py", _compiler(calls))
    assert _kept_code(tmp_path, source, "shibokensupport/a.py", _compiler(calls)) is not None
    assert calls == ["shibokensupport/a.py"]  # the second came from the file
    namespace: dict = {}
    exec(code, namespace)
    assert namespace["ANSWER"] == 42

    # A file under that name holding another source's code is not used, and is replaced.
    [kept] = tmp_path.iterdir()
    kept.write_bytes(marshal.dumps((b"ANSWER = 7\n", compile("ANSWER = 7\n", "x", "exec"))))
    namespace = {}
    exec(_kept_code(tmp_path, source, "shibokensupport/a.py", _compiler(calls)), namespace)
    assert namespace["ANSWER"] == 42
    assert len(calls) == 2
    assert marshal.loads(kept.read_bytes())[0] == source


def test_a_damaged_kept_file_is_compiled_again(tmp_path):
    calls: list[str] = []
    source = b"ANSWER = 42\n"
    _kept_code(tmp_path, source, "shibokensupport/a.py", _compiler(calls))
    [kept] = tmp_path.iterdir()
    kept.write_bytes(kept.read_bytes()[:20])
    namespace: dict = {}
    exec(_kept_code(tmp_path, source, "shibokensupport/a.py", _compiler(calls)), namespace)
    assert namespace["ANSWER"] == 42
    assert len(calls) == 2


def test_a_cache_folder_that_cannot_be_written_compiles_as_before(tmp_path):
    in_the_way = tmp_path / "file"
    in_the_way.write_text("not a folder")
    calls: list[str] = []
    code = _kept_code(in_the_way / "cache", b"ANSWER = 42\n", "shibokensupport/a.py",
                      _compiler(calls))
    namespace: dict = {}
    exec(code, namespace)
    assert namespace["ANSWER"] == 42
    assert list(tmp_path.iterdir()) == [in_the_way]
