import torch.nn.functional as F


def train_step(model, bank, batch, optimizer):
    x, idx = batch
    feats = model(x)
    loss = F.cross_entropy(bank.logits(feats), idx)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    bank.update(idx, feats)  # L
    return loss.item()
