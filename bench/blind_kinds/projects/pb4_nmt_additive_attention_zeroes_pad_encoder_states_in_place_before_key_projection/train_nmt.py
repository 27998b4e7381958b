"""A toy attentional GRU translator (copy-and-reverse task) with padded source batches."""
import torch
import torch.nn.functional as F

from nmt import AttentionNMT, NMTConfig

CFG = NMTConfig(mask_pads="before_keys")  # L


def batch(cfg, n=4, max_len=6):
    lengths = torch.tensor([6, 5, 4, 3])[:n]
    src = torch.randint(2, cfg.src_vocab, (n, max_len))
    tgt = torch.full((n, max_len), cfg.pad_id)
    for i, n_tok in enumerate(lengths.tolist()):
        src[i, n_tok:] = cfg.pad_id
        tgt[i, :n_tok] = src[i, :n_tok].flip(0)
    tgt_in = torch.cat([torch.full((n, 1), cfg.bos_id), tgt[:, :-1]], 1)
    return src, tgt_in, tgt


def main(cfg=CFG):
    torch.manual_seed(0)
    model = AttentionNMT(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    for step in range(2):
        src, tgt_in, tgt = batch(cfg)
        logits = model(src, tgt_in)  # L
        loss = F.cross_entropy(logits.reshape(-1, cfg.tgt_vocab), tgt.reshape(-1), ignore_index=cfg.pad_id)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
