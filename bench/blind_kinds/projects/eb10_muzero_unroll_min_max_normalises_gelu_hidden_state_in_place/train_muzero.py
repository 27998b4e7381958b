import torch

from muzero import MuZeroNet, unrolled_loss

CONFIG = {
    "obs_dim": 6,
    "n_actions": 3,
    "hidden": 8,
    "state_activation": "gelu",  # L
    "unroll_steps": 3,
    "batch": 5,
    "lr": 3e-3,
    "steps": 2,
}


def replay_batch(cfg):
    b, k, a = cfg["batch"], cfg["unroll_steps"], cfg["n_actions"]
    visits = torch.rand(b, k + 1, a)
    return {
        "obs": torch.randn(b, cfg["obs_dim"]),
        "actions": torch.randint(0, a, (b, k)),
        "value": torch.randn(b, k + 1),
        "reward": torch.randn(b, k),
        "policy": visits / visits.sum(-1, keepdim=True),
    }


def main(cfg=CONFIG):
    torch.manual_seed(0)
    net = MuZeroNet(cfg["obs_dim"], cfg["n_actions"], cfg["hidden"], cfg["state_activation"])
    opt = torch.optim.SGD(net.parameters(), lr=cfg["lr"], momentum=0.9, weight_decay=1e-4)
    for step in range(cfg["steps"]):
        loss = unrolled_loss(net, replay_batch(cfg), cfg["unroll_steps"])
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
