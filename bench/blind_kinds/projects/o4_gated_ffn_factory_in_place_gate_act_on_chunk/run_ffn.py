import torch

from layers import build_ff

SETTINGS = dict(dim=8, mult=2, gate_act="sigmoid_")


def main():
    torch.manual_seed(0)
    blocks = torch.nn.ModuleList(build_ff("glu", **SETTINGS) for _ in range(2))
    opt = torch.optim.SGD(blocks.parameters(), lr=0.1, momentum=0.9)
    for step in range(2):
        x = torch.randn(3, 5, 8)
        h = x
        for block in blocks:
            h = block(h)  # L
        loss = (h - x.flip(1)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("loss", loss.item())


if __name__ == "__main__":
    main()
