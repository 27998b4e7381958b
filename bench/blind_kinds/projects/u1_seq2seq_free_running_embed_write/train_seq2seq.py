import random

import torch
import torch.nn.functional as F

from models import GRUDecoder, GRUEncoder

TRAIN = {"vocab": 7, "d_emb": 6, "d_hid": 8, "lr": 0.1, "teacher_forcing_ratio": 0.0}


def main():
    random.seed(0)
    torch.manual_seed(0)
    enc = GRUEncoder(TRAIN["vocab"], TRAIN["d_emb"], TRAIN["d_hid"])
    dec = GRUDecoder(TRAIN["vocab"], TRAIN["d_emb"], TRAIN["d_hid"])
    opt = torch.optim.SGD(list(enc.parameters()) + list(dec.parameters()), lr=TRAIN["lr"])
    src = torch.randint(1, TRAIN["vocab"], (3, 5))
    tgt = torch.randint(1, TRAIN["vocab"], (3, 4))
    bos = torch.zeros(3, 1, dtype=torch.long)
    tgt_in = torch.cat([bos, tgt[:, :-1]], dim=1)
    logits = dec(enc(src), tgt_in, teacher_forcing_ratio=TRAIN["teacher_forcing_ratio"])  # L
    loss = F.cross_entropy(logits.reshape(-1, TRAIN["vocab"]), tgt.reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(loss.item())


if __name__ == "__main__":
    main()
