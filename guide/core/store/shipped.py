"""Where the shipped content and media live: inside the installed package, or in a checkout.

The wheel maps the repository's top-level ``exercises/`` and ``media/`` to ``guide/data/`` (see
``[tool.hatch.build.targets.wheel]`` in pyproject.toml). An editable install (``pip install -e``)
imports ``guide`` from the repository itself, which has no ``guide/data/``; there the
repository's own folders are the shipped ones. Nothing else may decide where the repository is.
"""

from pathlib import Path

import guide

DATA = "data"


def package_dir() -> Path:
    """The folder of the ``guide`` package that is running."""
    return Path(guide.__file__).resolve().parent


def data_dir() -> Path:
    """``guide/data`` of an installed copy, else the checkout the package was imported from."""
    installed = package_dir() / DATA
    if installed.is_dir():
        return installed
    checkout = package_dir().parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "exercises").is_dir():
        return checkout
    return installed  # missing: an incomplete installation, which `validate` reports


def exercises() -> Path:
    return data_dir() / "exercises"


def media() -> Path:
    return data_dir() / "media"


def translations() -> Path:
    """The gettext catalogues (``<lang>/messages.mo``, ``content.mo``) inside the package."""
    return package_dir() / "translations"


def has_content() -> bool:
    """False when the shipped content is missing, as from a wheel built without its data."""
    return (exercises() / "muscles.yaml").is_file()


def program_licence() -> Path | None:
    """The GPL text installed with the package metadata (``*.dist-info/licenses/LICENSE``)."""
    from importlib import metadata  # 40-50 ms (it imports email): not on the way to Home

    try:
        files = metadata.distribution("stretch-guide").files or []
    except metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.name == "LICENSE":
            path = Path(str(file.locate()))
            if path.is_file():
                return path
    checkout = data_dir()  # an editable install without metadata files: the repository's
    if checkout != package_dir() / DATA and (checkout / "LICENSE").is_file():
        return checkout / "LICENSE"
    return None
