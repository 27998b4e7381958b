import torch
import torch.nn.functional as F

from fox import FoxLM

CONFIG = {"vocab": 29, "d_model": 16, "heads": 2, "layers": 2, "log_gate": "logsigmoid",
          "lr": 2e-3, "steps": 3, "batch": 3, "seq": 10}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = FoxLM(cfg["vocab"], cfg["d_model"], cfg["heads"], cfg["layers"], gate=cfg["log_gate"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        ids = torch.randint(0, cfg["vocab"], (cfg["batch"], cfg["seq"] + 1))
        logits = model(ids[:, :-1])
        loss = F.cross_entropy(logits.flatten(0, 1), ids[:, 1:].flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
