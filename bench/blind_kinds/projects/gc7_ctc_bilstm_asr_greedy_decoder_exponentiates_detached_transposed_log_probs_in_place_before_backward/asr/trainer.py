import torch
import torch.nn.functional as F

from .decoding import greedy_decode


class CTCTrainer:
    def __init__(self, model, lr=1e-3, log_every=1):
        self.model = model
        self.opt = torch.optim.Adam(model.parameters(), lr=lr)
        self.log_every = log_every
        self.steps = 0

    def step(self, feats, targets, in_lens, tgt_lens):
        log_probs = self.model(feats)
        loss = F.ctc_loss(log_probs, targets, in_lens, tgt_lens, zero_infinity=True)
        if self.steps % self.log_every == 0:
            hyps, conf = greedy_decode(log_probs)  # L
            print(self.steps, loss.item(), conf, hyps[0])
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.steps += 1
