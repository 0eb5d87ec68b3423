"""Pattern tables (TOML/CSV) used by the text and claims stages: data, not code."""
