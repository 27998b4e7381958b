import torch
import torch.nn.functional as F


def layerwise_distance(g_real, g_syn):
    dist = 0.0
    for gr, gs in zip(g_real, g_syn):
        if gr.ndim == 1:
            continue
        gr, gs = gr.flatten(1), gs.flatten(1)
        dist = dist + (1 - F.cosine_similarity(gr, gs, dim=1)).sum()
    return dist


def gradient_match_loss(net, augment, real, real_y, syn, syn_y, seed):
    params = [p for p in net.parameters() if p.requires_grad]
    augment.reseed(seed)
    real_aug = augment(real)
    g_real = torch.autograd.grad(F.cross_entropy(net(real_aug), real_y), params)
    g_real = [g.detach() for g in g_real]
    augment.reseed(seed)
    syn_aug = augment(syn)  # L
    g_syn = torch.autograd.grad(F.cross_entropy(net(syn_aug), syn_y), params, create_graph=True)
    return layerwise_distance(g_real, g_syn)
