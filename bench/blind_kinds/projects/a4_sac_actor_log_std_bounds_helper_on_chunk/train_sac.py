import copy

import torch

import sac.common as common
from sac import GaussianActor, ReplayBuffer, TwinQ

OBS, ACT = 4, 2
HP = dict(gamma=0.99, tau=0.005, lr=3e-4, batch=8, target_entropy=-float(ACT))


def toy_env_step(obs, act):
    next_obs = obs + 0.1 * torch.cat([act, act], -1) + 0.01 * torch.randn_like(obs)
    return next_obs, -next_obs.pow(2).sum(-1), torch.zeros(())


def sac_update(actor, critic, critic_targ, log_alpha, opts, batch, gamma, tau, target_entropy):
    with torch.no_grad():
        a2, logp2 = actor(batch["next_obs"])
        q_targ = torch.min(*critic_targ(batch["next_obs"], a2)) - log_alpha.exp() * logp2
        backup = batch["rew"] + gamma * (1 - batch["done"]) * q_targ
    q1, q2 = critic(batch["obs"], batch["act"])
    loss_q = ((q1 - backup) ** 2).mean() + ((q2 - backup) ** 2).mean()
    opts["critic"].zero_grad()
    loss_q.backward()
    opts["critic"].step()

    a, logp = actor(batch["obs"])  # L
    loss_pi = (log_alpha.exp().detach() * logp - torch.min(*critic(batch["obs"], a))).mean()
    opts["actor"].zero_grad()
    loss_pi.backward()
    opts["actor"].step()

    loss_alpha = -(log_alpha * (logp.detach() + target_entropy)).mean()
    opts["alpha"].zero_grad()
    loss_alpha.backward()
    opts["alpha"].step()
    common.polyak_(critic_targ, critic, tau)


def main(hp=HP):
    torch.manual_seed(0)
    actor, critic = GaussianActor(OBS, ACT), TwinQ(OBS, ACT)
    critic_targ = copy.deepcopy(critic).requires_grad_(False)
    log_alpha = torch.zeros((), requires_grad=True)
    opts = {"actor": torch.optim.Adam(actor.parameters(), lr=hp["lr"]),
            "critic": torch.optim.Adam(critic.parameters(), lr=hp["lr"]),
            "alpha": torch.optim.Adam([log_alpha], lr=hp["lr"])}
    buf = ReplayBuffer(OBS, ACT, size=64)
    obs = torch.randn(OBS)
    for step in range(12):
        with torch.no_grad():
            act, _ = actor(obs[None])
        next_obs, rew, done = toy_env_step(obs, act[0])
        buf.add(obs=obs, act=act[0], rew=rew, next_obs=next_obs, done=done)
        obs = next_obs
        if step >= hp["batch"]:
            sac_update(actor, critic, critic_targ, log_alpha, opts, buf.sample(hp["batch"]),
                       hp["gamma"], hp["tau"], hp["target_entropy"])
    print("ok")


if __name__ == "__main__":
    main()
