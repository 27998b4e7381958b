import torch

from agents import RecurrentPolicy, unroll

N_ENVS, OBS_DIM, N_ACTIONS, T = 4, 5, 3, 6
POLICY = {"hidden": 16, "carry_across_episodes": True}


def main(updates=3):
    torch.manual_seed(0)
    policy = RecurrentPolicy(OBS_DIM, N_ACTIONS, N_ENVS, **POLICY)
    opt = torch.optim.Adam(policy.parameters(), lr=1e-3)
    for step in range(updates):
        obs, rewards = torch.randn(T, N_ENVS, OBS_DIM), torch.randn(T, N_ENVS)
        firsts = (torch.rand(T, N_ENVS) < 0.2).float()
        loss = unroll(policy, obs, firsts, rewards)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        policy.truncate_()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
