import torch

from curiosity import CuriousAgent


def fake_transitions(n=16, obs_dim=6, n_actions=4):
    obs = torch.randn(n, obs_dim)
    actions = torch.randint(0, n_actions, (n,))
    return obs, actions, torch.zeros(n), obs + 0.1 * torch.randn(n, obs_dim)


def main(steps=3):
    torch.manual_seed(0)
    agent = CuriousAgent()
    for step in range(steps):
        loss = agent.update(*fake_transitions())  # L
        print(step, round(loss, 4))


if __name__ == "__main__":
    main()
