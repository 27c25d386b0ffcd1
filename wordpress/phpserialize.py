"""
A reader for the few PHP-serialized values that translation plugins put in a
WordPress export: Polylang's ``post_translations`` term keeps
``a:2:{s:2:"en";i:10;s:2:"hy";i:11;}`` (language code → post id) in its
description.

PHP's own unserialize() builds objects and calls their methods, which is why
no general unserializer is used here: this one knows exactly one shape, a flat
array whose keys and values are strings or integers, and refuses anything else
(objects, references, nested arrays, floats, booleans, trailing bytes).
"""

import re

MAX_LENGTH = 65_536
MAX_ENTRIES = 1_000

_INTEGER = re.compile(rb"i:(-?\d{1,19});")
_STRING_HEAD = re.compile(rb's:(\d{1,7}):"')
_ARRAY_HEAD = re.compile(rb"a:(\d{1,7}):\{")


class SerializedValueError(ValueError):
    """The text is not a flat PHP array of strings and integers."""


def loads(text: str | bytes) -> dict[str | int, str | int]:
    """The flat array in ``text`` as a dict, or SerializedValueError."""
    data = text.encode() if isinstance(text, str) else bytes(text)
    data = data.strip()
    if len(data) > MAX_LENGTH:
        raise SerializedValueError("serialized value too long")
    head = _ARRAY_HEAD.match(data)
    if head is None:
        raise SerializedValueError("not a PHP array")
    count = int(head.group(1))
    if count > MAX_ENTRIES:
        raise SerializedValueError("too many entries")
    position = head.end()
    result = {}
    for _entry in range(count):
        key, position = _scalar(data, position)
        value, position = _scalar(data, position)
        result[key] = value
    if data[position:] != b"}":
        raise SerializedValueError("unexpected data after the array's entries")
    return result


def _scalar(data: bytes, position: int) -> tuple[str | int, int]:
    integer = _INTEGER.match(data, position)
    if integer:
        return int(integer.group(1)), integer.end()
    string = _STRING_HEAD.match(data, position)
    if string:
        # PHP counts a string's length in bytes, not characters.
        start = string.end()
        end = start + int(string.group(1))
        if data[end : end + 2] != b'";':
            raise SerializedValueError("string length does not match its contents")
        try:
            return data[start:end].decode(), end + 2
        except UnicodeDecodeError:
            raise SerializedValueError("string is not UTF-8") from None
    raise SerializedValueError(f"unsupported value at byte {position}")
