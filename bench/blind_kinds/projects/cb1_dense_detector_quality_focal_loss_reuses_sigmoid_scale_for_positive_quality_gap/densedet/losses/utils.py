import torch


@torch.no_grad()
def positive_index(labels, num_classes):
    pos = ((labels >= 0) & (labels < num_classes)).nonzero().squeeze(1)
    return pos, labels[pos]


def fill_positive_scale_(scale, pos, pos_labels, quality):
    """Turn the negatives' modulating factor into the positives' one, in the same tensor:
    for a positive anchor the factor is |quality target - predicted score|."""
    scale[pos, pos_labels] = (quality - scale[pos, pos_labels]).abs()  # L
    return scale
