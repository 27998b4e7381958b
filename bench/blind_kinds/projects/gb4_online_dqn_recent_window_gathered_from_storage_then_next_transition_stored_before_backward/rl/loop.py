import torch
import torch.nn.functional as F


def epsilon_greedy(q_row, epsilon):
    if torch.rand(()) < epsilon:
        return int(torch.randint(0, q_row.shape[-1], ()))
    return int(q_row.argmax())


def online_step(qnet, target, opt, env, store, cfg):
    """One learner update on the recent window; the window's last row is the current observation,
    so its Q-values (already computed) also pick the next action."""
    window = store.recent(cfg["window"])
    q_all = qnet(window["obs"])
    q_taken = q_all[:-1].gather(1, window["actions"][:, None]).squeeze(1)
    with torch.no_grad():
        bootstrap = target(window["obs"][1:]).max(-1).values
        td_target = window["rewards"] + cfg["gamma"] * bootstrap
    loss = F.smooth_l1_loss(q_taken, td_target)

    action = epsilon_greedy(q_all[-1].detach(), cfg["epsilon"])
    store.add(action, *env.step(action))  # L

    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()
