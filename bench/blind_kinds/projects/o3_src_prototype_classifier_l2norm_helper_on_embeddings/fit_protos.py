import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from protolearn import Encoder, PrototypeHead  # noqa: E402
from protolearn.heads import HeadConfig  # noqa: E402


def build(d_in=10, cfg=HeadConfig()):
    enc = Encoder(d_in)
    return nn.Sequential(enc, PrototypeHead(enc.out_dim, cfg))


def main():
    torch.manual_seed(0)
    model = build()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=1e-4)
    for step in range(3):
        x, y = torch.randn(6, 10), torch.randint(0, 4, (6,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    print("loss", loss.item())


if __name__ == "__main__":
    main()
