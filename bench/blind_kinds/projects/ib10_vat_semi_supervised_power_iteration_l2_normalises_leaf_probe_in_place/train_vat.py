import torch

from semisup import ConvNet, VATLoss, train

CONFIG = {"xi": 1e-6, "eps": 2.5, "ip": 1, "alpha": 1.0, "lr": 1e-3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = ConvNet()
    vat = VATLoss(xi=cfg["xi"], eps=cfg["eps"], ip=cfg["ip"])
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    labelled = [(torch.randn(4, 1, 8, 8), torch.randint(0, 4, (4,))) for _ in range(2)]
    unlabelled = [torch.randn(8, 1, 8, 8) for _ in range(2)]
    train(model, vat, optimizer, labelled, unlabelled, alpha=cfg["alpha"])  # L


if __name__ == "__main__":
    main()
