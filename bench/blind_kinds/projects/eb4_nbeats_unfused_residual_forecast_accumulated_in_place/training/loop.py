import torch


def smape(pred, target, eps=1e-3):
    return (2 * (pred - target).abs() / (pred.abs() + target.abs() + eps)).mean()


def fit(model, batches, optimizer, accum_steps=2, clip=1.0):
    """Gradient accumulation: one optimizer step per accum_steps windows."""
    model.train()
    history = []
    for i, (x, y) in enumerate(batches, 1):
        loss = smape(model(x), y) / accum_steps  # L
        loss.backward()
        history.append(loss.item())
        if i % accum_steps == 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    return history
