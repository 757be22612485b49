"""Files inside pinned, installed packages: found through the installed distribution, never
through a path of one machine."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from .errors import MissingPackage


def package_file(package: str, version: str, member: str) -> Path:
    """Path of ``member`` (a path inside the distribution) of ``package==version``."""
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise MissingPackage(package, version) from None
    if dist.version != version:
        raise MissingPackage(package, version, found=dist.version)
    path = Path(dist.locate_file(member))
    if not path.is_file():
        raise MissingPackage(package, version, found=f"{version} without the file {member}")
    return path


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
