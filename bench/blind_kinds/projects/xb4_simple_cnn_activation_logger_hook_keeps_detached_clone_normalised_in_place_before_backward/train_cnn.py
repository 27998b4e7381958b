import torch

from cnn import ActivationLogger, SimpleCNN, train_one_epoch

CONFIG = {"log_layers": ["block1", "block2"], "log_every": 2, "lr": 0.05, "epochs": 2}


def main():
    torch.manual_seed(0)
    model = SimpleCNN()
    logger = ActivationLogger(model, CONFIG["log_layers"])
    opt = torch.optim.SGD(model.parameters(), lr=CONFIG["lr"], momentum=0.9, nesterov=True)
    batches = [(torch.randn(4, 1, 8, 8), torch.randint(0, 4, (4,))) for _ in range(3)]
    for epoch in range(CONFIG["epochs"]):
        print(epoch, train_one_epoch(model, batches, opt, logger, CONFIG["log_every"]))  # L
    print(len(logger.images))


if __name__ == "__main__":
    main()
