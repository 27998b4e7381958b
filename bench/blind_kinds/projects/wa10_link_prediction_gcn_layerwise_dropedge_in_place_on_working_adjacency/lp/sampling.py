import torch
import torch.nn.functional as F


def negative_edges(num_nodes, n):
    return torch.randint(0, num_nodes, (2, n))


def link_loss(z, pos, neg):
    pos_score = (z[pos[0]] * z[pos[1]]).sum(-1)
    neg_score = (z[neg[0]] * z[neg[1]]).sum(-1)
    scores = torch.cat([pos_score, neg_score])
    labels = torch.cat([torch.ones_like(pos_score), torch.zeros_like(neg_score)])
    return F.binary_cross_entropy_with_logits(scores, labels)
