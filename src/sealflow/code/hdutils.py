"""The names component code imports from ``hdutils``, compatible with hetida designer.

Component code written for hetida designer runs unchanged: ``from hdutils import parse_default_value``
and the other names below resolve to this module (re-exported by the top-level ``hdutils`` package). The
parsing helpers apply Sealflow's value rules (``sealflow.code.values``), so they are stricter than hetida's
where hetida was wrong: an INT does not truncate 3.7, a BOOLEAN is not ``"on"``.

``DataType`` is Sealflow's own enum, which also answers to hetida's member names (``DataType.Integer`` ...).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from sealflow.code import values
from sealflow.code.values import plotly_fig_to_json_dict
from sealflow.errors import ValueParseError
from sealflow.model import datatypes

__all__ = [
    "MULTITSFRAME_COLUMN_NAMES",
    "ComponentException",
    "ComponentInputValidationException",
    "DataType",
    "MetaDataWrapped",
    "ParsedValues",
    "WrappedModelWithCustomObjects",
    "parse_default_value",
    "parse_dynamically_from_datatypes",
    "parse_single_value_dynamically",
    "parse_value",
    "plotly_fig_to_json_dict",
    "register",
]

MULTITSFRAME_COLUMN_NAMES = list(values.MULTITSFRAME_COLUMNS)

F = TypeVar("F", bound=Callable[..., Any])


DataType = datatypes.DataType


class ComponentException(Exception):
    """An error component code raises on purpose; the run reports its message, code and extra information."""

    __is_hetida_designer_exception__ = True

    def __init__(
        self, *args: object, error_code: int | str = "", extra_information: dict[str, Any] | None = None
    ) -> None:
        if not isinstance(error_code, int | str):
            raise TypeError(f"error_code must be an int or a str, not {type(error_code).__name__}.")
        super().__init__(*args)
        self.error_code = error_code
        self.extra_information = extra_information


class ComponentInputValidationException(ComponentException):
    """Component code found invalid inputs; ``extra_information["invalid_component_inputs"]`` names them."""

    def __init__(
        self,
        *args: object,
        invalid_component_inputs: Sequence[str],
        error_code: int | str = "",
        extra_information: dict[str, Any] | None = None,
    ) -> None:
        information = {
            **(extra_information or {}),
            "invalid_component_inputs": list(invalid_component_inputs),
        }
        super().__init__(*args, error_code=error_code, extra_information=information)


@dataclass
class WrappedModelWithCustomObjects:
    """A model stored together with the custom objects (layers, losses ...) needed to load it again."""

    model: Any = None
    custom_objects: dict[str, Any] = field(default_factory=dict)


class MetaDataWrapped(BaseModel):
    """The wrapped JSON form of a Series or DataFrame: data, metadata (``.attrs``) and read_json options."""

    model_config = ConfigDict(populate_by_name=True)

    hd_wrapped_data_object__: Literal["SERIES", "DATAFRAME"] = Field(alias="__hd_wrapped_data_object__")
    metadata__: dict[str, Any] = Field(default_factory=dict, alias="__metadata__")
    data__: dict[str, Any] | list[Any] = Field(alias="__data__")
    data_parsing_options__: dict[str, Any] = Field(default_factory=dict, alias="__data_parsing_options__")


class ParsedValues(dict[str, Any]):
    """Parsed values by name; also readable as attributes and via ``dict()``, like hetida's parse result."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def dict(self) -> builtins.dict[str, Any]:
        """The values as a plain dict."""
        return {**self}

    def model_dump(self) -> builtins.dict[str, Any]:
        """The values as a plain dict."""
        return {**self}


def _data_type(data_type: object) -> datatypes.DataType:
    try:
        return datatypes.DataType(str(data_type))
    except ValueError:
        names = ", ".join(datatypes.DataType)
        raise ValueParseError(f"Unknown data type {data_type!r}: use one of {names}.") from None


def parse_value(value: Any, data_type_str: str, nullable: bool = False) -> Any:
    """Read ``value`` as the data type named ``data_type_str``; ``nullable`` lets null (and "") be None."""
    return values.parse_value(value, _data_type(data_type_str), nullable=nullable)


def parse_single_value_dynamically(name: str, value: Any, data_type: str, nullable: bool) -> Any:
    """Read the value of input ``name`` as ``data_type``; an error message names the input."""
    try:
        return values.parse_value(value, _data_type(data_type), nullable=nullable)
    except ValueParseError as exc:
        raise ValueParseError(f"Input {name!r}: {exc.message}", input_name=name, **exc.context) from exc


def parse_dynamically_from_datatypes(
    inputs: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    datatypes: Mapping[str, str] | bool | None = None,
    nullable: bool = False,
) -> ParsedValues:
    """Read every value by its data type: ``(values_by_name, types_by_name)`` or hetida's entries list.

    hetida designer's form is ``parse_dynamically_from_datatypes(entries, nullable)`` with entries
    ``{"name": ..., "type": ..., "value": ...}``; there the second argument is ``nullable``.
    """
    if isinstance(inputs, Mapping):
        if not isinstance(datatypes, Mapping):
            raise ValueParseError("Give the data types by input name as the second argument.")
        missing = sorted(set(inputs) - set(datatypes))
        if missing:
            raise ValueParseError(f"No data type given for the inputs {', '.join(map(repr, missing))}.")
        triples = [(name, value, datatypes[name]) for name, value in inputs.items()]
    else:
        if isinstance(datatypes, bool):
            nullable = datatypes
        try:
            triples = [(entry["name"], entry["value"], entry["type"]) for entry in inputs]
        except (KeyError, TypeError):
            raise ValueParseError('Give each entry as {"name": ..., "type": ..., "value": ...}.') from None
    return ParsedValues(
        (name, parse_single_value_dynamically(name, value, data_type, nullable))
        for name, value, data_type in triples
    )


def parse_default_value(component_info: Mapping[str, Any], input_name: str) -> Any:
    """The default of ``input_name`` in a COMPONENT_INFO dict, read by that input's data type (nullable)."""
    try:
        entry = component_info["inputs"][input_name]
    except (KeyError, TypeError):
        raise ValueParseError(f"COMPONENT_INFO has no input {input_name!r}.") from None
    if not isinstance(entry, Mapping) or "default_value" not in entry:
        raise ValueParseError(f"COMPONENT_INFO gives no default_value for the input {input_name!r}.")
    return parse_single_value_dynamically(
        input_name, entry["default_value"], str(entry.get("data_type")), True
    )


def register(
    inputs: Mapping[str, Any] | None = None,
    outputs: Mapping[str, Any] | None = None,
    **_metadata: Any,
) -> Callable[[F], F]:
    """The legacy ``@register(inputs=..., outputs=...)`` decorator: the IO interface lives in the revision,
    so it returns the function unchanged."""

    def keep(function: F) -> F:
        return function

    return keep
