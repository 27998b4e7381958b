import torch
import torch.nn.functional as F

from .pruning import apply_masks_, global_magnitude_masks
from .rewind import rewind_, snapshot


def train(model, masks, data, steps, lr):
    opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    x, y = data
    for _ in range(steps):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        apply_masks_(model, masks)
    return loss.item()


def iterative_magnitude_pruning(model, data, rounds=2, rate=0.2, steps=3, lr=0.05):
    init = snapshot(model)
    names = model.prunable()
    masks = {n: torch.ones_like(init[n]) for n in names}
    history = []
    for r in range(rounds):
        history.append(train(model, masks, data, steps, lr))
        masks = global_magnitude_masks(model, names, masks, rate)
        rewind_(model, init, masks)  # L
    history.append(train(model, masks, data, steps, lr))
    return masks, history
