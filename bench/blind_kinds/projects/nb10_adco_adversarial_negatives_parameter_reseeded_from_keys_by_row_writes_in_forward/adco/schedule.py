from dataclasses import dataclass


@dataclass(frozen=True)
class RefreshSchedule:
    every: int
    rows: int

    def due(self, step):
        return step % self.every == 0
