"""Two-tower retrieval with in-batch negatives and the sampling-bias (logQ) correction of Yi et al.
(RecSys 2019): each item's log sampling probability, estimated by a streaming frequency counter, is
subtracted from its column of the user-item logits before the softmax. The subtraction is written
with `torch.sub(..., out=logits)` to reuse the logits' storage."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Tower(nn.Module):
    def __init__(self, n_ids, n_dense, dim=8):
        super().__init__()
        self.embed = nn.Embedding(n_ids, 12)
        self.mlp = nn.Sequential(nn.Linear(12 + n_dense, 16), nn.ReLU(), nn.Linear(16, dim))

    def forward(self, ids, dense):
        return F.normalize(self.mlp(torch.cat([self.embed(ids), dense], -1)), dim=-1)


class FrequencyEstimator:
    """Streaming estimate of how often an item is sampled: A holds the step it was last seen, B
    the smoothed gap between sightings; p = 1 / B."""

    def __init__(self, n_items, alpha=0.1):
        self.alpha = alpha
        self.step = 0
        self.last = torch.zeros(n_items)
        self.gap = torch.full((n_items,), 10.0)

    def update(self, item_ids):
        self.step += 1
        seen = self.step - self.last[item_ids]
        self.gap[item_ids] = (1 - self.alpha) * self.gap[item_ids] + self.alpha * seen
        self.last[item_ids] = float(self.step)

    def log_prob(self, item_ids):
        return -torch.log(self.gap[item_ids])


def sampled_softmax_loss(user_emb, item_emb, log_q, temperature=0.1):
    logits = user_emb @ item_emb.t() / temperature
    torch.sub(logits, log_q, out=logits)  # L
    labels = torch.arange(logits.shape[0])
    return F.cross_entropy(logits, labels)


def run():
    torch.manual_seed(0)
    n_users, n_items = 30, 40
    users, items = Tower(n_users, 3), Tower(n_items, 2)
    freq = FrequencyEstimator(n_items)
    opt = torch.optim.Adagrad(list(users.parameters()) + list(items.parameters()), lr=0.05)
    for _ in range(3):
        uid, iid = torch.randint(0, n_users, (8,)), torch.randint(0, n_items, (8,))
        freq.update(iid)
        loss = sampled_softmax_loss(users(uid, torch.randn(8, 3)), items(iid, torch.randn(8, 2)), freq.log_prob(iid))
        opt.zero_grad()
        loss.backward()
        opt.step()
