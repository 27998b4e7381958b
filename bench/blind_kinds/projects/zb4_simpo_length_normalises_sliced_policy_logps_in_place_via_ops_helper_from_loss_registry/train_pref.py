import copy

import torch

from prefopt import LOSSES, TinyCausalLM, concatenated_forward, needs_reference

CONFIG = {"loss": "simpo", "lr": 1e-3, "steps": 3, "pairs": 3, "length": 9, "vocab": 19}


def make_batch(cfg, g):
    batch = {}
    for side in ("chosen", "rejected"):
        ids = torch.randint(1, cfg["vocab"], (cfg["pairs"], cfg["length"]), generator=g)
        ends = torch.randint(4, cfg["length"] + 1, (cfg["pairs"], 1), generator=g)
        inside = torch.arange(cfg["length"]) < ends
        mask = (inside & (torch.arange(cfg["length"]) >= 2)).float()  # the 2 prompt tokens are not scored
        batch[side], batch[side + "_mask"] = ids.masked_fill(~inside, 0), mask
    return batch


def main(cfg=CONFIG):
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    policy = TinyCausalLM(vocab=cfg["vocab"])
    reference = copy.deepcopy(policy).requires_grad_(False) if needs_reference(cfg["loss"]) else None
    opt = torch.optim.AdamW(policy.parameters(), lr=cfg["lr"])
    loss_fn = LOSSES[cfg["loss"]]
    for step in range(cfg["steps"]):
        batch = make_batch(cfg, g)
        logps, lengths = concatenated_forward(policy, batch)
        ref_logps = None
        if reference is not None:
            with torch.no_grad():
                ref_logps, _ = concatenated_forward(reference, batch)
        loss = loss_fn(logps, lengths, ref_logps)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
