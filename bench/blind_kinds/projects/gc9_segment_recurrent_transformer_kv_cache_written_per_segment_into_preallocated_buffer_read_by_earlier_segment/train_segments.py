import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
from segtx import SegmentLM  # noqa: E402


def main(steps=2, seg_len=4, n_segments=3):
    torch.manual_seed(0)
    model = SegmentLM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(steps):
        tokens = torch.randint(0, 21, (2, seg_len * n_segments + 1))
        cache = model.new_cache(2, seg_len * n_segments)
        loss = 0.0
        for i in range(n_segments):
            seg = tokens[:, i * seg_len:(i + 1) * seg_len + 1]
            logits = model(seg[:, :-1], cache)  # L
            loss = loss + F.cross_entropy(logits.flatten(0, 1), seg[:, 1:].flatten()) / n_segments
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
