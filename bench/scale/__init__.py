"""Deterministic synthetic data at scale, loaded into a dedicated database.

`python -m bench.scale --events N --database-url URL [--seed 42] [--fresh] [--if-missing]`, or
`make scale-data N=100000 DB=sqlite|postgresql`.
"""
