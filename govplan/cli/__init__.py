"""govplan's command line: one module per command, all registered on one typer app."""
