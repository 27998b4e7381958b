"""DistMult link prediction on a toy knowledge graph; entity vectors are kept in the unit ball
(Yang et al. 2015) by a constraint that runs after every forward pass."""
import torch

from kge import DistMult, attach_constraints

CONFIG = {
    "entities": 30,
    "relations": 4,
    "dim": 8,
    "scoring": "one_to_n",  # L
    "negatives": 5,
    "constrain": ["entity"],
    "lr": 0.05,
    "steps": 3,
}


def toy_triples(n, n_ent, n_rel):
    h = torch.randint(0, n_ent, (n,))
    r = torch.randint(0, n_rel, (n,))
    return torch.stack([h, r, (h * 7 + r * 3) % n_ent], 1)


def main():
    torch.manual_seed(0)
    triples = toy_triples(64, CONFIG["entities"], CONFIG["relations"])
    model = DistMult(CONFIG["entities"], CONFIG["relations"], CONFIG["dim"], CONFIG["scoring"], CONFIG["negatives"])
    attach_constraints(model, CONFIG["constrain"])
    opt = torch.optim.Adagrad(model.parameters(), lr=CONFIG["lr"])
    for step in range(CONFIG["steps"]):
        for batch in triples.split(16):
            loss = model(batch)  # L
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
