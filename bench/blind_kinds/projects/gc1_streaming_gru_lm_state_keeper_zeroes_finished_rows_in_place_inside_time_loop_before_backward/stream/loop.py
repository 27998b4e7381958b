import torch.nn.functional as F


def train_chunk(model, keeper, tokens, eos, opt):
    """tokens: (B, T+1) of a chunk; a row whose input is eos ends its document at that step."""
    losses = []
    for t in range(tokens.size(1) - 1):
        logits, h = model.step(tokens[:, t], keeper.get())
        keeper.set(h)
        losses.append(F.cross_entropy(logits, tokens[:, t + 1]))
        keeper.reset_(tokens[:, t] == eos)  # L
    loss = sum(losses) / len(losses)
    opt.zero_grad()
    loss.backward()
    opt.step()
    keeper.detach_()
    return loss.item()
