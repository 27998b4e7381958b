import torch
import torch.nn.functional as F

from agent import RecurrentAgent

SETTINGS = dict(obs_dim=3, hidden=8, n_actions=4, cell="gru")


def a2c_loss(logits, values, actions, returns):
    adv = returns - values
    logp = logits.log_softmax(-1).gather(-1, actions.unsqueeze(-1)).squeeze(-1)
    return -(logp * adv.detach()).mean() + 0.5 * adv.pow(2).mean()


def main():
    torch.manual_seed(0)
    agent = RecurrentAgent(**SETTINGS)
    opt = torch.optim.Adam(agent.parameters(), lr=3e-4)
    T, B = 6, 4
    for _ in range(2):
        obs = torch.randn(T, B, SETTINGS["obs_dim"])
        starts = torch.rand(T, B) < 0.3
        actions = torch.randint(0, SETTINGS["n_actions"], (T, B))
        returns = torch.randn(T, B)
        logits, values, _ = agent(obs, starts)
        loss = a2c_loss(logits, values, actions, returns)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("ok")


if __name__ == "__main__":
    main()
