"""Deep Interest Network (Zhou et al. 2018) for click-through prediction: the user's behaviour
sequence is pooled with weights from a local activation unit that uses the paper's Dice
activation, then an MLP predicts the click."""
import torch
import torch.nn.functional as F

from ctr import DIN

CONFIG = {"items": 50, "dim": 8, "attention_hidden": [16, 8], "activation": "dice", "history": 6}


def batch(n, cfg):
    history = torch.randint(1, cfg["items"], (n, cfg["history"]))
    lengths = torch.randint(2, cfg["history"] + 1, (n,))
    history[torch.arange(cfg["history"]) >= lengths.unsqueeze(1)] = 0  # 0 pads short histories
    return history, torch.randint(1, cfg["items"], (n,)), torch.randint(0, 2, (n,)).float()


def main():
    torch.manual_seed(0)
    model = DIN(CONFIG)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(3):
        history, target, clicked = batch(16, CONFIG)
        loss = F.binary_cross_entropy_with_logits(model(history, target), clicked)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
