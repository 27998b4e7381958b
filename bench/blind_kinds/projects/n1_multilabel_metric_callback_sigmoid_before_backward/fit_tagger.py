import torch

import tagging.engine as eng
from tagging import build_model, metrics


def batches(n, vocab=30, tags=5):
    for _ in range(n):
        yield torch.randint(0, vocab, (4, 6)), torch.randint(0, 2, (4, tags)).float()


def main():
    torch.manual_seed(0)
    cfg = eng.TrainConfig(metric_event="after_forward")
    f1 = metrics.metric_callback("f1", cfg.metric_event, threshold=0.4)
    trainer = eng.Trainer(build_model("bag"), cfg, callbacks=[f1])
    losses = trainer.fit(batches(cfg.steps))  # L
    print(losses, f1.metric.compute())


if __name__ == "__main__":
    main()
