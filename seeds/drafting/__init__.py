"""`python -m seeds draft`: a first draft of the records of a new source document."""
