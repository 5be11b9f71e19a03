"""deadline: a time limit that holds on the main thread (SIGALRM) and on any other thread (a watchdog).

The watchdog is what `--timeout` uses on a Dask worker's thread; here it runs
on plain threads: it fires, it does not fire when the block ends in time, and
no `TimeoutError` ever reaches the thread after the block, however close the
end of the block comes to the deadline.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from minutes_cli import batch
from minutes_cli.batch import Input, parse_one
from minutes_cli.deadline import _Watchdog, deadline

# Blocks below wait in short sleeps: a Python loop, which the watchdog can interrupt between two bytecodes
# (one long time.sleep is a native call, which it could not).
TICK_SECONDS = 0.002


def python_wait(seconds: float) -> None:
    """Wait `seconds` in a Python loop of short sleeps."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        time.sleep(TICK_SECONDS)


def python_spin(seconds: float) -> None:
    """Run Python bytecodes for `seconds` (no sleeping: the closest race with the watchdog)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def start_on_a_thread(work: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    """`work()` started on a new thread (not the main one), and the list that will hold what it
    returned or the exception it raised."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # noqa: BLE001 - the test inspects it
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def on_a_thread(work: Callable[[], object]) -> object:
    """`work()` on a new thread (not the main one): what it returned, or the exception it raised."""
    thread, outcome = start_on_a_thread(work)
    thread.join(timeout=30)
    assert not thread.is_alive(), "the block was not interrupted"
    return outcome[0]


def test_the_watchdog_interrupts_a_block_on_a_thread() -> None:
    def work() -> float:
        started = time.perf_counter()
        with deadline(0.1):
            python_wait(10)
        return time.perf_counter() - started

    outcome = on_a_thread(work)
    assert isinstance(outcome, TimeoutError)


def test_the_watchdog_is_quick_and_leaves_the_thread_alone_after_a_block_in_time() -> None:
    def work() -> str:
        started = time.perf_counter()
        with deadline(0.05):
            python_wait(0.01)
        python_wait(0.2)  # past the deadline, outside the block: nothing arrives
        assert time.perf_counter() - started < 5
        return "done"

    assert on_a_thread(work) == "done"


def test_an_interrupted_block_took_about_its_limit() -> None:
    def work() -> float:
        started = time.perf_counter()
        try:
            with deadline(0.1):
                python_wait(10)
        except TimeoutError:
            return time.perf_counter() - started
        raise AssertionError("not interrupted")

    elapsed = on_a_thread(work)
    assert isinstance(elapsed, float) and 0.09 <= elapsed < 3


# Blocks ending just before, at or just after their deadline: the race between the block's end and the watchdog.
RACE_ROUNDS = 200
RACE_LIMIT_SECONDS = 0.002


@pytest.fixture()
def fine_thread_switching() -> Iterator[None]:
    """Threads switch every 10 µs instead of every 5 ms: the watchdog and the block interleave far more finely."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(RACE_SWITCH_SECONDS)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


RACE_SWITCH_SECONDS = 1e-5


@pytest.mark.usefixtures("fine_thread_switching")
def test_no_timeout_arrives_after_the_block_however_close_the_race() -> None:
    def work() -> dict[str, int]:
        outcomes = {"done": 0, "timeout": 0}
        for round_ in range(RACE_ROUNDS):
            try:
                with deadline(RACE_LIMIT_SECONDS):
                    python_spin(RACE_LIMIT_SECONDS * 3 * round_ / RACE_ROUNDS)  # 0 to 3 times the limit
                outcomes["done"] += 1
            except TimeoutError:
                outcomes["timeout"] += 1
            python_spin(RACE_LIMIT_SECONDS)  # a late TimeoutError would be raised here, out of the loop
        return outcomes

    outcomes = on_a_thread(work)
    assert isinstance(outcomes, dict), f"a TimeoutError arrived after its block: {outcomes!r}"
    assert outcomes["done"] + outcomes["timeout"] == RACE_ROUNDS
    assert outcomes["done"] and outcomes["timeout"], outcomes  # both sides of the race were run


def test_the_timer_never_fires_into_its_own_start() -> None:
    # Thread.start() cleans up after an exception raised inside it and fails (KeyError) when the thread
    # had started; the watchdog must not raise its TimeoutError while its timer is being started
    raised_inside_start: list[bool] = []

    class EagerTimer(threading.Timer):
        def start(self) -> None:  # as a timer due at once: it fires while start() still runs
            try:
                firing = threading.Thread(target=self.function)
                firing.start()
                firing.join(0.05)
                python_spin(0.05)  # bytecodes, where a pending TimeoutError would be raised
            except TimeoutError:
                raised_inside_start.append(True)
                raise

    def work() -> str:
        watchdog = _Watchdog(60)
        watchdog._timer = EagerTimer(60, watchdog._fire)
        try:
            with watchdog:
                python_spin(1.0)
        except TimeoutError:
            return "timed out"
        return "done"

    assert on_a_thread(work) == "timed out"
    assert not raised_inside_start


def test_a_limit_due_at_once_interrupts_as_a_timeout_never_as_another_error() -> None:
    # a timer due at once fires while its thread is still being started: the TimeoutError must not land
    # inside Thread.start(), whose clean-up then fails with a KeyError instead
    def work() -> int:
        ended = 0
        for _ in range(300):
            try:
                with deadline(1e-9):
                    python_spin(0.0005)
            except TimeoutError:
                pass
            ended += 1  # in time or timed out; any other exception leaves the loop
        return ended

    assert on_a_thread(work) == 300


def test_a_watchdog_that_fires_after_the_block_has_ended_sets_nothing() -> None:
    # the timer thread may reach its callback just after the block ended (it woke before `cancel`): the
    # "finished" flag, set under the lock as the block ends, makes that a no-op
    def work() -> str:
        watchdog = _Watchdog(60)
        with watchdog:
            pass
        watchdog._fire()
        python_spin(0.01)  # a TimeoutError set by the late callback would be raised here
        return "done"

    assert on_a_thread(work) == "done"


def test_a_timeout_set_but_not_yet_raised_when_the_watchdog_stops_is_withdrawn() -> None:
    # a thread blocked in native code (here: a lock the test holds) raises a pending exception only when it
    # is back in Python; the watchdog fires and is stopped meanwhile, so none may be raised then
    held = threading.Lock()
    held.acquire()
    watchdog = _Watchdog(60)
    entered = threading.Event()

    def work() -> str:
        with watchdog:
            entered.set()
            held.acquire()  # native: a pending TimeoutError waits here
            held.release()
            python_spin(0.01)  # ... and would be raised here
            return "done"

    thread, outcome = start_on_a_thread(work)
    assert entered.wait(10)
    watchdog._fire()  # as the timer would: the thread is inside the block
    watchdog.stop()  # as the block's end would, before the thread ran another bytecode
    held.release()
    thread.join(timeout=30)
    assert outcome == ["done"]


def test_threads_have_their_own_deadlines() -> None:
    # two threads at once: the one whose block overruns is interrupted, the other is not
    def slow() -> str:
        with deadline(0.05):
            python_wait(10)
        return "done"

    def quick() -> str:
        with deadline(2):
            python_wait(0.2)
        return "done"

    results: dict[str, object] = {}
    threads = [threading.Thread(target=lambda f=f: results.setdefault(f.__name__, on_a_thread(f)))
               for f in (slow, quick)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert isinstance(results["slow"], TimeoutError) and results["quick"] == "done"


def test_on_the_main_thread_it_is_a_timer_signal_and_the_handler_is_restored() -> None:
    if not hasattr(signal, "setitimer"):
        pytest.skip("no setitimer on this platform")
    assert threading.current_thread() is threading.main_thread()
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(TimeoutError), deadline(0.05):
        assert signal.getsignal(signal.SIGALRM) is not before
        python_wait(10)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize("seconds", [None, 0])
def test_no_limit_is_no_limit(seconds: float | None) -> None:
    with deadline(seconds):
        python_wait(0.01)


def test_parse_one_times_out_alike_on_the_main_thread_and_on_another(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # a Dask worker parses on a thread of its own: the record must be the one a local run writes
    def slow(data: bytes, path: str, **_options: object) -> object:
        python_wait(10)
        raise AssertionError("should have timed out")

    monkeypatch.setattr(batch, "extract_documents_from_bytes", slow)
    (tmp_path / "langsom.txt").write_text("Punkt 1: Budget\n", encoding="utf-8")
    item = Input(str(tmp_path / "langsom.txt"), "langsom.txt")
    on_main = parse_one(item, timeout=0.2)
    on_thread = on_a_thread(lambda: parse_one(item, timeout=0.2))
    assert isinstance(on_thread, batch.FileResult)
    assert on_main.error == on_thread.error == (f"{item.path}: parsing took longer than 0.2 s (raise --timeout)")
    assert on_thread.seconds < 5
