"""Annotators: small pipeline components that find deadlines, targets and units in task text."""
