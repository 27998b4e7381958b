import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ContrastiveHead(nn.Module):
    """CLIP-style loss with a learnable temperature."""

    def __init__(self, dim_img=6, dim_txt=5, dim=4, init_temp=0.07, max_scale=100.0):
        super().__init__()
        self.img_proj = nn.Linear(dim_img, dim, bias=False)
        self.txt_proj = nn.Linear(dim_txt, dim, bias=False)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / init_temp)))
        self.max_log_scale = math.log(max_scale)

    def forward(self, img, txt):
        self.logit_scale.clamp_(0.0, self.max_log_scale)  # L
        i = F.normalize(self.img_proj(img), dim=-1)
        t = F.normalize(self.txt_proj(txt), dim=-1)
        logits = self.logit_scale.exp() * i @ t.t()
        labels = torch.arange(img.size(0))
        return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.t(), labels)) / 2


def run():
    torch.manual_seed(0)
    head = ContrastiveHead()
    opt = torch.optim.AdamW(head.parameters(), lr=1e-2, weight_decay=0.1)
    loss = head(torch.randn(4, 6), torch.randn(4, 5))
    opt.zero_grad()
    loss.backward()
    opt.step()
