"""A small progress line on stderr for long scans on a terminal."""
import time


class Progress:
    def __init__(self, stream, delay=0.5):
        self.stream = stream
        self.n = 0
        self.start = time.monotonic()
        self.delay = delay
        self.shown = False

    def __call__(self, k=1):
        self.n += k
        if time.monotonic() - self.start >= self.delay:
            self.stream.write(f"\rchecked {self.n} files...")
            self.stream.flush()
            self.shown = True

    def close(self):
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
