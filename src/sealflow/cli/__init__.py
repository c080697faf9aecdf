"""The ``sealflow`` command line: parse, call one use case in ``sealflow.ops``, render."""
