import torch

from pskd import PSKDTrainer, SoftTargetBank, make_batches

CONFIG = {
    "data": {"n": 24, "batch_size": 6, "shuffle": True},
    "n_classes": 4,
    "alpha_T": 0.8,
    "epochs": 2,
}


def main():
    torch.manual_seed(0)
    x = torch.randn(CONFIG["data"]["n"], 10)
    y = torch.randint(0, CONFIG["n_classes"], (CONFIG["data"]["n"],))
    model = torch.nn.Sequential(torch.nn.Linear(10, 16), torch.nn.ReLU(), torch.nn.Linear(16, CONFIG["n_classes"]))
    trainer = PSKDTrainer(model, SoftTargetBank(y, CONFIG["n_classes"]), lr=0.05)
    for epoch in range(CONFIG["epochs"]):
        alpha = CONFIG["alpha_T"] * (epoch + 1) / CONFIG["epochs"]
        for batch in make_batches(x, y, CONFIG["data"]["batch_size"], CONFIG["data"]["shuffle"]):
            loss = trainer.step(batch, alpha)  # L
        print(epoch, loss)


if __name__ == "__main__":
    main()
