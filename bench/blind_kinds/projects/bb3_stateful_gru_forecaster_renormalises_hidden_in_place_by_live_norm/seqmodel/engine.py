import torch.nn.functional as F


def windows(series, size):
    for start in range(0, series.shape[1] - size, size):
        yield series[:, start:start + size], series[:, start + 1:start + size + 1]


def fit(model, optimizer, series, cfg):
    for epoch in range(cfg.epochs):
        model.reset_state()
        total = 0.0
        for x, y in windows(series, cfg.window):
            loss = F.mse_loss(model(x), y)  # L
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(epoch, total)
