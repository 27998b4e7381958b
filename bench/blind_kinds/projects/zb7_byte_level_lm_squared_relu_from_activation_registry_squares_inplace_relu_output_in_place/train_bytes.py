import torch
import torch.nn.functional as F

from bytelm import ByteLM, ByteLMConfig

TEXT = ["the quick brown fox jumps", "over the lazy dog, twice", "pack my box with five dozen"]


def encode(lines, length):
    rows = [list(line.encode("utf-8")[:length].ljust(length, b" ")) for line in lines]
    return torch.tensor(rows, dtype=torch.long)


def main(cfg=ByteLMConfig()):
    torch.manual_seed(0)
    model = ByteLM(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.1)
    data = encode(TEXT, 17)
    for step in range(3):
        logits = model(data[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, 256), data[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 3))


if __name__ == "__main__":
    main()
