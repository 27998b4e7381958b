import torch
import torch.nn as nn
import torch.nn.functional as F

from awd import ScratchLSTM, WeightDrop

CONFIG = {"vocab": 20, "emb": 8, "hidden": 8, "wdrop": 0.5, "variational": False, "bptt": 5, "lr": 5.0}


class RNNModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.encoder = nn.Embedding(cfg["vocab"], cfg["emb"])
        lstm = ScratchLSTM(cfg["emb"], cfg["hidden"])
        self.rnn = WeightDrop(lstm, ["weight_hh"], cfg["wdrop"], cfg["variational"])
        self.decoder = nn.Linear(cfg["hidden"], cfg["vocab"])

    def forward(self, ids, state=None):
        out, state = self.rnn(self.encoder(ids), state)  # L
        return self.decoder(out), state


def main():
    torch.manual_seed(0)
    model = RNNModel(CONFIG)
    opt = torch.optim.SGD(model.parameters(), lr=CONFIG["lr"])
    stream = torch.randint(0, CONFIG["vocab"], (2 * CONFIG["bptt"] + 1, 2))
    state = None
    for i in range(0, 2 * CONFIG["bptt"], CONFIG["bptt"]):
        ids, target = stream[i:i + CONFIG["bptt"]], stream[i + 1:i + 1 + CONFIG["bptt"]]
        logits, state = model(ids, state)
        state = tuple(s.detach() for s in state)
        loss = F.cross_entropy(logits.reshape(-1, CONFIG["vocab"]), target.reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.25)
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
