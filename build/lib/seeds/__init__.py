"""The curated dataset (`data/`), its source documents (`sources/`) and the loader."""
