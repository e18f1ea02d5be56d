"""Benchmark and scale-data tools; not part of the service."""
