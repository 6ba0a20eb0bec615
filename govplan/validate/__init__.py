"""Validation of hand-edited specs: YAML faults, schema errors and semantic rules, all located.

Entry points: check.check_files / check.check_text (findings), report.render (output),
fmt.format_text (canonical layout), jsonschema.spec_schema (the JSON Schema).
"""
