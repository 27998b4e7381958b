import torch

from engine import CalibrationMeter, LossPrinter, SoftmaxClassifier, Trainer


def main():
    torch.manual_seed(0)
    model = SoftmaxClassifier()
    meter = CalibrationMeter(n_bins=5)
    trainer = Trainer(model, torch.optim.SGD(model.parameters(), lr=0.1), callbacks=[meter, LossPrinter()])
    x, y = torch.randn(12, 8), torch.randint(0, 4, (12,))
    for _ in range(3):
        for xb, yb in zip(x.split(4), y.split(4)):
            trainer.train_step(xb, yb)  # L
    print("ECE", meter.ece())


if __name__ == "__main__":
    main()
