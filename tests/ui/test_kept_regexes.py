"""The window's regular expressions compiled once and kept in the user's cache folder
(``newsdesk.ui.kept_regexes``), not parsed again at every start."""

from __future__ import annotations

import marshal
import re
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

from newsdesk.ui import kept_regexes
from newsdesk.ui.kept_regexes import keep_regexes, stop_keeping_regexes
from tests.ui.test_startup import _after_the_start

# Before the start: a cache folder of the test's own, and a record of what is parsed.
COUNTED = (
    "import os, re._parser\n"
    "os.environ['XDG_CACHE_HOME'] = {cache!r}\n"
    "parsed = []\n"
    "real_parse = re._parser.parse\n"
    "def counting(source, *args, **options):\n"
    "    parsed.append(source if isinstance(source, str) else repr(source))\n"
    "    return real_parse(source, *args, **options)\n"
    "re._parser.parse = counting\n")
# After it: what was parsed, whether re compiles as before, and a signature as shiboken's
# support code works it out with its brace patterns.
FOUND = ("[parsed, getattr(re._compiler.compile, '__self__', None) is None, "
         "str(__import__('shibokensupport.signature').signature.get_signature("
         "__import__('PySide6.QtWidgets').QtWidgets.QWidget.setWindowTitle))]")
# shiboken's brace patterns are thousands of characters long; no other is.
LONG = 2000


def test_a_second_start_parses_none_of_the_patterns_the_first_one_kept(db, tmp_path):
    before = COUNTED.format(cache=str(tmp_path / "cache"))
    first, restored, signature = _after_the_start(tmp_path, FOUND, before)
    assert len([source for source in first if len(source) > LONG]) >= 2
    assert restored
    assert "arg__1: str" in signature
    kept = next((tmp_path / "cache" / "newsdesk" / "regexes").iterdir())
    written = kept.stat().st_mtime_ns

    second, restored, signature = _after_the_start(tmp_path, FOUND, before)
    assert [source for source in second if len(source) > LONG] == []
    # What is left was compiled before the window's start began keeping (while newsdesk's
    # command line and platformdirs were imported).
    assert len(second) < len(first) / 4, second
    assert restored
    assert "arg__1: str" in signature  # shiboken's parser works with the kept patterns
    assert kept.stat().st_mtime_ns == written  # nothing new to keep


@pytest.fixture
def keeping(tmp_path):
    """Keeping at a file of the test's own, ended however the test ends; re's own cache
    emptied, so each compile reaches the compiler."""
    path = tmp_path / "regexes" / "kept.marshal"

    def start() -> None:
        re.purge()
        keep_regexes(path)

    yield path, start
    stop_keeping_regexes()
    re.purge()


SOURCES = [(r"(?P<place>\w+)/(?P<date>\d\d\.\d\d\.\d\d)/(?P<agency>[^:]+):", 0),
           (r" desk \s+ (-\d\d/\d\d[A-Z]-) ", re.IGNORECASE | re.VERBOSE),
           (rb"\x00(?:ab|cd)+$", 0),
           (r"(?m)^>\s?(.*)$", 0)]
SAMPLES = ["Baku/28.12.22/Turan: text", " DESK  -03/06D- ", b"\x00abcdab", "> quoted\nnot"]


def _use(patterns: list[re.Pattern]) -> list:
    return [[match.groupdict() or match.groups() for match in pattern.finditer(sample)]
            for pattern, sample in zip(patterns, SAMPLES, strict=True)]


def _compile_all() -> list[re.Pattern]:
    return [re.compile(source, flags) for source, flags in SOURCES]


def _parse_refused(monkeypatch) -> None:
    def refuse(*_args, **_options):
        raise AssertionError("parsed, where the pattern was kept")
    monkeypatch.setattr(_parser, "parse", refuse)


def test_a_kept_pattern_is_the_very_pattern_re_compiles(keeping, monkeypatch):
    path, start = keeping
    real = _compile_all()
    start()
    assert _compile_all() == real  # compiled as ever while nothing is kept
    stop_keeping_regexes()
    assert path.exists()

    start()
    with monkeypatch.context() as patched:
        _parse_refused(patched)
        built = _compile_all()
    assert built == real  # the same flags and the same engine code
    assert [pattern.groupindex for pattern in built] == [p.groupindex for p in real]
    assert _use(built) == _use(real)
    assert _use(built)[0] == [{"place": "Baku", "date": "28.12.22", "agency": "Turan"}]
    written = path.read_bytes()
    stop_keeping_regexes()
    assert path.read_bytes() == written  # nothing new: nothing written
    assert getattr(_compiler.compile, "__self__", None) is None  # re's own compiler again


def test_kept_parts_serve_only_the_same_source_and_flags(keeping):
    path, start = keeping
    start()
    re.compile("abc")
    stop_keeping_regexes()
    start()
    assert re.compile("abc", re.IGNORECASE).match("ABC")  # other flags: compiled
    assert re.compile(b"abc").match(b"abc")  # bytes: compiled
    stop_keeping_regexes()
    _interpreter, kept = marshal.loads(path.read_bytes())
    assert set(kept) >= {(False, "abc", 0), (False, "abc", re.IGNORECASE.value),
                         (True, b"abc", 0)}


def test_a_file_another_python_wrote_is_not_used(keeping, monkeypatch):
    path, start = keeping
    start()
    real = re.compile(r"(\d+)-(\d+)")
    stop_keeping_regexes()
    _interpreter, kept = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(((1, "3.99.0", 0, 4), kept)))

    parsed: list[str] = []
    real_parse = _parser.parse
    monkeypatch.setattr(_parser, "parse",
                        lambda source, *args: parsed.append(source) or real_parse(source, *args))
    start()
    assert re.compile(r"(\d+)-(\d+)") == real
    assert r"(\d+)-(\d+)" in parsed
    stop_keeping_regexes()
    assert marshal.loads(path.read_bytes())[0] == kept_regexes.interpreter()  # kept anew


@pytest.mark.parametrize("damage", ["truncated", "not marshal", "bad code", "bad parts"])
def test_a_damaged_file_or_entry_is_compiled_as_before(keeping, damage):
    path, start = keeping
    start()
    real = re.compile(r"a(b|c)*d")
    stop_keeping_regexes()
    written = path.read_bytes()
    interpreter, kept = marshal.loads(written)
    key = (False, r"a(b|c)*d", 0)
    if damage == "truncated":
        path.write_bytes(written[:40])
    elif damage == "not marshal":
        path.write_bytes(b"\x00garbage")
    elif damage == "bad code":
        flags, code, *rest = kept[key]
        kept[key] = (flags, [99999] * len(code), *rest)  # the engine refuses it
        path.write_bytes(marshal.dumps((interpreter, kept)))
    else:
        kept[key] = ("not", "parts")
        path.write_bytes(marshal.dumps((interpreter, kept)))

    start()
    again = re.compile(r"a(b|c)*d")
    assert again == real
    assert again.fullmatch("abcbd").group(1) == "b"
    stop_keeping_regexes()
    assert marshal.loads(path.read_bytes())[1][key] == marshal.loads(written)[1][key]


def test_parts_that_do_not_build_the_same_pattern_are_not_kept(keeping, monkeypatch):
    path, start = keeping
    start()
    assert re.compile("kept?").fullmatch("kep")
    real_code = _compiler._code
    # Another Python's re, say, whose code the engine would read otherwise.
    monkeypatch.setattr(_compiler, "_code",
                        lambda parsed, flags: real_code(_parser.parse("x", 0), flags))
    stop_keeping_regexes()
    _interpreter, kept = marshal.loads(path.read_bytes())
    assert (False, "kept?", 0) not in kept


def test_a_cache_folder_that_cannot_be_written_compiles_as_before(tmp_path):
    in_the_way = tmp_path / "file"
    in_the_way.write_text("not a folder")
    re.purge()
    keep_regexes(in_the_way / "regexes" / "kept.marshal")
    try:
        assert re.compile(r"(\w+)@(\w+)").match("desk@turan").groups() == ("desk", "turan")
    finally:
        stop_keeping_regexes()
    assert list(tmp_path.iterdir()) == [in_the_way]
    assert getattr(_compiler.compile, "__self__", None) is None


def test_debug_patterns_and_parsed_patterns_go_to_re_as_ever(keeping, capsys):
    path, start = keeping
    start()
    re.compile("deb(u)g", re.DEBUG)
    assert "SUBPATTERN" in capsys.readouterr().out  # re's own debug listing
    parsed = _parser.parse("sub(p)", 0)
    assert _compiler.compile(parsed).match("subp").group(1) == "p"
    stop_keeping_regexes()
    assert not path.exists()  # nothing keepable was compiled
