import torch
import torch.nn as nn

from trainkit import Lookahead, SlowWeightsEval, Trainer


def main():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))
    opt = Lookahead(torch.optim.AdamW(model.parameters(), lr=1e-3), k=2, alpha=0.5)
    batches = [(torch.randn(8, 6), torch.randint(0, 3, (8,))) for _ in range(3)]
    val = SlowWeightsEval(torch.randn(8, 6), torch.randint(0, 3, (8,)))
    Trainer(model, opt, callbacks=[val]).fit(batches, epochs=2)  # L
    print("val acc", val.history)


if __name__ == "__main__":
    main()
