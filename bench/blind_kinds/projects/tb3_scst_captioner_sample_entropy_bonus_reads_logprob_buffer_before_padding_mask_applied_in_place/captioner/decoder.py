import torch
import torch.nn as nn
import torch.nn.functional as F

BOS, EOS = 0, 1


class Captioner(nn.Module):
    """Image-feature-conditioned GRU captioner that can sample for self-critical training."""

    def __init__(self, feat_dim, vocab, hidden):
        super().__init__()
        self.init_h = nn.Linear(feat_dim, hidden)
        self.embed = nn.Embedding(vocab, hidden)
        self.cell = nn.GRUCell(hidden, hidden)
        self.out = nn.Linear(hidden, vocab)

    def sample(self, feats, max_len, greedy=False):
        b = feats.shape[0]
        h = torch.tanh(self.init_h(feats))
        inp = torch.full((b,), BOS, dtype=torch.long)
        tokens = torch.zeros(b, max_len, dtype=torch.long)
        logprobs = feats.new_zeros(b, max_len)
        mask = feats.new_zeros(b, max_len)
        finished = torch.zeros(b, dtype=torch.bool)
        for t in range(max_len):
            h = self.cell(self.embed(inp), h)
            lp = F.log_softmax(self.out(h), dim=-1)
            tok = lp.argmax(-1) if greedy else torch.multinomial(lp.detach().exp(), 1).squeeze(1)
            logprobs[:, t] = lp.gather(1, tok[:, None]).squeeze(1)
            tokens[:, t] = tok
            mask[:, t] = (~finished).float()
            finished |= tok == EOS
            inp = tok
        return tokens, logprobs, mask
