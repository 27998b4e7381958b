import torch

from a2c import A2CLearner, ActorCritic

CONFIG = {"obs_dim": 6, "n_actions": 3, "n_envs": 4, "n_steps": 5, "value_loss": "mse", "updates": 3}


def fake_rollout(cfg):
    t, n = cfg["n_steps"], cfg["n_envs"]
    return (torch.randn(t, n, cfg["obs_dim"]), torch.randint(0, cfg["n_actions"], (t, n)), torch.randn(t, n),
            (torch.rand(t, n) < 0.1).float(), torch.randn(n, cfg["obs_dim"]))


def main(cfg=CONFIG):
    torch.manual_seed(0)
    learner = A2CLearner(ActorCritic(cfg["obs_dim"], cfg["n_actions"]), value_loss=cfg["value_loss"])
    for step in range(cfg["updates"]):
        print(step, round(learner.update(fake_rollout(cfg)), 4))  # L


if __name__ == "__main__":
    main()
