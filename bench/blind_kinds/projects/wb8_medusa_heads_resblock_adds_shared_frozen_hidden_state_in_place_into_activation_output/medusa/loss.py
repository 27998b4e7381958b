import torch.nn.functional as F


def medusa_loss(head_logits, ids, decay=0.8):
    """Head k predicts the token k + 2 positions ahead; later heads are weighted down."""
    total = 0.0
    for k, logits in enumerate(head_logits):
        shift = k + 2
        pred = logits[:, :-shift]
        target = ids[:, shift:]
        total = total + decay ** k * F.cross_entropy(pred.flatten(0, 1), target.flatten())
    return total
