"""Best-path CTC decoding with per-utterance confidence, for the WER/confidence logs."""


def to_posteriors_(log_probs):
    # the decoder only needs probabilities; reuse the buffer instead of allocating (time, batch, vocab)
    return log_probs.exp_()  # L


class GreedyCTCDecoder:
    def __init__(self, blank=0):
        self.blank = blank

    def __call__(self, log_probs):
        probs = to_posteriors_(log_probs)  # L
        best, ids = probs.max(dim=-1)
        hyps = []
        for b in range(ids.shape[1]):
            seq, prev = [], self.blank
            for tok in ids[:, b].tolist():
                if tok != prev and tok != self.blank:
                    seq.append(tok)
                prev = tok
            hyps.append(seq)
        return hyps, best.mean(dim=0)
