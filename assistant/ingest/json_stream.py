"""Streaming the records of a JSON document without holding the whole file in memory.

Accepted shapes: an array of objects, or an object wrapping one such array (``{"data": [...],
"total": 3}``; the other keys are an envelope and are reported, not loaded), or one object.
Each array item is decoded on its own from a sliding text buffer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from assistant.errors import InputError
from assistant.ingest.flatten import DECODER

CHUNK_CHARS = 1 << 20
_WS = " \t\r\n"


class JsonRecords:
    """Iterates ``(index, record)`` pairs; ``envelope_keys`` lists wrapper keys not loaded."""

    def __init__(self, handle: IO[str], file: str) -> None:
        self._handle, self._file = handle, file
        self._text, self._pos, self._eof = "", 0, False
        self._line, self._col = 1, 1  # position of _text[0] in the file
        self.envelope_keys: list[str] = []

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any]]]:
        first = self._peek()
        if first == "[":
            self._expect("[")
            yield from self._array()
        elif first == "{":
            yield from self._object()
        else:
            raise self._error("expected a JSON array of objects or an object wrapping one")
        if self._peek():
            raise self._error("unexpected data after the JSON document")

    def _array(self) -> Iterator[tuple[int, dict[str, Any]]]:
        index = 0
        if self._peek() == "]":
            self._pos += 1
            return
        while True:
            index += 1
            item = self._value()
            yield index, item if isinstance(item, dict) else {"value": item}
            nxt = self._peek()
            self._pos += 1
            if nxt == "]":
                return
            if nxt != ",":
                self._pos -= 1
                raise self._error("expected ',' or ']' between array items")

    def _object(self) -> Iterator[tuple[int, dict[str, Any]]]:
        self._expect("{")
        envelope: dict[str, Any] = {}
        wrapped: str | None = None
        while self._peek() != "}":
            key = self._value()
            if not isinstance(key, str):
                raise self._error("expected a string key")
            self._expect(":")
            if self._peek() == "[" and wrapped is None and self._array_of_objects_ahead():
                wrapped = key
                self._expect("[")
                yield from self._array()
            else:
                envelope[key] = self._value()
            if self._peek() == ",":
                self._pos += 1
        self._expect("}")
        if wrapped is None:
            yield 1, envelope
        else:
            self.envelope_keys = list(envelope)

    def _array_of_objects_ahead(self) -> bool:
        ahead = self._pos + 1
        while True:
            while ahead < len(self._text) and self._text[ahead] in _WS:
                ahead += 1
            if ahead < len(self._text) or self._eof:
                return ahead < len(self._text) and self._text[ahead] in "{]"
            ahead -= self._pos
            self._fill()
            ahead += self._pos

    def _value(self) -> Any:
        self._peek()
        while True:
            try:
                value, end = DECODER.raw_decode(self._text, self._pos)
            except json.JSONDecodeError as exc:
                if self._eof:
                    raise self._error(f"invalid JSON: {exc.msg}", exc.pos) from exc
                self._fill()
                continue
            if end == len(self._text) and not self._eof:  # a number may continue in the next chunk
                self._fill()
                continue
            self._pos = end
            return value

    def _expect(self, char: str) -> None:
        if self._peek() != char:
            raise self._error(f"expected {char!r}")
        self._pos += 1

    def _peek(self) -> str:
        while True:
            while self._pos < len(self._text) and self._text[self._pos] in _WS:
                self._pos += 1
            if self._pos < len(self._text):
                return self._text[self._pos]
            if self._eof:
                return ""
            self._fill()

    def _fill(self) -> None:
        consumed = self._text[: self._pos]
        newline = consumed.rfind("\n")
        if newline >= 0:
            self._line += consumed.count("\n")
            self._col = len(consumed) - newline
        else:
            self._col += len(consumed)
        chunk = self._handle.read(CHUNK_CHARS)
        self._text, self._pos = self._text[self._pos :] + chunk, 0
        self._eof = not chunk

    def _error(self, message: str, at: int | None = None) -> InputError:
        at = self._pos if at is None else at
        before = self._text[:at]
        newline = before.rfind("\n")
        line = self._line + before.count("\n")
        column = at - newline if newline >= 0 else self._col + at
        return InputError(message, file=self._file, line=line, column=column)
