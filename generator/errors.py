"""Domain errors. They carry the file (and line) they are about; the doors
(CLI, plugin) translate them into one-line messages."""

from __future__ import annotations

from pathlib import Path


def os_error(error: OSError) -> str:
    """An error the system gave about a file, as one line: the file, then the reason."""
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename else reason


class DigestError(Exception):
    """Base class for every error a user can act on."""


class SeedError(DigestError):
    """A problem with one input file, at an optional line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


class ConfigError(DigestError):
    """mkdocs.yml or a registry file in seeds/ is not what digest expects."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


class OutputError(DigestError):
    """The generator refused to write somewhere it does not own."""


class SearchError(DigestError):
    """The site's search index could not be built."""

    def __init__(self, site: Path | str, message: str) -> None:
        self.path = Path(site)
        super().__init__(f"{self.path}: {message}")


class Committed(KeyboardInterrupt):
    """Ctrl-C once the build's pages were in place: the content folder is this build's."""
