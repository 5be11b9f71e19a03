"""A time limit on a block of code (`--timeout`): a timer signal on the main thread, a watchdog elsewhere.

`deadline(seconds)` raises `TimeoutError` inside the block once it has run
for `seconds`. On the main thread of a process (a local run, or a local worker
process) the limit is a SIGALRM timer, as it always was. A Dask worker runs a
task on a thread of its own, where no signal arrives; there a watchdog
(`threading.Timer`) raises the `TimeoutError` in the task's thread with
`PyThreadState_SetAsyncExc`. Both give the same guarantee: Python code is
interrupted between two bytecodes; a long call into native code (a regex
match, a PDF library) runs to its end first and is interrupted after it.

The watchdog's race with the end of the block is guarded: it fires under a
lock and only while the block has not finished, and a `TimeoutError` set just
before the block finished but not yet raised is withdrawn. One may still
arrive while the block is being left (in `deadline`'s own exit); the caller
catches `TimeoutError` around the whole `with` statement, as `batch.parse_one`
does, and so treats that file as timed out. No exception reaches the thread
after `deadline` has returned.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from types import FrameType

__all__ = ["deadline"]


def deadline(seconds: float | None) -> AbstractContextManager[None]:
    """A block that gets `TimeoutError` after `seconds` (None or 0: no limit): SIGALRM on the main thread,
    a watchdog thread anywhere else (see the module docstring)."""
    if not seconds:
        return nullcontext()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _alarm(seconds)
    return _Watchdog(seconds)


def _raise_timeout(_signum: int, _frame: FrameType | None) -> None:
    raise TimeoutError


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """A SIGALRM timer for the block (main thread only), the previous handler restored after it."""
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Watchdog:
    """A timer thread raising `TimeoutError` once in the thread that entered the block, unless it ended first.

    A class, not a generator: its exit stops the timer directly, so no half-run generator can withdraw an
    exception later, from another thread, that a later block's watchdog has set.
    """

    def __init__(self, seconds: float) -> None:
        self._target = 0  # the thread that enters the block
        self._lock = threading.Lock()
        self._finished = False  # set under the lock when the block ends: the timer no longer fires
        self._fired = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True  # a process may exit while a timer waits

    def __enter__(self) -> None:
        self._target = threading.get_ident()
        # under the lock: a timer due at once must not fire while Thread.start() still runs in this thread
        # (a TimeoutError raised inside it makes its clean-up fail with a KeyError); it fires just after
        with self._lock:
            self._timer.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _fire(self) -> None:
        with self._lock:
            if self._finished:
                return
            self._fired = True
            _set_async_exc(self._target, TimeoutError)

    def stop(self) -> None:
        """End the watchdog; withdraw a `TimeoutError` set but not yet raised in the target thread."""
        with self._lock:
            self._finished = True
            if self._fired:
                # delivered already (then this sets nothing), or pending: withdrawn here, under the lock
                _set_async_exc(self._target, None)
        self._timer.cancel()


def _set_async_exc(thread_id: int, exception: type[BaseException] | None) -> None:
    """Raise `exception` in the thread `thread_id` at its next bytecode; None withdraws a pending one."""
    # the C signature is (unsigned long id, PyObject *exc); None is passed as NULL, which withdraws
    count = ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), None if exception is None else ctypes.py_object(exception))
    if count > 1:  # cannot happen for a live thread id; undo as the C API documentation asks
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)
