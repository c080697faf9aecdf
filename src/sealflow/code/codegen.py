"""Component code generated from a revision's metadata and IO interface, in hetida designer's layout.

A component module has a generated section between two marker comments::

    <user imports>
    # ***** DO NOT EDIT LINES BELOW *****
    # These lines may be overwritten if component details or inputs/outputs change.
    COMPONENT_INFO = {...}

    from hdutils import parse_default_value  # noqa: E402, F401


    def main(*, <required inputs>, <optional inputs>=<default>):
        # entrypoint function for this component
        # ***** DO NOT EDIT LINES ABOVE *****
        <user body>

``generate_code`` writes a new module, ``update_code`` rewrites only the generated section, and
``expand_code`` adds the documentation docstring and the test wiring for a ``.py`` export.

Code is content-addressed: the SHA-256 of its text is what executions and pickles refer to.
``COMPONENT_INFO`` holds the state and the timestamps, so regenerating the code on release or disable
would give a revision whose behaviour did not change a new hash. These functions are therefore for
explicit use only (creating a component, changing the IO interface of a draft, exporting) and must
never be called on a state change. The same revision always gives the same text, laid out as
``ruff format`` with its default line length of 88 leaves it.
"""

from __future__ import annotations

import ast
import json
import math
import re
import unicodedata
import warnings
from typing import Any

from sealflow.errors import InvalidTransformation
from sealflow.model.datatypes import DataType, InputType
from sealflow.model.io import IOConnector, TransformationInput
from sealflow.model.transformation import TransformationRevision

START_MARKER = "# ***** DO NOT EDIT LINES BELOW *****"
END_MARKER = "# ***** DO NOT EDIT LINES ABOVE *****"
EXPLANATION = "# These lines may be overwritten if component details or inputs/outputs change."
ENTRYPOINT_COMMENT = "# entrypoint function for this component"
HDUTILS_IMPORT = "from hdutils import parse_default_value  # noqa: E402, F401"
COMPONENT_INFO = "COMPONENT_INFO"
TEST_WIRING = "TEST_WIRING_FROM_PY_FILE_IMPORT"
DOCUMENTATION_HEADER = "Documentation for "

_IMPORTS_AREA = ["# add your own imports here, e.g.", "# import pandas as pd", "# import numpy as np", ""]
_WIDTH = 88
_INDENT = "    "
_PARSED_AT_RUN_TIME = frozenset({DataType.SERIES, DataType.DATAFRAME, DataType.MULTITSFRAME, DataType.ANY})
_TRUE = frozenset({"true", "t", "yes", "y", "on", "1"})
_FALSE = frozenset({"false", "f", "no", "n", "off", "0"})
_START = re.compile(rf"^[ \t]*{re.escape(START_MARKER)}[ \t]*(\r?)$", re.MULTILINE)
_END = re.compile(rf"^[ \t]*{re.escape(END_MARKER)}[ \t]*(?=\r?$)", re.MULTILINE)
_ASYNC_MAIN = re.compile(r"^async[ \t]+def[ \t]+main\b", re.MULTILINE)
_DEF_MAIN = re.compile(r"^(async[ \t]+)?def[ \t]+main\b", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def generate_code(tr: TransformationRevision) -> str:
    """A complete component module for ``tr``: imports area, generated section and a stub body."""
    return "\n".join([*_IMPORTS_AREA, _section(tr, is_async=False, newline="\n"), *_stub_body(tr), ""])


def update_code(code: str, tr: TransformationRevision) -> str:
    """``code`` with its generated section rewritten for ``tr``; all other text stays byte for byte."""
    if not code.strip():
        return generate_code(tr)
    starts = list(_START.finditer(code))
    if not starts:
        if _defines_main(code):
            raise InvalidTransformation(
                f"the code of {tr.label} defines main but has no generated section; add the line "
                f"{START_MARKER!r} above COMPONENT_INFO and {END_MARKER!r} as the last comment line "
                "before the body of main, then update again"
            )
        newline = _newline(code)
        appended = [_section(tr, is_async=False, newline=newline), *_stub_body(tr), ""]
        return code + _blank_lines_to_append(code, newline) + newline.join(appended)
    if len(starts) > 1:
        raise InvalidTransformation(
            f"the code of {tr.label} has the line {START_MARKER!r} {len(starts)} times; "
            "keep only the one above COMPONENT_INFO"
        )
    start = starts[0]
    end = _END.search(code, start.end())
    if end is None:
        raise InvalidTransformation(
            f"the code of {tr.label} has no line {END_MARKER!r} after {START_MARKER!r}, so the end of "
            "the generated section is unknown; add it as the last comment line before the body of main"
        )
    is_async = _ASYNC_MAIN.search(code, start.start(), end.start()) is not None
    section = _section(tr, is_async=is_async, newline="\r\n" if start.group(1) else "\n")
    return code[: start.start()] + section + code[end.end() :]


def expand_code(code: str, tr: TransformationRevision) -> str:
    """``code`` as a self-contained ``.py`` file: a documentation docstring and the test wiring added."""
    bom, body = ("\ufeff", code[1:]) if code.startswith("\ufeff") else ("", code)
    tree = parse_code(body, f"the code of {tr.label}")
    newline = _newline(body)
    wiring = tr.test_wiring.model_dump(mode="json", exclude_defaults=True)
    assignment = assigned_value(tree, TEST_WIRING)
    if assignment is None:
        lines = _literal_lines(wiring, f"{TEST_WIRING} = ", expand=2)
        body += _blank_lines_to_append(body, newline) + newline.join([*lines, ""])
    else:
        start, end = _span(body, assignment)
        body = body[:start] + newline.join(_literal_lines(wiring, "", expand=2)) + body[end:]
    if ast.get_docstring(tree, clean=False) is None:
        separator = newline if body.startswith(("\n", "\r")) else newline * 2
        body = _docstring(tr).replace("\n", newline) + separator + body
    return bom + body


def component_info(tr: TransformationRevision) -> dict[str, Any]:
    """The ``COMPONENT_INFO`` dict of a component revision, as written into its code."""
    if tr.is_workflow:
        raise InvalidTransformation(f"{tr.label} is a workflow; only components have code")
    inputs = tr.io_interface.inputs
    outputs = tr.io_interface.outputs
    info: dict[str, Any] = {
        "inputs": {_named(tr, i, "input", n): _input_info(tr, i) for n, i in enumerate(inputs)},
        "outputs": {
            _named(tr, o, "output", n): {"data_type": o.data_type.value} for n, o in enumerate(outputs)
        },
        "name": tr.name,
        "category": tr.category,
        "description": tr.description,
        "version_tag": tr.version_tag,
        "id": str(tr.id),
        "revision_group_id": str(tr.revision_group_id),
        "state": tr.state.value,
    }
    if tr.released_timestamp is not None:
        info["released_timestamp"] = tr.released_timestamp.isoformat()
    if tr.disabled_timestamp is not None:
        info["disabled_timestamp"] = tr.disabled_timestamp.isoformat()
    return info


def parse_code(code: str, where: str) -> ast.Module:
    """The syntax tree of ``code``, without running it; a syntax error names ``where`` and the line."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(code.removeprefix("\ufeff"))
    except SyntaxError as exc:
        raise InvalidTransformation(
            f"{where}, line {exc.lineno}: {exc.msg}; fix the syntax there and try again"
        ) from exc
    except ValueError as exc:
        raise InvalidTransformation(f"{where}: {exc}; remove those characters and try again") from exc


def assigned_value(tree: ast.Module, name: str) -> ast.expr | None:
    """The value of the last top-level assignment to ``name``: the one the module ends up with."""
    found: ast.expr | None = None
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if any(isinstance(target, ast.Name) and target.id == name for target in targets):
            found = value
    return found


def _section(tr: TransformationRevision, *, is_async: bool, newline: str) -> str:
    info = component_info(tr)
    lines = [START_MARKER, EXPLANATION]
    lines += _literal_lines(info, f"{COMPONENT_INFO} = ", expand=2)
    lines += ["", HDUTILS_IMPORT, "", ""]
    lines += _signature(tr, info, is_async=is_async)
    lines += [_INDENT + ENTRYPOINT_COMMENT, _INDENT + END_MARKER]
    return newline.join(lines)


def _stub_body(tr: TransformationRevision) -> list[str]:
    outputs = {o.name: None for o in tr.io_interface.outputs}
    return _literal_lines(outputs, f"{_INDENT}return ", indent=4)


def _named(tr: TransformationRevision, connector: IOConnector, kind: str, index: int) -> str:
    if not connector.name:
        raise InvalidTransformation(
            f"{kind} {index + 1} of {tr.label} has no name; name every input and output to generate code"
        )
    return connector.name


def _input_info(tr: TransformationRevision, inp: TransformationInput) -> dict[str, Any]:
    info: dict[str, Any] = {"data_type": inp.data_type.value}
    if inp.type is InputType.OPTIONAL:
        try:
            info["default_value"] = _default_value(inp.value, inp.data_type)
            _inline(info["default_value"])
        except (TypeError, ValueError) as exc:
            raise InvalidTransformation(
                f"input {inp.name!r} of {tr.label} is {inp.data_type} but its default {inp.value!r} "
                f"{exc}; change the default or the data type"
            ) from exc
    return info


def _default_value(value: Any, data_type: DataType) -> Any:
    """The default as a Python value, parsed from the stored (usually JSON text) value by type."""
    if data_type is DataType.STRING:
        return value if value is None or isinstance(value, str) else json.dumps(value)
    if data_type is DataType.ANY:
        return value
    if value is None or value == "":
        return None
    if data_type is DataType.BOOLEAN:
        return _boolean(value)
    parsed = _json(value) if isinstance(value, str) else value
    if data_type is DataType.INT:
        if isinstance(parsed, bool) or not isinstance(parsed, int | float):
            raise ValueError("is no whole number")
        if isinstance(parsed, float) and not parsed.is_integer():
            raise ValueError("is no whole number")
        return int(parsed)
    if data_type is DataType.FLOAT:
        if isinstance(parsed, bool) or not isinstance(parsed, int | float) or not math.isfinite(parsed):
            raise ValueError("is no finite number")
        return float(parsed)
    if data_type is DataType.PLOTLYJSON and not isinstance(parsed, dict):
        raise ValueError("is no JSON object")
    return parsed


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ValueError("is no valid JSON") from exc


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError("is no boolean (use true or false)")


def _signature(tr: TransformationRevision, info: dict[str, Any], *, is_async: bool) -> list[str]:
    """The ``def main(...):`` line, or lines when it is too long for one."""
    keyword = "async def" if is_async else "def"
    inputs = tr.io_interface.inputs
    ordered = [i for i in inputs if i.type is InputType.REQUIRED]
    ordered += [i for i in inputs if i.type is InputType.OPTIONAL]
    if not ordered:
        return [f"{keyword} main():"]
    params = [_parameter(i, info["inputs"][i.name], "", "") for i in ordered]
    if all(len(lines) == 1 for lines in params):
        line = f"{keyword} main(*, {', '.join(lines[0] for lines in params)}):"
        if _width(line) <= _WIDTH:
            return [line]
    lines = [f"{keyword} main(", f"{_INDENT}*,"]
    for inp in ordered:
        lines += _parameter(inp, info["inputs"][inp.name], _INDENT, ",")
    return [*lines, "):"]


def _parameter(inp: TransformationInput, spec: dict[str, Any], pad: str, tail: str) -> list[str]:
    """One parameter of ``main`` as lines starting with ``pad`` and ending with ``tail``."""
    name = str(inp.name)
    if inp.type is InputType.REQUIRED:
        return [f"{pad}{name}{tail}"]
    default = spec["default_value"]
    if default is None or inp.data_type not in _PARSED_AT_RUN_TIME:
        return _literal_lines(default, f"{pad}{name}=", tail, indent=len(pad))
    args = [COMPONENT_INFO, _string(name)]
    line = f"{pad}{name}=parse_default_value({', '.join(args)}){tail}"
    if _width(line) <= _WIDTH or not pad:
        return [line]
    inner = pad + _INDENT + ", ".join(args)
    if _width(inner) <= _WIDTH:
        return [f"{pad}{name}=parse_default_value(", inner, f"{pad}){tail}"]
    return [f"{pad}{name}=parse_default_value(", *(f"{pad}{_INDENT}{a}," for a in args), f"{pad}){tail}"]


def _literal_lines(value: Any, head: str, tail: str = "", indent: int = 0, expand: int = 0) -> list[str]:
    """``head + value + tail`` as lines: on one line when it fits, else one item a line with a trailing
    comma; the outer ``expand`` levels of non-empty dicts and lists always take one item a line."""
    inline = head + _inline(value) + tail
    if not isinstance(value, dict | list) or not value or (expand <= 0 and _width(inline) <= _WIDTH):
        return [inline]
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        items = [(f"{pad}{_inline(key)}: ", item) for key, item in value.items()]
        opening, closing = "{", "}"
    else:
        items = [(pad, item) for item in value]
        opening, closing = "[", "]"
    lines = [head + opening]
    for item_head, item in items:
        lines += _literal_lines(item, item_head, ",", indent + 4, expand - 1)
    return [*lines, " " * indent + closing + tail]


def _inline(value: Any) -> str:
    """``value`` as a Python literal on one line; only JSON-like values can be written."""
    if value is None or isinstance(value, bool | int):
        return repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"holds {value}, which has no literal")
        return repr(value).replace("e+", "e")
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_inline(k)}: {_inline(v)}" for k, v in value.items()) + "}"
    raise ValueError(f"holds a {type(value).__name__}; use numbers, strings, lists and dicts")


def _string(text: str) -> str:
    """A string literal in the quotes ``ruff format`` prefers: double, unless that needs more escapes."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    escaped = []
    for char in text:
        if char in ("\\", quote):
            escaped.append("\\" + char)
        elif char.isprintable():
            escaped.append(char)
        else:
            escaped.append(repr(char)[1:-1])
    return quote + "".join(escaped) + quote


def _docstring(tr: TransformationRevision) -> str:
    """The ``Documentation for <name>`` docstring; the documentation reads back unchanged."""
    text = f"{DOCUMENTATION_HEADER}{tr.name}\n\n{tr.documentation}"
    escaped = []
    for index, char in enumerate(text):
        if char == "\\":
            escaped.append("\\\\")
        elif char == '"' and text[index + 1 : index + 2] in ('"', ""):
            escaped.append('\\"')
        elif char.isprintable() or char in "\n\t":
            escaped.append(char)
        else:
            escaped.append(repr(char)[1:-1])
    return '"""' + "".join(escaped) + '"""'


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def _newline(code: str) -> str:
    return "\r\n" if "\r\n" in code else "\n"


def _blank_lines_to_append(code: str, newline: str) -> str:
    """What to add to ``code`` so that appended top-level code follows two blank lines."""
    if not code:
        return ""
    tail = code[len(code.rstrip("\r\n")) :]
    breaks = len(_LINE_BREAK.findall(tail))
    return newline * max(0, 3 - breaks)


def _defines_main(code: str) -> bool:
    """Whether ``code`` binds the name ``main`` at the top level (by def, class, assignment or import)."""
    try:
        tree = parse_code(code, "code")
    except InvalidTransformation:
        return _DEF_MAIN.search(code) is not None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.asname or alias.name.split(".")[0] for alias in node.names]
        else:
            names = []
        if "main" in names:
            return True
    return False


def _span(code: str, node: ast.expr) -> tuple[int, int]:
    """The character offsets of ``node`` in ``code`` (the tree counts columns in UTF-8 bytes)."""
    line_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(code))]

    def offset(line: int, column: int) -> int:
        start = line_starts[line - 1]
        return start + len(code[start : start + column].encode("utf-8")[:column].decode("utf-8"))

    end_line = node.end_lineno or node.lineno
    end_column = node.end_col_offset if node.end_col_offset is not None else node.col_offset
    return offset(node.lineno, node.col_offset), offset(end_line, end_column)
