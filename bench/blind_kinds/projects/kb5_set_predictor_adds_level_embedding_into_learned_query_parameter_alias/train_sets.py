import torch
import torch.nn.functional as F

from setpred import SetConfig, SetPredictor

CFG = SetConfig(query_source="parameter")  # L


def main(cfg=CFG):
    torch.manual_seed(0)
    model = SetPredictor(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for step in range(2):
        points = torch.randn(3, 10, cfg.d_in)
        targets = torch.rand(3, cfg.n_queries, 2)
        loss = F.l1_loss(model(points), targets)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
