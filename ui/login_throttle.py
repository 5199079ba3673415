"""Password guesses slowed down per client and overall (`CCN_UI_PASSWORD`).

Without a limit, parallel sessions tried about 17 passwords a second. Each client (its IP address
as Streamlit sees it, else its session) gets a few free tries, then must wait a delay that doubles
with each further failure, up to a cap; and when failures from all clients together pass a limit
within a minute, every attempt waits until the minute has passed: a guesser opening many sessions
or addresses gets no more tries than one. A refused attempt does not check the password at all.

The state lives in this process's memory: a restart forgets it, which only resets the delays.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Client:
    failures: int = 0
    last: float = 0.0


class LoginThrottle:
    def __init__(
        self,
        *,
        free_tries: int = 3,
        base_delay_s: float = 2.0,
        max_delay_s: float = 900.0,
        overall_limit: int = 30,
        window_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free_tries = free_tries
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.overall_limit = overall_limit
        self.window_s = window_s
        self.clock = clock
        self._clients: dict[str, _Client] = {}
        self._recent: deque[float] = deque()
        self._lock = threading.Lock()

    def _delay(self, failures: int) -> float:
        extra = failures - self.free_tries
        return 0.0 if extra < 0 else min(self.max_delay_s, self.base_delay_s * 2**extra)

    def wait_s(self, client: str) -> float:
        """Seconds before `client` may try a password again (0: now)."""
        now = self.clock()
        with self._lock:
            while self._recent and now - self._recent[0] >= self.window_s:
                self._recent.popleft()
            overall = self._recent[0] + self.window_s - now if len(self._recent) >= self.overall_limit else 0.0
            state = self._clients.get(client)
            own = state.last + self._delay(state.failures) - now if state else 0.0
        return max(0.0, overall, own)

    def failed(self, client: str) -> None:
        now = self.clock()
        with self._lock:
            state = self._clients.setdefault(client, _Client())
            state.failures += 1
            state.last = now
            self._recent.append(now)
            if len(self._clients) > 10_000:  # forget clients whose delay has long passed
                for key in [k for k, c in self._clients.items() if now - c.last > self.max_delay_s]:
                    del self._clients[key]

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._clients.pop(client, None)


THROTTLE = LoginThrottle()
