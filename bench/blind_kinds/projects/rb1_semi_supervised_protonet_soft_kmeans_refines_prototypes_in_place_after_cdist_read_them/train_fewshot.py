import torch

from fewshot import Embedding, EpisodeLoss

CONFIG = {
    "episode": {"n_way": 3, "k_shot": 2, "n_unlabeled": 4, "n_query": 2},
    "distance": "cdist",
    "optim": {"lr": 1e-3},
    "episodes": 2,
}


def sample_episode(n_way, k_shot, n_unlabeled, n_query, d_in=6):
    centres = 2.0 * torch.randn(n_way, d_in)
    support_y = torch.arange(n_way).repeat_interleave(k_shot)
    query_y = torch.arange(n_way).repeat(n_query)
    unlabeled_y = torch.randint(0, n_way, (n_unlabeled,))
    draw = lambda y: centres[y] + torch.randn(len(y), d_in)
    return draw(support_y), support_y, draw(unlabeled_y), draw(query_y), query_y


def main(cfg=CONFIG):
    torch.manual_seed(0)
    criterion = EpisodeLoss(Embedding(), cfg["episode"]["n_way"], distance=cfg["distance"])
    opt = torch.optim.Adam(criterion.parameters(), **cfg["optim"])
    for _ in range(cfg["episodes"]):
        loss = criterion(*sample_episode(**cfg["episode"]))  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("loss", round(loss.item(), 4))


if __name__ == "__main__":
    main()
