import torch

from rm import LOSSES, RewardModel, reward_stats

CONFIG = {"loss": "bt", "lr": 3e-3, "steps": 3, "pairs": 4, "vocab": 17, "max_len": 10}


def preference_batch(cfg, g):
    """Chosen and rejected responses stacked along the batch, with their lengths."""
    n = 2 * cfg["pairs"]
    ids = torch.randint(1, cfg["vocab"], (n, cfg["max_len"]), generator=g)
    lengths = torch.randint(4, cfg["max_len"] + 1, (n,), generator=g)
    ids = ids.masked_fill(torch.arange(cfg["max_len"]) >= lengths[:, None], 0)
    return ids, lengths


def main(cfg=CONFIG):
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(1)
    model = RewardModel(vocab=cfg["vocab"], max_len=cfg["max_len"])
    loss_fn = LOSSES[cfg["loss"]]
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        ids, lengths = preference_batch(cfg, g)
        rewards = model(ids, lengths)
        loss = loss_fn(rewards, cfg["pairs"])
        stats = reward_stats(rewards, cfg["pairs"])  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4), stats)


if __name__ == "__main__":
    main()
