import torch

from rl import QNetwork, TransitionStore, ToyEnv, online_step

CONFIG = {
    "obs_dim": 5,
    "n_actions": 3,
    "window": 6,
    "window_indexing": "gather",  # L
    "gamma": 0.9,
    "epsilon": 0.1,
    "warmup": 8,
    "steps": 4,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    env = ToyEnv(cfg["obs_dim"], cfg["n_actions"])
    store = TransitionStore(64, cfg["obs_dim"], window_indexing=cfg["window_indexing"])
    store.reset(env.reset())
    for _ in range(cfg["warmup"]):
        action = int(torch.randint(0, cfg["n_actions"], ()))
        store.add(action, *env.step(action))
    qnet = QNetwork(cfg["obs_dim"], cfg["n_actions"])
    target = QNetwork(cfg["obs_dim"], cfg["n_actions"]).requires_grad_(False)
    target.load_state_dict(qnet.state_dict())
    opt = torch.optim.RMSprop(qnet.parameters(), lr=1e-3)
    for step in range(cfg["steps"]):
        loss = online_step(qnet, target, opt, env, store, cfg)  # L
        print(step, loss)


if __name__ == "__main__":
    main()
