"""A Jupyter kernel that runs the current Python interpreter.

Reports must run with the interpreter (and so the packages) of the
environment the command runs in, in a plain venv, conda or CI, without any
``jupyter kernelspec install`` by hand.  A kernelspec named ``python3`` on
the machine may point at another Python (a user-level spec from another
environment), so instead of looking a spec up by name, the runner hands
papermill (through nbclient's ``kernel_manager_class``) a kernel manager
whose spec is built here from :data:`sys.executable`.

When ``corpus_tools`` is imported from a source checkout that is not
installed (its parent folder has a ``pyproject.toml``), that folder is put
first on the kernel's ``PYTHONPATH`` so the kernel imports the same
``corpus_tools`` as the runner.  Installed packages need nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from traitlets import default

__all__ = ["KERNEL_NAME", "CurrentPythonKernelManager", "current_python_kernelspec"]

#: The name the executed notebooks record; the spec itself comes from sys.executable.
KERNEL_NAME = "python3"


def _source_checkout() -> Path | None:
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() else None


def current_python_kernelspec() -> KernelSpec:
    """An ipykernel spec running :data:`sys.executable`.

    >>> spec = current_python_kernelspec()
    >>> spec.argv[0] == sys.executable, spec.argv[1:3]
    (True, ['-m', 'ipykernel_launcher'])
    """
    env = {}
    root = _source_checkout()
    if root is not None:
        current = os.environ.get("PYTHONPATH", "")
        parts = [str(root), *(p for p in current.split(os.pathsep) if p and p != str(root))]
        env["PYTHONPATH"] = os.pathsep.join(parts)
    from ipykernel.kernelspec import get_kernel_dict  # ipykernel's own spec for sys.executable

    spec = get_kernel_dict()
    return KernelSpec(
        argv=spec["argv"],
        display_name=f"Python {sys.version_info.major}.{sys.version_info.minor} ({sys.executable})",
        language="python",
        env=env,
        metadata=spec.get("metadata", {}),
    )


class _CurrentPythonSpecs(KernelSpecManager):
    """Answers every kernel name with :func:`current_python_kernelspec`."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return current_python_kernelspec()


class CurrentPythonKernelManager(AsyncKernelManager):
    """nbclient/papermill kernel manager that always starts the current Python."""

    @default("kernel_spec_manager")
    def _kernel_spec_manager_default(self) -> KernelSpecManager:
        return _CurrentPythonSpecs(data_dir=self.data_dir)
