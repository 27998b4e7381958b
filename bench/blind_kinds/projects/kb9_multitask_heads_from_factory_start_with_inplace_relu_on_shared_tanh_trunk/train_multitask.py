import torch

from mtnet import LOSSES, MultiTaskNet

CONFIG = {
    "d_in": 10,
    "width": 16,
    "tasks": {"age": 1, "gender": 2},
    "trunk_act": "tanh",
    "head_act": {"act": "relu", "inplace": True},  # L
    "weights": {"age": 0.5, "gender": 1.0},
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = MultiTaskNet(cfg["d_in"], cfg["width"], cfg["tasks"], cfg["trunk_act"], cfg["head_act"])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(2):
        x = torch.randn(6, cfg["d_in"])
        targets = {"age": torch.rand(6) * 80, "gender": torch.randint(0, 2, (6,))}
        outputs = model(x)  # L
        loss = sum(cfg["weights"][t] * LOSSES[t](outputs[t], targets[t]) for t in cfg["tasks"])
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
