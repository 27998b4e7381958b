import torch
import torch.nn.functional as F

from mcd import MCDropoutNet, mc_predictive

# train on the MC-averaged predictive likelihood (the objective the predictive is evaluated on)
CONFIG = {"passes": 4, "steps": 3, "lr": 0.05, "batch": 16}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = MCDropoutNet()
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        x, y = torch.randn(cfg["batch"], 10), torch.randint(0, 4, (cfg["batch"],))
        probs = mc_predictive(model, x, cfg["passes"])  # L
        loss = F.nll_loss(probs.clamp_min(1e-8).log(), y)
        entropy = -(probs * probs.clamp_min(1e-8).log()).sum(-1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item(), entropy.item())


if __name__ == "__main__":
    main()
