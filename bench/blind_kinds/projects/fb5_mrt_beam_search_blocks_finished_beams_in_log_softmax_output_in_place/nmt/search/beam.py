import torch

from ..config import BOS, EOS
from .constraints import block_finished_


class BeamSearch:
    """Differentiable beam scores: each hypothesis' score is the sum of its tokens' log-probs."""

    def __init__(self, cfg):
        self.beam, self.max_len = cfg.beam, cfg.max_len

    def expand(self, lprobs, scores, finished):
        lprobs = block_finished_(lprobs, finished, EOS, 0.0)  # L
        return scores.unsqueeze(-1) + lprobs

    def search(self, model, src):
        b, k = src.shape[0], self.beam
        state = model.encode(src).repeat_interleave(k, 0)
        prev = torch.full((b * k,), BOS)
        scores = torch.tensor([0.0] + [-1e4] * (k - 1)).repeat(b, 1)
        finished = torch.zeros(b, k, dtype=torch.bool)
        tokens = torch.empty(b, k, 0, dtype=torch.long)
        for _ in range(self.max_len):
            lprobs, state = model.decode_step(prev, state)
            vocab = lprobs.shape[-1]
            cand = self.expand(lprobs.view(b, k, vocab), scores, finished)
            scores, flat = cand.view(b, k * vocab).topk(k, dim=-1)
            origin, tok = flat // vocab, flat % vocab
            state = state.view(b, k, -1).gather(1, origin.unsqueeze(-1).expand(-1, -1, state.shape[-1]))
            state = state.reshape(b * k, -1)
            tokens = torch.cat([tokens.gather(1, origin.unsqueeze(-1).expand(-1, -1, tokens.shape[-1])),
                                tok.unsqueeze(-1)], dim=-1)
            finished = finished.gather(1, origin) | (tok == EOS)
            prev = tok.view(-1)
        return tokens, scores
