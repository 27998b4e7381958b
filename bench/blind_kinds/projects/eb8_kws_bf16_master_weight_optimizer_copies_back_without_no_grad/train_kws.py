import torch
import torch.nn.functional as F

from kws import KeywordSpotter, LogMel
from mixed import MasterWeightOptimizer

CONFIG = {"n_keywords": 4, "batch": 6, "samples": 400, "steps": 3, "lr": 1e-3}


def synthetic_batch(cfg):
    labels = torch.randint(0, cfg["n_keywords"], (cfg["batch"],))
    t = torch.arange(cfg["samples"]).float() / 8000
    tones = torch.sin(2 * torch.pi * (300 + 400 * labels[:, None].float()) * t)
    return tones + 0.1 * torch.randn_like(tones), labels


def main(cfg=CONFIG):
    torch.manual_seed(0)
    frontend = LogMel()
    model = KeywordSpotter(n_keywords=cfg["n_keywords"]).to(torch.bfloat16)
    optimizer = MasterWeightOptimizer(model, torch.optim.AdamW, lr=cfg["lr"], weight_decay=0.01)
    for step in range(cfg["steps"]):
        wav, labels = synthetic_batch(cfg)
        logits = model(frontend(wav).to(torch.bfloat16))
        loss = F.cross_entropy(logits.float(), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()  # L
        print(step, loss.item())


if __name__ == "__main__":
    main()
