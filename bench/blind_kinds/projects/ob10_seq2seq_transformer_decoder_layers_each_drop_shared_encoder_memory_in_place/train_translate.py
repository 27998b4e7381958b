import torch
import torch.nn.functional as F

from s2s import Seq2SeqTransformer

CONFIG = {
    "src_vocab": 17,
    "tgt_vocab": 19,
    "dim": 16,
    "heads": 2,
    "enc_layers": 1,
    "dec_layers": 2,
    "dropout": {"p": 0.1, "inplace": False},
    "memory_dropout": {"p": 0.1, "inplace": True},  # L
    "label_smoothing": 0.1,
    "steps": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = Seq2SeqTransformer(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=5e-4, betas=(0.9, 0.98))
    model.train()
    for step in range(cfg["steps"]):
        src = torch.randint(1, cfg["src_vocab"], (3, 7))
        tgt = torch.randint(1, cfg["tgt_vocab"], (3, 6))
        logits = model(src, tgt[:, :-1])  # L
        loss = F.cross_entropy(logits.reshape(-1, cfg["tgt_vocab"]), tgt[:, 1:].reshape(-1),
                               label_smoothing=cfg["label_smoothing"])
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
