"""A kernel manager for headless notebook runs that hands nbclient only a rapaio kernel that answers.

rapaio-jupyter-kernel 3.0.1 (and every later release so far) has three flaws that stall a headless run:
- it starts its socket threads before it installs its message handlers, so a request that is already
  queued (nbclient sends kernel_info as soon as it connects) reaches a null handler map and kills
  the kernel's shell thread;
- its LoopThread sets its `running` flag only after Thread.start(), so a channel thread scheduled
  before that write ends at once. A kernel started that way never answers, and nbclient waits its
  whole startup timeout for nothing (seen on a loaded 2-core box: heartbeat and control threads
  gone, the shell silent);
- once a client has disconnected, its shell answers no other client (seen with a separate probe
  client: the probe got its reply, nbclient's client then waited for nothing).
None can be fixed from outside the kernel, so this manager waits for the heartbeat port to be bound
and a moment more (closing the first window), then asks the kernel for its kernel_info with a short
timeout; a kernel that does not answer is killed and started afresh on new ports, and the client
that got the answer is the one handed to nbclient.
Used by run-notebooks.sh through --ExecutePreprocessor.kernel_manager_class=kernel_start.SettledKernelManager.
"""
import asyncio
import os
import socket
import sys
import time

from jupyter_client.manager import AsyncKernelManager

SETTLE_SECONDS = float(os.environ.get("FTENERGY_KERNEL_SETTLE_S", "2"))
BIND_TIMEOUT_SECONDS = 180.0
# A kernel that has bound its sockets answers kernel_info within a few seconds even on a loaded box.
PROBE_TIMEOUT_SECONDS = float(os.environ.get("FTENERGY_KERNEL_PROBE_S", "30"))
START_ATTEMPTS = int(os.environ.get("FTENERGY_KERNEL_START_ATTEMPTS", "5"))


class SettledKernelManager(AsyncKernelManager):
    """Starts the kernel, lets it settle, and restarts it until it answers kernel_info."""

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

    async def _answering_start_kernel(self, **kw):
        for attempt in range(1, START_ATTEMPTS + 1):
            await AsyncKernelManager.start_kernel(self, **kw)
            self._answered = await self._answering_client()
            if self._answered is not None:
                return
            print(f"kernel_start: kernel {attempt}/{START_ATTEMPTS} did not answer kernel_info within "
                  f"{PROBE_TIMEOUT_SECONDS:.0f} s; killing it and starting another", file=sys.stderr, flush=True)
            await self.shutdown_kernel(now=True, restart=True)
            self.cleanup_random_ports()
        raise RuntimeError(f"no rapaio kernel answered kernel_info in {START_ATTEMPTS} starts")

    start_kernel = _answering_start_kernel

    def client(self, **kwargs):
        """The client that got the kernel's answer: the kernel stops serving its shell once a client disconnects."""
        answered, self._answered = getattr(self, "_answered", None), None
        return answered if answered is not None else AsyncKernelManager.client(self, **kwargs)

    async def _answering_client(self):
        """A connected client the kernel has answered, or None when it did not answer in time."""
        client = AsyncKernelManager.client(self)
        # No heartbeat thread yet: nbclient starts the channels again, and a thread starts only once.
        client.start_channels(hb=False)
        try:
            await client.wait_for_ready(timeout=PROBE_TIMEOUT_SECONDS)
            return client
        except RuntimeError:
            client.stop_channels()
            return None
