"""Component code: generation from the IO interface, reading .py files, hashing, storing and importing."""
