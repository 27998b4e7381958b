import torch.nn.functional as F


def snn(query, supports, labels, tau=0.1):
    """Soft nearest-neighbour classifier over the labelled support embeddings."""
    query, supports = F.normalize(query, dim=1), F.normalize(supports, dim=1)
    return F.softmax(query @ supports.T / tau, dim=1) @ labels
