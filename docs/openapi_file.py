"""Write the OpenAPI document the service serves to a file, for the linters (`make
spec-lint`). The document does not depend on the data: an app on an empty in-memory
database serves the same one."""

import sys
from pathlib import Path

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app


def main(target: str) -> None:
    with TestClient(create_app(Settings(database_url="sqlite://"))) as client:
        response = client.get("/openapi.json")
        response.raise_for_status()
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_bytes(response.content)


if __name__ == "__main__":
    main(sys.argv[1])
