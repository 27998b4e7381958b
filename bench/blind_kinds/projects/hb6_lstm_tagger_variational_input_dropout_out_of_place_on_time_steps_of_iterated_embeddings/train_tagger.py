import torch
import torch.nn.functional as F

from tagger import CellTagger, build_step_dropout

CONFIG = {
    "vocab": 30,
    "d_emb": 8,
    "d_hidden": 16,
    "tags": 5,
    "input_dropout": {"kind": "variational", "p": 0.25, "inplace": False},  # L
    "lr": 0.05,
    "steps": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = CellTagger(cfg["vocab"], cfg["d_emb"], cfg["d_hidden"], cfg["tags"],
                       build_step_dropout(cfg["input_dropout"]))
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    model.train()
    for step in range(cfg["steps"]):
        tokens = torch.randint(0, cfg["vocab"], (4, 7))
        tags = tokens % cfg["tags"]
        logits = model(tokens)  # L
        loss = F.cross_entropy(logits.reshape(-1, cfg["tags"]), tags.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
