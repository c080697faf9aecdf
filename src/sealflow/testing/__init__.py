"""Test components and workflows in-process: a local runner, the component checks and a pytest plugin."""
