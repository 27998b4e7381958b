BLANK = 0


def greedy_decode(log_probs):
    """Best path per utterance, with its mean frame confidence (for the training log)."""
    probs = log_probs.detach().transpose(0, 1)
    probs.exp_()  # L
    conf, best = probs.max(-1)
    hyps = []
    for row in best.tolist():
        out, prev = [], BLANK
        for tok in row:
            if tok != prev and tok != BLANK:
                out.append(tok)
            prev = tok
        hyps.append(out)
    return hyps, conf.mean().item()
