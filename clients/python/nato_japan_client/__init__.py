
""" A client library for accessing NATO–Japan cooperation API """
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
