import torch.nn.functional as F


def drop_connect(w, p, training, variational):
    """DropConnect on a weight matrix. The variational form drops whole rows (one hidden unit's
    recurrent input) with a single mask per forward."""
    if variational:
        mask = F.dropout(w.new_ones(w.size(0), 1), p, training, inplace=True)
        return mask.expand_as(w) * w
    return F.dropout(w, p, training, inplace=True)  # L
