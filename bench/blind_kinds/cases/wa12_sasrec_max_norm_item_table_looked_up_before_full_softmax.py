"""A small sequential recommender (SASRec-like, GRU encoder) with an item table tied between input and
output; the table has max_norm, and the positive/negative items of a BPR auxiliary loss are looked
up before the full-softmax scores are computed with the table."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SeqRec(nn.Module):
    def __init__(self, n_items=12, d=6):
        super().__init__()
        self.items = nn.Embedding(n_items, d, max_norm=1.0)
        self.encoder = nn.GRU(d, d, batch_first=True)

    def user_state(self, history):
        out, _ = self.encoder(self.items(history))
        return out[:, -1]

    def scores(self, user):
        return user @ self.items.weight.t()


def train_step(model, opt, history, target, negatives):
    user = model.user_state(history)
    pos = model.items(target)  # L
    neg = model.items(negatives)  # L
    ce = F.cross_entropy(model.scores(user), target)
    bpr = -F.logsigmoid((user * pos).sum(-1) - (user * neg).sum(-1)).mean()
    loss = ce + 0.5 * bpr
    opt.zero_grad()
    loss.backward()
    opt.step()


def run():
    torch.manual_seed(0)
    model = SeqRec()
    with torch.no_grad():
        model.items.weight.mul_(3.0)  # rows well above max_norm, as after training with a large lr
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        history = torch.randint(0, 12, (4, 5))
        target, negatives = torch.randint(0, 12, (4,)), torch.randint(0, 12, (4,))
        train_step(model, opt, history, target, negatives)
