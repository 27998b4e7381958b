import torch.nn.functional as F


def train_chunk(model, keeper, tokens, eos, opt):
    """tokens: (B, T+1) of a chunk; a row whose input is eos ends its document at that step."""
    # documents end only at chunk boundaries in this stream: the reset waits for the backward
    losses = []
    for t in range(tokens.size(1) - 1):
        logits, h = model.step(tokens[:, t], keeper.get())
        keeper.set(h)
        losses.append(F.cross_entropy(logits, tokens[:, t + 1]))
    loss = sum(losses) / len(losses)
    opt.zero_grad()
    loss.backward()
    opt.step()
    keeper.detach_()
    keeper.reset_(tokens[:, -2] == eos)  # L
    return loss.item()
