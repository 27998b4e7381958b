import torch
import torch.nn.functional as F

import nets

CFG = {
    "model": {"block": "tanh_mlp", "d_in": 6, "dim": 8, "depth": 3, "drop_path_rate": 0.2,
              "n_classes": 3, "proj_out": False},
    "optim": {"lr": 1e-2, "weight_decay": 0.05},
    "steps": 4,
    "clip": 1.0,
}


def main(cfg=CFG):
    torch.manual_seed(0)
    model = nets.build_model(**cfg["model"])
    opt = torch.optim.AdamW(model.parameters(), **cfg["optim"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg["steps"])
    model.train()
    for step in range(cfg["steps"]):
        x, y = torch.randn(5, cfg["model"]["d_in"]), torch.randint(0, 3, (5,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg["clip"])
        opt.step()
        sched.step()
    print("loss", round(loss.item(), 4))


if __name__ == "__main__":
    main()
