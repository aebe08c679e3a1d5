"""Load and validate: YAML with line numbers, text rules, strict models, all errors in one run."""
