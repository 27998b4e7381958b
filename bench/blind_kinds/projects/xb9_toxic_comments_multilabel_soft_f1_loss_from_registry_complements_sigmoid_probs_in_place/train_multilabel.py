import torch

from multilabel import BagOfWordsClassifier, get_loss

CONFIG = {"vocab": 30, "dim": 8, "labels": 4, "losses": ["bce", "soft_f1"], "epochs": 3, "lr": 5e-3}


def main():
    torch.manual_seed(0)
    tokens = torch.randint(0, CONFIG["vocab"], (24, 10))
    y = (torch.rand(24, CONFIG["labels"]) < 0.3).float()
    model = BagOfWordsClassifier(CONFIG["vocab"], CONFIG["dim"], CONFIG["labels"])
    criterion = get_loss(CONFIG["losses"])
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    for epoch in range(CONFIG["epochs"]):
        loss = criterion(model(tokens), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
