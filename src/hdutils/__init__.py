"""Compatibility module for component code written for hetida designer."""

from sealflow.code.hdutils import (
    MULTITSFRAME_COLUMN_NAMES,
    ComponentException,
    ComponentInputValidationException,
    DataType,
    MetaDataWrapped,
    ParsedValues,
    WrappedModelWithCustomObjects,
    parse_default_value,
    parse_dynamically_from_datatypes,
    parse_single_value_dynamically,
    parse_value,
    plotly_fig_to_json_dict,
    register,
)

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
