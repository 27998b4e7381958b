import torch
import torch.nn.functional as F

from s2s import Seq2Seq

CONFIG = {"src_vocab": 12, "tgt_vocab": 12, "emb": 6, "hidden": 8, "layers": 2, "bridge": "sum",
          "lr": 3e-3, "steps": 2, "bos": 1}


def reverse_task(n, length, vocab, bos):
    src = torch.randint(2, vocab, (n, length))
    tgt = src.flip(1)
    return src, torch.cat([torch.full((n, 1), bos), tgt[:, :-1]], dim=1), tgt


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = Seq2Seq(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        src, tgt_in, tgt = reverse_task(4, 5, cfg["tgt_vocab"], cfg["bos"])
        logits = model(src, tgt_in)  # L
        loss = F.cross_entropy(logits.reshape(-1, cfg["tgt_vocab"]), tgt.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())
    print(model.greedy(src[:1], cfg["bos"], 5))


if __name__ == "__main__":
    main()
