# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# `if sim.requires_grad: ... else: <in place>` also rules out grad for values computed from sim before the test (conf = softmax(sim)) (kornia LoFTR CoarseMatching). Fires 2 warnings.
# Runs and backpropagates cleanly under torch 2.13.
import torch
import torch.nn.functional as F


def match(sim):
    conf = F.softmax(sim, 2)
    if sim.requires_grad:
        col = torch.exp(sim - sim.amax(dim=1, keepdim=True))
        conf = col / col.sum(dim=1, keepdim=True) * conf
    else:
        col = sim.sub_(sim.amax(dim=1, keepdim=True)).exp_()
        conf.mul_(col.div_(col.sum(dim=1, keepdim=True)))
    conf.masked_fill_(conf < 0.01, 0.0)
    return conf


def main():
    a = torch.randn(1, 3, 4, requires_grad=True)
    match(a * 2).sum().backward()
    match(torch.randn(1, 3, 4))


main()
