"""Component modules imported from several threads at once: every thread gets the finished module."""

from __future__ import annotations

import threading

from sealflow.code import importer
from sealflow.model.hashing import code_hash


class SlowSource:
    """A code source for one text whose module takes a while to execute."""

    def __init__(self, text: str) -> None:
        self.text = text

    def get(self, hash_: str) -> str:
        return self.text


def test_threads_wait_for_a_module_another_thread_is_still_executing():
    text = "import time\ntime.sleep(0.3)\n\n\ndef main():\n    return {'done': True}\n# threads\n"
    importer.install(SlowSource(text))
    try:
        found: list[object] = []
        threads = [
            threading.Thread(target=lambda: found.append(importer.load(code_hash(text)).main()))
            for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        importer.uninstall()
    assert found == [{"done": True}] * 4
