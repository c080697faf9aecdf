import importlib
import os
import pickle
import subprocess
import sys
import textwrap

import pytest

from sealflow.code import importer
from sealflow.errors import CodeIntegrityError, CodeNotFound, InvalidInput
from sealflow.model.hashing import code_hash
from sealflow.store import CodeRepository, Database
from support import MemoryCodeSource

MODEL_CODE = """\
class Doubler:
    def __init__(self, offset):
        self.offset = offset

    def predict(self, x):
        return 2 * x + self.offset


def main(*, offset):
    return {"model": Doubler(offset)}
"""


@pytest.fixture
def source():
    memory = MemoryCodeSource()
    importer.install(memory)
    yield memory
    importer.uninstall()


def put(source, text):
    source.texts[code_hash(text)] = text
    return code_hash(text)


def test_module_is_named_by_hash_and_cached(source):
    hash_ = put(source, MODEL_CODE)
    module = importer.load(hash_)
    assert module.__name__ == f"sealflow_components.c_{hash_}"
    assert importer.load(hash_) is module
    assert importlib.import_module(module.__name__) is module
    assert module.main(offset=1)["model"].predict(3) == 7


def test_classes_pickle_by_hash_and_survive_an_overwrite(source):
    old = put(source, MODEL_CODE)
    new = put(source, MODEL_CODE.replace("2 * x", "3 * x"))
    old_model = importer.load(old).main(offset=0)["model"]
    new_model = importer.load(new).main(offset=0)["model"]
    assert type(old_model).__module__ == f"sealflow_components.c_{old}"
    assert pickle.loads(pickle.dumps(old_model)).predict(2) == 4
    assert pickle.loads(pickle.dumps(new_model)).predict(2) == 6


def test_code_that_does_not_hash_to_its_name_is_refused(source):
    original = MODEL_CODE + "# original\n"
    hash_ = code_hash(original)
    source.texts[hash_] = original + "# tampered\n"
    with pytest.raises(CodeIntegrityError, match=f"code stored under {hash_} hashes to"):
        importer.load(hash_)
    assert importer.module_name(hash_) not in sys.modules


@pytest.mark.parametrize(
    ("value", "error"),
    [
        pytest.param("abc", InvalidInput, id="not-a-hash"),
        pytest.param("0" * 64, CodeNotFound, id="unknown-hash"),
    ],
)
def test_bad_hashes(source, value, error):
    with pytest.raises(error):
        importer.load(value)


def test_nothing_is_imported_without_a_code_store():
    importer.uninstall()
    with pytest.raises(InvalidInput, match="no code store is connected"):
        importer.load(code_hash("x = 1\n" * 3))


def test_a_new_process_with_only_the_database_unpickles_component_objects(db_url, tmp_path):
    """The pickle names ``sealflow_components.c_<sha256>``; a fresh interpreter that knows nothing but
    the database URL resolves it from the code store — even after the revision's code was overwritten."""
    with Database.open(db_url) as database:
        codes = CodeRepository(database)
        hash_ = codes.put(MODEL_CODE)
        codes.put(MODEL_CODE.replace("2 * x", "5 * x"))
        importer.install(codes)
        hetida_name = f"hetdesrun_loaded_components.by_code__hash_{hash_}"
        try:
            model = importer.load(hash_).main(offset=1)["model"]
            (tmp_path / "model.pkl").write_bytes(pickle.dumps(model))
            legacy = importlib.import_module(hetida_name).main(offset=2)["model"]
            (tmp_path / "legacy.pkl").write_bytes(pickle.dumps(legacy))
        finally:
            importer.uninstall()
            for name in (importer.module_name(hash_), hetida_name, "hetdesrun_loaded_components"):
                sys.modules.pop(name, None)
    script = textwrap.dedent(
        """
        import pickle, sys
        for path in sys.argv[1:]:
            model = pickle.loads(open(path, "rb").read())
            print(type(model).__module__, model.predict(10))
        """
    )
    env = {**os.environ, "SEALFLOW_DB_URL": db_url, "SEALFLOW_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "model.pkl"), str(tmp_path / "legacy.pkl")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [f"sealflow_components.c_{hash_}", "21", hetida_name, "22"]


def test_hetida_designer_module_paths_resolve_from_the_code_store(source):
    """Pickles written by hetida designer name ``hetdesrun_loaded_components.by_code__hash_<sha256>``."""
    text = MODEL_CODE + "# from hetida designer\n"
    hash_ = put(source, text)
    name = f"hetdesrun_loaded_components.by_code__hash_{hash_}"
    module = importlib.import_module(name)
    model = module.main(offset=2)["model"]
    assert type(model).__module__ == name
    assert pickle.loads(pickle.dumps(model)).predict(1) == 4
    assert importer.hash_of_module(name) == hash_
