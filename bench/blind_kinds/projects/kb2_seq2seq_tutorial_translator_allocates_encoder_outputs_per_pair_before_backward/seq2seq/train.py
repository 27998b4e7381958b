def train_batch(translator, pairs, optimizer):
    """One update over a few sentence pairs: the pair losses are summed and backpropagated once."""
    optimizer.zero_grad()
    loss = 0
    for src, tgt in pairs:
        loss += translator.loss(src, tgt)  # L
    loss = loss / len(pairs)
    loss.backward()
    optimizer.step()
    return loss.item()
