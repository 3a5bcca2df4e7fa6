"""Reading the review files readers' comments arrive in: JSON array, JSON Lines or CSV.

Every record keeps the line it starts on, so a bad record is reported as
``file:line: field: reason``. Reading never touches the database.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from newsdesk.errors import UserError
from newsdesk.json_positions import dotted, loads, text_matching, value_lines
from newsdesk.moderation.reviews import REQUIRED_FIELDS, ReviewRecord
from newsdesk.store.dialect import UNSTORABLE_TEXT, unstorable_reason
from newsdesk.texts import Phrase

FORMATS = ("json", "jsonl", "csv")

NO_SUCH_FILE = Phrase("review_file.no_such_file", "no such file")
IS_A_FOLDER = Phrase("review_file.is_a_folder", "is a folder, not a review file")
CANNOT_READ = Phrase("review_file.cannot_read", "cannot read ({reason})")
EMPTY_FILE = Phrase("review_file.empty",
                    "empty file (no reviews, not even a header or '[]')")
NOT_UTF8 = Phrase("review_file.not_utf8", "not valid UTF-8 (byte 0x{byte} at offset {offset})")
NUL_CHARACTER = Phrase("review_file.nul", "contains a NUL character (\\0): not a text file")
NOT_JSON_OR_LINES = Phrase("review_file.not_json", "expected a JSON array or JSON Lines")
EXPECTED_OBJECT = Phrase("review_file.expected_object", "expected an object, found {found}")
EXPECTED_ARRAY = Phrase("review_file.expected_array", "expected a JSON array")
BAD_JSON = Phrase("review_file.bad_json", "bad JSON ({reason})")
BAD_CSV = Phrase("review_file.bad_csv", "bad CSV ({reason})")
NO_HEADER = Phrase("review_file.no_header", "empty file (expected a header row)")
COLUMN_TWICE = Phrase("review_file.column_twice", "the header names this column twice")
MISSING_COLUMNS = Phrase("review_file.missing_columns", "missing columns {columns}",
                         english_one="missing column {columns}")
CELL_COUNT = Phrase("review_file.cell_count", "{cells} cells, the header has {columns}")
_WHITESPACE = " \t\r\n"


def read_review_file(path: Path, fmt: str = "auto") -> list[ReviewRecord]:
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(NO_SUCH_FILE(), file=source) from exc
    except IsADirectoryError as exc:
        raise UserError(IS_A_FOLDER(), file=source) from exc
    except OSError as exc:
        raise UserError(CANNOT_READ(reason=exc.strerror), file=source) from exc
    text = decode_utf8(data, source)
    if not text.strip(_WHITESPACE):
        # The same in every format: a file with nothing in it is a failed export or a
        # truncated download, not "no reviews" ("[]" or a lone header row says that).
        raise UserError(EMPTY_FILE(), file=source, line=1)
    chosen = detect_format(path, text) if fmt == "auto" else fmt
    reader = {"json": parse_json_array, "jsonl": parse_json_lines, "csv": parse_csv}[chosen]
    return reader(text, source)


def decode_utf8(data: bytes, source: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(NOT_UTF8(byte=f"{data[exc.start]:02x}", offset=str(exc.start)),
                        file=source, line=line) from exc
    if "\x00" in text:
        # PostgreSQL cannot store it (``db copy`` would fail later); no text file has one.
        raise UserError(NUL_CHARACTER(), file=source,
                        line=text.count("\n", 0, text.index("\x00")) + 1)
    return text.removeprefix("\ufeff")


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    start = text.lstrip(_WHITESPACE)[:1]
    if start == "[":
        return "json"
    if start == "{":
        return "jsonl"
    if suffix == ".json":
        raise UserError(NOT_JSON_OR_LINES(), file=str(path), line=1)
    return "csv"


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _object(value: Any, source: str, line: int) -> ReviewRecord:
    if not isinstance(value, dict):
        raise UserError(EXPECTED_OBJECT(found=type(value).__name__), file=source, line=line)
    found = text_matching(value, UNSTORABLE_TEXT)  # written as \u0000 or \ud800
    if found is not None:
        raise UserError(unstorable_reason(found[1]) or "cannot be stored", file=source,
                        line=line, field=dotted(found[0]))
    return ReviewRecord(value, line)


def parse_json_array(text: str, source: str) -> list[ReviewRecord]:
    """The records of a JSON array, each with the line it starts on."""
    position = len(text) - len(text.lstrip(_WHITESPACE))
    if text[position:position + 1] != "[":
        raise UserError(EXPECTED_ARRAY(), file=source, line=_line_at(text, position))
    try:
        values = loads(text)
    except json.JSONDecodeError as exc:
        # After a complete array, json can only complain about what follows it.
        reason = "extra data after the array" if exc.msg == "Extra data" else exc.msg
        raise UserError(BAD_JSON(reason=reason), file=source, line=exc.lineno) from exc
    lines = value_lines(text)
    return [_object(value, source, lines[(number,)]) for number, value in enumerate(values)]


def parse_json_lines(text: str, source: str) -> list[ReviewRecord]:
    records = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip(_WHITESPACE):
            continue
        try:
            value = loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(BAD_JSON(reason=exc.msg), file=source, line=number) from exc
        records.append(_object(value, source, number))
    return records


def parse_csv(text: str, source: str) -> list[ReviewRecord]:
    """CSV with a header row; quoted cells may hold commas, quotes and newlines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise UserError(BAD_CSV(reason=str(exc)), file=source, line=reader.line_num) from exc
    if not header:
        raise UserError(NO_HEADER(), file=source, line=1)
    columns = [name.strip() for name in header]
    repeated = next((name for index, name in enumerate(columns)
                     if name and name in columns[:index]), None)
    if repeated is not None:
        # dict(zip(...)) would keep only the last cell: a column silently lost.
        raise UserError(COLUMN_TWICE(), file=source, line=1,
                        field=repeated)
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if missing:
        raise UserError(MISSING_COLUMNS(columns=", ".join(missing), count=len(missing)),
                        file=source, line=1, field=missing[0])
    records = []
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise UserError(BAD_CSV(reason=str(exc)), file=source, line=start) from exc
        if row and any(cell.strip() for cell in row):
            if len(row) != len(columns):
                raise UserError(CELL_COUNT(cells=str(len(row)), columns=str(len(columns))),
                                file=source, line=start)
            records.append(ReviewRecord(dict(zip(columns, row, strict=True)), start))
        start = reader.line_num + 1
    return records
