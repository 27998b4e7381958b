from .losses import vae_loss


def train_epoch(model, data, optimizer, batch_size=8, beta=1.0):
    model.train()
    total = 0.0
    for start in range(0, len(data), batch_size):
        x = data[start:start + batch_size]
        recon, mu, logvar, std = model(x)
        loss = vae_loss(recon, x, mu, logvar, std, beta)  # L
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(data)
