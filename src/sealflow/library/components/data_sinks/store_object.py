"""Documentation for Store Object

# Store Object

## Description
Persists any Python object under a name and a tag in the object store of the instance, for example a
trained model that a prediction workflow loads later with Load Object.

## Inputs
* **name** (String): the name of the object; letters, digits, `.`, `_` and `-`,
  beginning with a letter or digit; at most 128 characters.
* **tag** (String): the version of the object, e.g. `1.0.0` or `2026-01-31`; the same characters, at
  most 64. The tag `latest` is reserved for loading.
* **obj** (Any): the object to store.

## Outputs
None.

## Details
The object is pickled (protocol 5) and stored as `<name>/<tag>.pkl`, beside a JSON manifest that records
its size, its SHA-256, when it was stored and the job id of the run that stored it.

A stored object is never overwritten: storing under a name and tag that exist already fails the run and
leaves the stored object as it is. Store the new object under a new tag.

Objects of classes defined in component code refer to that code by its hash, so they load again in any
later run or process of the same instance, even after the component's code was changed.

Each instance keeps its objects where `SEALFLOW_OBJECTS_URL` says: by default in the directory
`objects` of its data directory, or in an S3 bucket (`s3://bucket/prefix`).

## Examples
A training workflow stores its model with `name` = `pump-model` and `tag` = `2026-01-31`; the
prediction workflow loads it with Load Object and `tag` = `latest`.
"""

# mypy: allow-untyped-defs
from sealflow.store.objects import store_object

# ***** DO NOT EDIT LINES BELOW *****
# These lines may be overwritten if component details or inputs/outputs change.
COMPONENT_INFO = {
    "inputs": {
        "name": {"data_type": "STRING"},
        "tag": {"data_type": "STRING"},
        "obj": {"data_type": "ANY"},
    },
    "outputs": {},
    "name": "Store Object",
    "category": "Data Sinks",
    "description": "Persist an object by name and tag in the object store",
    "version_tag": "1.0.0",
    "id": "26d99461-38a9-5e92-df4f-d0fd2752879e",
    "revision_group_id": "26d99461-38a9-5e92-df4f-d0fd2752879e",
    "state": "RELEASED",
    "released_timestamp": "2026-01-01T00:00:00+00:00",
}

from hdutils import parse_default_value  # noqa: E402, F401


def main(*, name, tag, obj):
    # entrypoint function for this component
    # ***** DO NOT EDIT LINES ABOVE *****
    store_object(name, tag, obj)
    return {}


TEST_WIRING_FROM_PY_FILE_IMPORT = {
    "input_wirings": [
        {"filters": {"value": "example-object"}, "workflow_input_name": "name"},
        {"filters": {"value": "1.0.0"}, "workflow_input_name": "tag"},
        {"filters": {"value": '{"answer": 42}'}, "workflow_input_name": "obj"},
    ],
}
