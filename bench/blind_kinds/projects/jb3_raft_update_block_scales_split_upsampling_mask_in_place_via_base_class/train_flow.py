import torch

from raftlite import CONFIGS, FlowTrainer, build_model, synthetic_flow_batches
from raftlite.engine import EpeMeter

CFG = CONFIGS["raft_tiny"]


def main(cfg=CFG):
    torch.manual_seed(0)
    model = build_model(cfg["model"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    trainer = FlowTrainer(model, opt, gamma=cfg["gamma"], callbacks=[EpeMeter()])
    trainer.fit(synthetic_flow_batches(cfg["steps"], cfg["batch_size"], cfg["size"]))  # L


if __name__ == "__main__":
    main()
