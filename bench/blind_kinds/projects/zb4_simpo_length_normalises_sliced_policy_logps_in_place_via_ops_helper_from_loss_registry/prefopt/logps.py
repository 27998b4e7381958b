import torch


def sequence_logps(logits, labels, mask):
    token_logps = logits.log_softmax(-1).gather(-1, labels.unsqueeze(-1)).squeeze(-1)
    return (token_logps * mask).sum(-1), mask.sum(-1)


def concatenated_forward(model, batch):
    """One forward over chosen and rejected responses together, as TRL's trainers do."""
    ids = torch.cat([batch["chosen"], batch["rejected"]])
    mask = torch.cat([batch["chosen_mask"], batch["rejected_mask"]])
    logps, lengths = sequence_logps(model(ids[:, :-1]), ids[:, 1:], mask[:, 1:])
    n = batch["chosen"].shape[0]
    return (logps[:n], logps[n:]), (lengths[:n], lengths[n:])
