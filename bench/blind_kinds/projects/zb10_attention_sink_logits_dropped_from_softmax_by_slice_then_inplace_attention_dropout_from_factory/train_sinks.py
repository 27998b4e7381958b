import torch
import torch.nn.functional as F

from sinklm import SinkLM

CONFIG = {
    "model": {"vocab": 31, "d_model": 16, "heads": 2, "layers": 2, "max_len": 16,
              "attn_dropout": 0.1, "resid_dropout": 0.1},
    "train": {"lr": 1e-3, "steps": 3, "batch": 4, "seq": 12, "accumulate": 2},
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = SinkLM(cfg["model"])
    tc = cfg["train"]
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"])
    model.train()
    for step in range(tc["steps"]):
        opt.zero_grad()
        for _ in range(tc["accumulate"]):
            ids = torch.randint(0, cfg["model"]["vocab"], (tc["batch"], tc["seq"] + 1))
            logits = model(ids[:, :-1])
            loss = F.cross_entropy(logits.flatten(0, 1), ids[:, 1:].flatten()) / tc["accumulate"]
            loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
