"""A kernel manager for headless notebook runs that lets the rapaio kernel finish starting.

rapaio-jupyter-kernel 3.0.1 starts its socket threads before it installs its message handlers; a
request that is already queued (nbclient sends kernel_info as soon as it connects) reaches a null
handler map and kills the kernel's shell thread, after which the kernel never answers. Waiting until
the kernel's heartbeat port accepts connections, and a moment more, before the client connects
closes that window. Used by run-notebooks.sh through
--ExecutePreprocessor.kernel_manager_class=kernel_start.SettledKernelManager.
"""
import asyncio
import os
import socket
import time

from jupyter_client.manager import AsyncKernelManager

SETTLE_SECONDS = float(os.environ.get("FTENERGY_KERNEL_SETTLE_S", "2"))
BIND_TIMEOUT_SECONDS = 180.0


class SettledKernelManager(AsyncKernelManager):
    """Starts the kernel, waits for it to bind its sockets and settle, then lets clients connect."""

    async def _settled_post_start_kernel(self, **kw):
        deadline = time.monotonic() + BIND_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((self.ip, self.hb_port), timeout=1):
                    break
            except OSError:
                await asyncio.sleep(0.5)
        await asyncio.sleep(SETTLE_SECONDS)
        await AsyncKernelManager._async_post_start_kernel(self, **kw)

    post_start_kernel = _settled_post_start_kernel
