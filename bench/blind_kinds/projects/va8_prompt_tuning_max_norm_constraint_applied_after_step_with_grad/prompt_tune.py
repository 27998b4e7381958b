import torch

from prompt_tuning import MaxNormConstraint, PromptedClassifier, Trainer

CONFIG = {"steps": 2, "lr": 0.3, "max_norm": 1.0}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = PromptedClassifier()
    params = [p for p in model.parameters() if p.requires_grad]
    trainer = Trainer(model, torch.optim.Adafactor(params, lr=cfg["lr"]),
                      constraints=[MaxNormConstraint(["prompt"], cfg["max_norm"])])
    for step in range(cfg["steps"]):
        tokens, labels = torch.randint(0, 11, (4, 5)), torch.randint(0, 2, (4,))
        print(step, round(trainer.step(tokens, labels), 4))  # L


if __name__ == "__main__":
    main()
