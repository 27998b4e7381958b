import torch

import lm.model as lm_model
import lm.trainer as lm_trainer

CONFIG = {
    "model": {"vocab_size": 30, "dim": 8, "tie_weights": True},
    "trainer": {"lr": 0.1, "max_norm": 1.0},
    "steps": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = lm_model.BagLM(**cfg["model"])
    trainer = lm_trainer.LMTrainer(model, **cfg["trainer"])
    data = torch.randint(0, cfg["model"]["vocab_size"], (cfg["steps"], 6, 4))
    for batch in data:
        print(trainer.step(batch[:, :3], batch[:, 3]))  # L


if __name__ == "__main__":
    main()
