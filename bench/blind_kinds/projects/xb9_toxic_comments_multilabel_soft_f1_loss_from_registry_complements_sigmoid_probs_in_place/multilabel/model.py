import torch.nn as nn


class BagOfWordsClassifier(nn.Module):
    def __init__(self, vocab, dim, n_labels):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.head = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, n_labels))

    def forward(self, tokens):
        return self.head(self.embed(tokens))
