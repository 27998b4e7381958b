import torch


def augment(x):
    return x + 0.1 * torch.randn_like(x)


def train_epoch(model, opt, batches):
    total = 0.0
    for x in batches:
        loss = model(augment(x), augment(x))
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item()
    return total / len(batches)
