import torch
import torch.nn.functional as F


def train_epoch(model, loader, optimizer):
    model.train()
    total = 0.0
    for graph in loader:
        pred = model(graph)  # L
        labeled = graph["y"] == graph["y"]  # OGB marks missing labels with NaN
        loss = F.binary_cross_entropy_with_logits(pred[labeled], graph["y"][labeled])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(loader)


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    correct = n = 0
    for graph in loader:
        pred = model(graph) > 0
        labeled = graph["y"] == graph["y"]
        correct += (pred[labeled] == graph["y"][labeled].bool()).sum().item()
        n += labeled.sum().item()
    return correct / max(n, 1)
