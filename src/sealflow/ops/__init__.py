"""Use cases shared by the CLI and the service: import, run, release, and the rest."""
