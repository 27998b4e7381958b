import torch

from rl.agent import Agent


def main():
    torch.manual_seed(0)
    agent = Agent(4, 3)
    obs = torch.randn(8, 4)
    actions = torch.randint(0, 3, (8,))
    returns = torch.randn(8)
    agent.update(obs, actions, returns)  # L


if __name__ == "__main__":
    main()
