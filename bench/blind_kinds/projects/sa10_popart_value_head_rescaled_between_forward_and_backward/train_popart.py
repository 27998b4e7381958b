import torch

from rl import A2CLearner, ActorCritic, collect

HPARAMS = {"obs_dim": 4, "n_actions": 2, "hidden": 16, "popart_beta": 0.1,
           "lr": 7e-4, "gamma": 0.9, "rollout_len": 8, "iterations": 3}


def main(hp=HPARAMS):
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    agent = ActorCritic(hp["obs_dim"], hp["n_actions"], hp["hidden"], hp["popart_beta"])
    opt = torch.optim.RMSprop(agent.parameters(), lr=hp["lr"], alpha=0.99, eps=1e-5)
    learner = A2CLearner(agent, opt, gamma=hp["gamma"])
    for it in range(hp["iterations"]):
        batch = collect(agent, hp["rollout_len"], hp["obs_dim"], gen)
        stats = learner.update(batch)  # L
    print({k: round(v, 3) for k, v in stats.items()})


if __name__ == "__main__":
    main()
