"""The NATO–Japan cooperation API.

`__version__` is the one version of the service: the package's (pyproject reads it from
here), the OpenAPI document's, `/v1/meta`'s, and part of every ETag, so that a new
version's answers are never taken for an old one's."""

__version__ = "1.0.0"
