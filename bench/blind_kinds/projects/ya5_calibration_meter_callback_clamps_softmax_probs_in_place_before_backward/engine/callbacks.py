import torch


class Callback:
    """Hooks the trainer calls by name; subclasses override the ones they need."""


class LossPrinter(Callback):
    def on_step_end(self, state):
        print(f"step {state['step']}: loss {state['loss'].item():.4f}")


class CalibrationMeter(Callback):
    """Expected calibration error over equal-width confidence bins."""

    def __init__(self, n_bins=5, eps=1e-6):
        self.edges = torch.linspace(0, 1, n_bins + 1)
        self.eps = eps
        self.reset()

    def reset(self):
        self.conf_sum = torch.zeros(len(self.edges) - 1)
        self.hits = torch.zeros(len(self.edges) - 1)
        self.count = torch.zeros(len(self.edges) - 1)

    @torch.no_grad()
    def on_forward_end(self, state):
        probs = state["probs"]
        probs.clamp_(self.eps, 1.0)  # L
        conf, pred = probs.max(dim=1)
        bins = torch.bucketize(conf, self.edges[1:-1])
        self.conf_sum.index_add_(0, bins, conf)
        self.hits.index_add_(0, bins, (pred == state["target"]).float())
        self.count.index_add_(0, bins, torch.ones_like(conf))

    def ece(self):
        seen = self.count > 0
        gap = (self.conf_sum[seen] - self.hits[seen]).abs()
        return (gap.sum() / self.count.sum()).item()
