import copy

import torch

from r2d2 import Learner, RecurrentQ, SequenceReplay

CONFIG = {
    "replay": {"capacity": 10, "seq_len": 5, "obs_dim": 4, "hidden": 8, "clone_on_read": False},
    "learner": {"batch_size": 4, "gamma": 0.97},
    "lr": 1e-3,
    "updates": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    net = RecurrentQ(obs_dim=cfg["replay"]["obs_dim"], hidden=cfg["replay"]["hidden"])
    target_net = copy.deepcopy(net).requires_grad_(False)
    memory = SequenceReplay(**cfg["replay"])
    learner = Learner(net, target_net, memory, torch.optim.Adam(net.parameters(), lr=cfg["lr"]), **cfg["learner"])
    for _ in range(cfg["updates"]):
        loss = learner.train_step()  # L
    print("loss", round(loss, 4))


if __name__ == "__main__":
    main()
