import torch


def token_f1(tokens, mask, refs):
    """A cheap stand-in for CIDEr: F1 of the bag of sampled tokens against the reference."""
    scores = []
    for seq, m, ref in zip(tokens.tolist(), mask.tolist(), refs.tolist()):
        hyp = {tok for tok, keep in zip(seq, m) if keep}
        common = len(hyp & set(ref))
        p, r = common / max(len(hyp), 1), common / len(set(ref))
        scores.append(0.0 if common == 0 else 2 * p * r / (p + r))
    return torch.tensor(scores)
