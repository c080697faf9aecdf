"""Documentation for Load Object

# Load Object

## Description
Loads an object that Store Object (or `store_object` in component code) persisted in the object store
of the instance, for example a trained model.

## Inputs
* **name** (String): the name of the object; letters, digits, `.`, `_` and `-`,
  beginning with a letter or digit; at most 128 characters.
* **tag** (String): the tag it was stored with, or `latest` for the tag stored last.

## Outputs
* **obj** (Any): the stored object.

## Details
Before unpickling, the payload is checked against the size and SHA-256 in its manifest. If there is no
object with that name and tag, the run fails with a message that names both and lists the stored tags.

Objects of classes defined in component code import that code by its hash from the instance's code
store, so they load as they were stored, even after the component's code was changed. Objects of other
classes need the packages they were pickled with.

## Examples
`name` = `pump-model`, `tag` = `latest` loads the model stored last under that name.
"""

# mypy: allow-untyped-defs
from sealflow.store.objects import load_object

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "name": {"data_type": "STRING"},
        "tag": {"data_type": "STRING"},
    },
    "outputs": {
        "obj": {"data_type": "ANY"},
    },
    "name": "Load Object",
    "category": "Data Sources",
    "description": "Load an object persisted by name and tag from the object store",
    "version_tag": "1.0.0",
    "id": "eb8e8d6b-ba7d-dc88-14dc-6839a471d5e0",
    "revision_group_id": "eb8e8d6b-ba7d-dc88-14dc-6839a471d5e0",
    "state": "RELEASED",
    "released_timestamp": "2026-01-01T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, name, tag):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    return {"obj": load_object(name, tag)}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {"filters": {"value": "example-object"}, "workflow_input_name": "name"},
        {"filters": {"value": "latest"}, "workflow_input_name": "tag"},
    ],
}
