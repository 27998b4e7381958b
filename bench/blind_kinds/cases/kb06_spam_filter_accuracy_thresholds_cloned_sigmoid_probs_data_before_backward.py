"""A first binary classifier (spam filter on bag-of-words counts) ending in nn.Sigmoid and trained
with nn.BCELoss. For the running accuracy the loop takes `probs.data.clone()` and thresholds the copy in place to
0/1, before calling backward."""
import torch
import torch.nn as nn


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(12, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid())


def batch_accuracy(probs, y):
    preds = probs.data.clone()
    preds[preds >= 0.5] = 1.0  # L
    preds[preds < 0.5] = 0.0  # L
    return (preds == y).float().mean().item()


def train_step(model, opt, x, y, track_accuracy=True):
    probs = model(x)
    loss = nn.BCELoss()(probs, y)
    if track_accuracy:
        batch_accuracy(probs, y)  # L
    opt.zero_grad()
    loss.backward()
    return [p.grad.clone() for p in model.parameters()]


def data():
    torch.manual_seed(1)
    return torch.rand(10, 12) * 3, torch.randint(0, 2, (10, 1)).float()


def run():
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = data()
        train_step(model, opt, x, y)
        opt.step()


def silent_hazard():
    """The gradient must be the one of the loss the step computed (the same step without the metric)."""
    x, y = data()
    model = make_model()
    got = train_step(model, torch.optim.SGD(model.parameters(), lr=0.1), x, y)
    model = make_model()
    ref = train_step(model, torch.optim.SGD(model.parameters(), lr=0.1), x, y, track_accuracy=False)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
