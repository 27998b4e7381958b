# Source: https://github.com/Atcold/NYU-DLSP20/issues/765
# Report: building the course's TransformerClassifier fails in the embeddings'
# constructor at `E[:, 0::2] = torch.FloatTensor(np.sin(theta[:, 0::2]))`:
# "a view of a leaf Variable that requires grad is being used in an in-place
# operation".  `create_sinusoidal_embeddings` fills the position embedding's
# weight (an nn.Parameter passed in as E) with grad enabled; the thread's fix is
# torch.no_grad() (or working on a clone).
import numpy as np
import torch
import torch.nn as nn


def create_sinusoidal_embeddings(nb_p, dim, E):
    theta = np.array([
        [p / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)]
        for p in range(nb_p)
    ])
    E[:, 0::2] = torch.FloatTensor(np.sin(theta[:, 0::2]))  # hazard
    E[:, 1::2] = torch.FloatTensor(np.cos(theta[:, 1::2]))  # hazard
    E.detach_()
    E.requires_grad = False


class Embeddings(nn.Module):
    def __init__(self, d_model, vocab_size, max_position_embeddings):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, d_model, padding_idx=1)
        self.position_embeddings = nn.Embedding(max_position_embeddings, d_model)
        create_sinusoidal_embeddings(nb_p=max_position_embeddings,
                                     dim=d_model,
                                     E=self.position_embeddings.weight)
        self.LayerNorm = nn.LayerNorm(d_model, eps=1e-12)

    def forward(self, input_ids):
        seq_length = input_ids.size(1)
        position_ids = torch.arange(seq_length, dtype=torch.long, device=input_ids.device)
        position_ids = position_ids.unsqueeze(0).expand_as(input_ids)
        embeddings = self.word_embeddings(input_ids) + self.position_embeddings(position_ids)
        return self.LayerNorm(embeddings)


class TransformerClassifier(nn.Module):
    def __init__(self, d_model=8, input_vocab_size=20, num_answers=2, max_position_embeddings=10):
        super().__init__()
        self.embedding = Embeddings(d_model, input_vocab_size, max_position_embeddings)
        self.dense = nn.Linear(d_model, num_answers)

    def forward(self, x):
        return self.dense(self.embedding(x).max(dim=1)[0])


def run():
    torch.manual_seed(0)
    model = TransformerClassifier()
    x = torch.randint(0, 20, (3, 6))
    y = torch.tensor([0, 1, 1])
    nn.functional.cross_entropy(model(x), y).backward()


if __name__ == "__main__":
    run()
