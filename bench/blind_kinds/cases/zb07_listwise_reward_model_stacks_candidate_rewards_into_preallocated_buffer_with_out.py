"""A listwise reward model (Plackett-Luce / ListMLE over K ranked responses per prompt) distilled
from a frozen teacher reward model's ranking; per-candidate scores are gathered into a reused
buffer with torch.stack(out=) to avoid an allocation per batch."""
import torch
import torch.nn as nn


class RewardModel(nn.Module):
    def __init__(self, vocab=13, d=12):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab, d, mode="mean")
        self.body = nn.Sequential(nn.Linear(d, d), nn.Tanh())
        self.value = nn.Linear(d, 1)

    def forward(self, ids):
        return self.value(self.body(self.embed(ids))).squeeze(-1)


class ScoreCollector:
    """Keeps one [batch, K] buffer alive across steps."""

    def __init__(self):
        self.buffers = {}

    def collect(self, name, scores):
        key = (name, scores[0].shape[0], len(scores))
        if key not in self.buffers:
            self.buffers[key] = torch.empty(scores[0].shape[0], len(scores))
        return torch.stack(scores, dim=1, out=self.buffers[key])  # L


def list_mle(scores, ranking):
    ordered = scores.gather(1, ranking)
    tail_lse = ordered.flip(1).logcumsumexp(1).flip(1)
    return (tail_lse - ordered).sum(1).mean()


def run():
    torch.manual_seed(0)
    student, teacher = RewardModel(), RewardModel().requires_grad_(False)
    collector = ScoreCollector()
    opt = torch.optim.Adam(student.parameters(), lr=1e-2)
    for _ in range(2):
        candidates = [torch.randint(0, 13, (3, 6)) for _ in range(4)]
        with torch.no_grad():
            teacher_scores = torch.stack([teacher(c) for c in candidates], dim=1)
        ranking = teacher_scores.argsort(1, descending=True)
        scores = collector.collect("student", [student(c) for c in candidates])  # L
        loss = list_mle(scores, ranking)
        opt.zero_grad()
        loss.backward()
        opt.step()
