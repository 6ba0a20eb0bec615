"""The spec (govplan's IR): models and YAML/JSON serialisation."""
