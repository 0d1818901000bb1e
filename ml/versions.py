"""Versions of the libraries a model artifact is made of: recorded at training, compared at loading.

Versions are read from the installed distributions' metadata, so checking them imports
none of the libraries (a worker that loads a model never imports scikit-learn).
"""

from __future__ import annotations

import warnings
from importlib.metadata import PackageNotFoundError, version

LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib")  # distribution names


class ModelVersionWarning(UserWarning):
    """A model was trained with other versions of its libraries than the installed ones, or did not record them."""


def installed_versions() -> dict[str, str | None]:
    """Distribution name -> installed version (None when the library is not installed)."""
    out: dict[str, str | None] = {}
    for lib in LIBRARIES:
        try:
            out[lib] = version(lib)
        except PackageNotFoundError:
            out[lib] = None
    return out


def version_differences(recorded: dict | None) -> list[tuple[str, str | None, str | None]]:
    """(library, recorded version, installed version) of every library whose versions differ."""
    recorded = recorded or {}
    installed = installed_versions()
    return [(lib, recorded.get(lib), installed[lib]) for lib in LIBRARIES if recorded.get(lib) != installed[lib]]


def warn_if_versions_differ(metadata: dict, artifact) -> None:
    """ModelVersionWarning naming each library whose recorded version is not the installed one."""
    diffs = version_differences(metadata.get("library_versions"))
    if diffs:
        listed = "; ".join(
            f"{lib} {rec or '(not recorded)'}, installed {inst or '(not installed)'}" for lib, rec, inst in diffs
        )
        warnings.warn(
            f"model {artifact} was trained with other library versions: {listed}", ModelVersionWarning, stacklevel=3
        )
