"""Seed errors name the file, the record and the field, so a curator can fix them."""


class SeedError(Exception):
    def __init__(
        self, file: str, message: str, *, record: str | None = None, field: str | None = None
    ) -> None:
        self.file, self.record, self.field, self.message = file, record, field, message
        where = file
        if record is not None:
            where += f": record {record}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}")
