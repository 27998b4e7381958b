import sys

import torch

sys.path.insert(0, "src")
from rlkit import POLICY_CFG, CategoricalPolicy  # noqa: E402
from rlkit.config import OPTIM_CFG  # noqa: E402


def reinforce_update(policy, opt, obs, actions, returns):
    adv = (returns - returns.mean()) / (returns.std() + 1e-8)
    loss = -(policy.log_prob(obs, actions) * adv).mean()  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def main():
    torch.manual_seed(0)
    policy = CategoricalPolicy(obs_dim=4, n_actions=3, **POLICY_CFG)
    opt = torch.optim.Adam(policy.parameters(), **OPTIM_CFG)
    obs = torch.randn(10, 4)
    with torch.no_grad():
        actions = torch.multinomial(policy(obs), 1).squeeze(-1)
    returns = torch.randn(10)
    print(reinforce_update(policy, opt, obs, actions, returns))


if __name__ == "__main__":
    main()
