import torch.nn.functional as F


def train_one_epoch(model, batches, optimizer, logger=None, log_every=2):
    model.train()
    for step, (x, y) in enumerate(batches):
        loss = F.cross_entropy(model(x), y)
        if logger is not None and step % log_every == 0:
            logger.snapshot(step)  # L
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()
