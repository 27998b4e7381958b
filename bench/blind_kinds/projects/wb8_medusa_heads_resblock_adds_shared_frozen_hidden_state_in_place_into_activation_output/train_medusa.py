"""Medusa-1 training: only the extra decoding heads are trained, on top of a frozen base LM."""
import torch

from medusa import MedusaLM, medusa_loss

CFG = {"vocab": 32, "d": 8, "num_heads": 3, "steps": 3, "lr": 1e-3}


def main(cfg=CFG):
    torch.manual_seed(0)
    model = MedusaLM(cfg["vocab"], cfg["d"], cfg["num_heads"])
    opt = torch.optim.AdamW(model.heads.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        ids = torch.randint(0, cfg["vocab"], (2, 10))
        loss = medusa_loss(model(ids), ids)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
