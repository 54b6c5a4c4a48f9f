"""Fetching, verifying and unpacking lupa 2.8's source distribution.

The upstream files are never committed: the sdist is downloaded from PyPI at run time, checked
against a pinned sha256 and cached outside the repository. Only the files the conformance run
needs are extracted, into a staging tree that keeps the sdist's own relative layout (upstream's
``lupa/tests/__init__.py`` locates ``README.rst`` as ``../../README.rst``).
"""

import hashlib
import json
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

LUPA_VERSION = "2.8"
SDIST_NAME = f"lupa-{LUPA_VERSION}.tar.gz"
# Computed on 2026-11-22 from the file PyPI serves; PyPI's own listing reports the same digest.
SDIST_SHA256 = "d8022641b9ec8ecf2c5ecbe9f47e5a70e0b87c4b5ae921b92cb02a638e0acd08"
# Where PyPI stored this exact file; used when the index cannot be queried.
SDIST_FALLBACK_URL = (
    "https://files.pythonhosted.org/packages/c3/a6/"
    "0f869fbb07c393f15473b1eefefb7b5bec162fb7481803d040ed4dc46002/lupa-2.8.tar.gz"
)
DEFAULT_INDEX = os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple"

# Paths inside the sdist (below its top directory) that the run needs.
WANTED_FILES = (
    "README.rst",
    "lupa/_lupa.pyx",
    "lupa/tests/__init__.py",
    "lupa/tests/__main__.py",
    "lupa/tests/test.py",
)


class SdistError(Exception):
    """The sdist could not be obtained, or is not the pinned file."""


def default_cache_dir():
    """The cache directory: ``$RUPA_CONFORMANCE_CACHE``, else ``~/.cache/rupa-conformance``."""
    override = os.environ.get("RUPA_CONFORMANCE_CACHE")
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "rupa-conformance"


def sha256_of(path):
    """The hex sha256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _sdist_url(index):
    """Ask the index (PEP 691 JSON) where the sdist lives; fall back to the pinned URL."""
    request = urllib.request.Request(
        f"{index.rstrip('/')}/lupa/",
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            listing = json.load(response)
    except (OSError, ValueError) as exc:
        print(f"conformance: index query failed ({exc}); using the pinned URL", file=sys.stderr)
        return SDIST_FALLBACK_URL
    for entry in listing.get("files", []):
        if entry.get("filename") == SDIST_NAME and entry.get("url"):
            # PEP 691 allows URLs relative to the listing.
            return urllib.parse.urljoin(request.full_url, entry["url"])
    return SDIST_FALLBACK_URL


def _download(url, dest):
    """Download ``url`` to ``dest`` atomically (a partial file never takes the cached name)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".download-")
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=120) as response:
            shutil.copyfileobj(response, out)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fetch_sdist(cache_dir, index=DEFAULT_INDEX, sdist=None, expected_sha256=SDIST_SHA256):
    """Return the path of a verified lupa 2.8 sdist, downloading it into ``cache_dir`` if needed.

    ``sdist`` names a local file to use instead (for offline runs); it is verified all the same.
    """
    if sdist is not None:
        path = Path(sdist)
        if not path.is_file():
            raise SdistError(f"{path}: no such file")
    else:
        path = Path(cache_dir) / SDIST_NAME
        if not path.is_file() or sha256_of(path) != expected_sha256:
            url = _sdist_url(index)
            print(f"conformance: downloading {url}", file=sys.stderr)
            try:
                _download(url, path)
            except OSError as exc:
                raise SdistError(f"cannot download {url}: {exc}") from exc
    actual = sha256_of(path)
    if actual != expected_sha256:
        raise SdistError(
            f"{path}: sha256 {actual} is not the pinned {expected_sha256}; refusing to run it"
        )
    return path


def extract(sdist_path, cache_dir, expected_sha256=SDIST_SHA256):
    """Extract ``WANTED_FILES`` into a staging tree; return its root (the sdist's top directory).

    The tree is keyed by the sdist's digest and rebuilt when incomplete. Members are read by
    name and written by us, so no path in the archive can escape the staging directory.
    """
    root = Path(cache_dir) / f"stage-{expected_sha256[:16]}" / f"lupa-{LUPA_VERSION}"
    if all((root / name).is_file() for name in WANTED_FILES):
        return root
    with tarfile.open(sdist_path, "r:gz") as archive:
        for name in WANTED_FILES:
            member_name = f"lupa-{LUPA_VERSION}/{name}"
            try:
                member = archive.getmember(member_name)
            except KeyError:
                raise SdistError(f"{sdist_path}: {member_name} is missing") from None
            source = archive.extractfile(member)
            if source is None:
                raise SdistError(f"{sdist_path}: {member_name} is not a regular file")
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)
    return root
