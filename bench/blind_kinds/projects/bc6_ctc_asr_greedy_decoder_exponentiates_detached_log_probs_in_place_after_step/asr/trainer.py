import torch
import torch.nn.functional as F


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


class CTCTrainer:
    def __init__(self, model, decoder, lr=1e-3, log_every=1):
        self.model = model
        self.decoder = decoder
        self.opt = torch.optim.Adam(model.parameters(), lr=lr)
        self.log_every = log_every
        self.step_count = 0

    def step(self, feats, feat_lens, targets, target_lens):
        log_probs = self.model(feats)
        out_lens = self.model.output_lengths(feat_lens)
        loss = F.ctc_loss(log_probs, targets, out_lens, target_lens, blank=0, zero_infinity=True)
        self.opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
        self.opt.step()
        if self.step_count % self.log_every == 0:
            self.log(log_probs.detach(), targets, target_lens)  # L
        self.step_count += 1
        return loss.item()

    def log(self, log_probs, targets, target_lens):
        hyps, conf = self.decoder(log_probs)  # L
        refs, start = [], 0
        for n in target_lens.tolist():
            refs.append(targets[start:start + n].tolist())
            start += n
        errors = sum(edit_distance(h, r) for h, r in zip(hyps, refs))
        print(f"wer {errors / max(sum(map(len, refs)), 1):.2f} conf {conf.mean().item():.3f}")
