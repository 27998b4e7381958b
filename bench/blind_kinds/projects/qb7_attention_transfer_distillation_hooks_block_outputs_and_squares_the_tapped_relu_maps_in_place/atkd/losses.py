import torch.nn.functional as F


def attention_map(fm):
    """Zagoruyko & Komodakis: the channel mean of squared activations, flattened, l2-normalised.
    Squared in place: the tapped maps are not needed after the forward."""
    return F.normalize(fm.pow_(2).mean(1).flatten(1), dim=1)  # L


def at_loss(student_maps, teacher_maps):
    return sum((attention_map(s) - attention_map(t)).pow(2).mean()  # L
               for s, t in zip(student_maps, teacher_maps))
