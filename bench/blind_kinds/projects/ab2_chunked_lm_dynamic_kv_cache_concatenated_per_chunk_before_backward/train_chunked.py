import torch

from chunklm import ChunkLM, train_on_sequence

CONFIG = {
    "model": {"vocab": 20, "dim": 16, "heads": 2, "depth": 2},
    "cache": "dynamic",
    "chunk": 4,
    "seq_len": 13,
    "steps": 2,
    "lr": 3e-3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = ChunkLM(**cfg["model"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        tokens = torch.randint(0, cfg["model"]["vocab"], (2, cfg["seq_len"]))
        loss = train_on_sequence(model, opt, tokens, cfg["chunk"], cfg["cache"])  # L
        print(step, round(loss, 4))


if __name__ == "__main__":
    main()
