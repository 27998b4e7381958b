import torch
import torch.nn.functional as F


def fit(model, optimizer, batches, clip=None):
    losses = []
    for x, y in batches:
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        if clip is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()  # L
        losses.append(loss.item())
    return losses
