"""Reading what is checked: files on disk, stdin, and the code of notebooks.

This layer sits below the runner (the runner imports it, it imports neither
the runner nor a front-end): it turns bytes into text, or into a
``FileProblem`` that says why it could not.
"""
from __future__ import annotations

import io
import os
import tokenize

from ..findings import FileProblem

NB_SUFFIX = ".ipynb"


def decode(raw: bytes, path: str):
    """(text, problem) of a file's bytes: PEP 263 for Python, UTF-8 for notebooks; a BOM is dropped."""
    if path.endswith(NB_SUFFIX):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return None, FileProblem(path, f"cannot decode notebook as UTF-8: {e.reason} at byte {e.start}")
        return (text[1:] if text.startswith("\ufeff") else text), None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(encoding)
    except (SyntaxError, LookupError) as e:
        return None, FileProblem(path, f"cannot decode file: {e}")
    except UnicodeDecodeError as e:
        return None, FileProblem(path, f"cannot decode file as {e.encoding}: {e.reason} at byte {e.start}")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None


def read_source(path: str, config):
    """(text, problem) of a file on disk; files over ``config.max_file_size`` are not read."""
    try:
        size = os.path.getsize(path)
        if size > config.max_file_size:
            return None, FileProblem(path, f"file too large to check ({size} bytes; max-file-size is "
                                           f"{config.max_file_size})")
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        return None, FileProblem(path, f"cannot read file: {e.strerror or e}")
    return decode(raw, path)


def read_stdin(stream, display_path: str):
    """(text, problem) of everything on ``stream`` (a binary stream), decoded as the file would be."""
    try:
        raw = stream.read()
    except OSError as e:
        return None, FileProblem(display_path, f"cannot read stdin: {e.strerror or e}")
    return decode(raw, display_path)
