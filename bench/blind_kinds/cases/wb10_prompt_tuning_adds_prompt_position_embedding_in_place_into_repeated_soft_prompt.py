"""Soft prompt tuning (Lester et al.) of a frozen encoder classifier: P learned prompt vectors are
prepended to the frozen token embeddings. The prompt gets its own learned position embedding,
added in place into the batch-repeated prompt before the concatenation."""
import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, D, P = 30, 8, 3


class PromptTunedEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.encoder = nn.TransformerEncoderLayer(D, 2, 16, dropout=0.0, batch_first=True)
        self.cls = nn.Linear(D, 2)
        for p in self.parameters():
            p.requires_grad_(False)
        self.soft_prompt = nn.Parameter(torch.randn(P, D) * 0.1)
        self.prompt_pos = nn.Parameter(torch.zeros(P, D))

    def prompts(self, batch):
        prompt = self.soft_prompt.unsqueeze(0).repeat(batch, 1, 1)
        prompt += self.prompt_pos  # L
        return prompt

    def forward(self, ids):
        x = torch.cat([self.prompts(ids.shape[0]), self.embed(ids)], 1)  # L
        return self.cls(self.encoder(x)[:, 0])


def run():
    torch.manual_seed(0)
    model = PromptTunedEncoder()
    opt = torch.optim.Adam([model.soft_prompt, model.prompt_pos], lr=1e-2)
    ids, y = torch.randint(0, VOCAB, (4, 5)), torch.tensor([0, 1, 1, 0])
    loss = F.cross_entropy(model(ids), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
