import torch

from wordlm import RNNModel, TrainConfig, train_epoch

NTOKEN = 20
CONFIG = TrainConfig(bptt=3, detach_state=False, retain_graph=True)  # L


def main(cfg=CONFIG):
    torch.manual_seed(0)
    stream = torch.randint(0, NTOKEN, (10, 2))
    model = RNNModel(NTOKEN)
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr)
    for epoch in range(2):
        print(epoch, train_epoch(model, opt, stream, cfg))  # L


if __name__ == "__main__":
    main()
