"""The runtime: compile transformations into plans of component steps and run them."""
