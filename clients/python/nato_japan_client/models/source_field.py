from enum import StrEnum

class SourceField(StrEnum):
    CITATION_COUNT = "citation_count"
    FILE_NAME = "file_name"
    KIND = "kind"
    LENGTH = "length"
    PUBLISHED = "published"
    PUBLISHER = "publisher"
    SHA256 = "sha256"
    SLUG = "slug"
    TITLE = "title"
    URL = "url"

    def __str__(self) -> str:
        return str(self.value)
