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

The runner and its kernels talk over IPC (Unix domain sockets in a private
temporary folder, mode 0700, removed when the kernel shuts down)
rather than TCP on localhost: nothing else on the machine can connect, and
ipykernel has no reason to print its "Kernel is running over TCP without
encryption" warning on the user's terminal once per notebook.  Windows has
no IPC transport; there the kernel manager negotiates CurveZMQ encryption
when pyzmq supports it (``transport_encryption="auto"``).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import weakref
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from traitlets import default

__all__ = ["KERNEL_NAME", "CurrentPythonKernelManager", "current_python_kernelspec", "kernel_manager_with_env",
           "kill_running_kernels"]

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


#: The kernel managers of this process whose kernel may be running (see :func:`kill_running_kernels`).
_STARTED: weakref.WeakSet = weakref.WeakSet()
_STARTED_LOCK = threading.Lock()


def kill_running_kernels() -> int:
    """Kill (SIGKILL) every kernel started by a :class:`CurrentPythonKernelManager` that is still running.

    When notebooks run in threads and the main thread is interrupted, the
    threads' clients would otherwise wait for their cells to finish: killing
    their kernels makes each client fail at once (nbclient's ``DeadKernelError``)
    and clean up.  Returns how many kernels were killed.
    """
    with _STARTED_LOCK:
        managers = list(_STARTED)
    killed = 0
    for manager in managers:
        process = getattr(manager.provisioner, "process", None)  # LocalProvisioner's Popen
        if process is not None and process.poll() is None:
            process.kill()
            killed += 1
    return killed


class CurrentPythonKernelManager(AsyncKernelManager):
    """nbclient/papermill kernel manager that always starts the current Python."""

    #: Variables set in the kernel's environment on top of this process' (:func:`kernel_manager_with_env`).
    kernel_env: dict[str, str] = {}

    async def _async_pre_start_kernel(self, **kw):
        # papermill gives no way to pass a kernel its environment (nbclient starts it with only the
        # cwd): the manager class carries it, and it goes to the launch here
        if self.kernel_env:
            kw["env"] = {**kw.get("env", os.environ), **self.kernel_env}
        return await super()._async_pre_start_kernel(**kw)

    async def _async_post_start_kernel(self, **kw) -> None:
        await super()._async_post_start_kernel(**kw)
        with _STARTED_LOCK:
            _STARTED.add(self)

    post_start_kernel = _async_post_start_kernel

    async def _async_interrupt_kernel(self) -> None:
        # jupyter_client interrupts (SIGINT) every kernel it shuts down, before the shutdown
        # request; an idle kernel that catches it prints "ERROR | KeyboardInterrupt caught in
        # kernel" on the user's terminal after a notebook that ran fine.  Shutting down, the
        # shutdown request (then SIGTERM, SIGKILL after shutdown_wait_time) is enough.
        if self.shutting_down:
            return
        await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel

    @default("kernel_spec_manager")
    def _kernel_spec_manager_default(self) -> KernelSpecManager:
        return _CurrentPythonSpecs(data_dir=self.data_dir)

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc" if os.name == "posix" else "tcp"

    @default("ip")
    def _ip_default(self) -> str:
        if self.transport != "ipc":
            return super()._ip_default()
        # An absolute path: jupyter_client's default ("kernel-ipc") is relative, and the kernel
        # runs in the notebook's folder while this process stays in the user's working directory.
        self._ipc_dir = tempfile.mkdtemp(prefix="corpus-tools-kernel-")
        return os.path.join(self._ipc_dir, "kernel")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        folder = getattr(self, "_ipc_dir", None)
        if folder and not restart:
            shutil.rmtree(folder, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources

    @default("transport_encryption")
    def _transport_encryption_default(self) -> str:
        return "disabled" if self.transport == "ipc" else "auto"


def kernel_manager_with_env(env: dict[str, str]) -> type[CurrentPythonKernelManager]:
    """A :class:`CurrentPythonKernelManager` class whose kernels get ``env`` on top of this process' environment.

    >>> kernel_manager_with_env({"A": "1"}).kernel_env, CurrentPythonKernelManager.kernel_env
    ({'A': '1'}, {})
    """
    return type("CurrentPythonKernelManagerWithEnv", (CurrentPythonKernelManager,), {"kernel_env": dict(env)})
