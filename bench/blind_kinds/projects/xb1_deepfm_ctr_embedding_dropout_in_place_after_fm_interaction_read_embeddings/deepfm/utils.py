import torch.nn.functional as F


def embedding_dropout_(emb, p, training):
    """Dropout on the field embeddings, in place: the (B, F, D) block is the largest activation."""
    return F.dropout(emb, p, training, inplace=True)  # L
