"""The data types of component and workflow inputs and outputs."""

from __future__ import annotations

from enum import StrEnum


class DataType(StrEnum):
    """A data type of an input or output, as named in the exchange format.

    hetida designer's member names (``Integer``, ``MultiTSFrame`` ...) are aliases, so that component code
    using them runs unchanged; iteration lists each type once.
    """

    INT = "INT"
    FLOAT = "FLOAT"
    STRING = "STRING"
    BOOLEAN = "BOOLEAN"
    SERIES = "SERIES"
    DATAFRAME = "DATAFRAME"
    MULTITSFRAME = "MULTITSFRAME"
    PLOTLYJSON = "PLOTLYJSON"
    ANY = "ANY"

    Integer = "INT"
    Float = "FLOAT"
    String = "STRING"
    Boolean = "BOOLEAN"
    Series = "SERIES"
    DataFrame = "DATAFRAME"
    MultiTSFrame = "MULTITSFRAME"
    PlotlyJson = "PLOTLYJSON"
    Any = "ANY"

    def accepts(self, other: DataType) -> bool:
        """Whether a value of type ``other`` may flow into a connector of this type."""
        return self is other or self is DataType.ANY or other is DataType.ANY


class InputType(StrEnum):
    """Whether an input must be given or has a default."""

    REQUIRED = "REQUIRED"
    OPTIONAL = "OPTIONAL"


class State(StrEnum):
    """Lifecycle state of a transformation revision."""

    DRAFT = "DRAFT"
    RELEASED = "RELEASED"
    DISABLED = "DISABLED"


class TransformationType(StrEnum):
    """A transformation is a component (Python code) or a workflow (a graph of operators)."""

    COMPONENT = "COMPONENT"
    WORKFLOW = "WORKFLOW"
