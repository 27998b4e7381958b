import torch


def normalize_batch(batch):
    """[0, 255] images to the feature network's ImageNet statistics (as in pytorch/examples)."""
    mean = batch.new_tensor([0.485, 0.456, 0.406]).view(-1, 1, 1)
    std = batch.new_tensor([0.229, 0.224, 0.225]).view(-1, 1, 1)
    batch = batch.div_(255.0)  # L
    return (batch - mean) / std


def gram_matrix(y):
    b, ch, h, w = y.size()
    features = y.view(b, ch, w * h)
    return features.bmm(features.transpose(1, 2)) / (ch * h * w)


def total_variation(y):
    return (torch.nn.functional.l1_loss(y[:, :, 1:, :], y[:, :, :-1, :])
            + torch.nn.functional.l1_loss(y[:, :, :, 1:], y[:, :, :, :-1]))
