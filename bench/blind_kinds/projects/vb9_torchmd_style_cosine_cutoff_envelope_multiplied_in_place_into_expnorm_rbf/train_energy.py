"""Fit a tiny continuous-filter interaction network to toy molecular energies."""
import torch

from mol import InteractionNet, radius_graph

CONFIG = dict(n_atoms=5, n_types=3, width=16, n_rbf=8, cutoff=2.5, lr=1e-3, steps=3)


def toy_molecules(cfg, n):
    g = torch.Generator().manual_seed(1)
    return [(torch.randint(0, cfg["n_types"], (cfg["n_atoms"],), generator=g),
             torch.randn(cfg["n_atoms"], 3, generator=g),
             torch.randn((), generator=g)) for _ in range(n)]


def main():
    torch.manual_seed(0)
    model = InteractionNet(**{k: CONFIG[k] for k in ("n_types", "width", "n_rbf", "cutoff")})
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    for step, (z, pos, energy) in enumerate(toy_molecules(CONFIG, CONFIG["steps"])):
        edges = radius_graph(pos, CONFIG["cutoff"])
        opt.zero_grad()
        loss = (model(z, pos, edges) - energy).pow(2)  # L
        loss.backward()
        opt.step()
        print(step, float(loss))


if __name__ == "__main__":
    main()
