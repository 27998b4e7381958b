import torch


def d_step(G, D, d_opt, tuner, d_loss, real, z):
    with torch.no_grad():
        fake = G(z)
    real_logits = D(tuner.augment(real))
    fake_logits = D(tuner.augment(fake))
    loss = d_loss(real_logits, fake_logits)
    tuner.update(real_logits)  # L
    d_opt.zero_grad()
    loss.backward()
    d_opt.step()
    return loss.item()


def g_step(G, D, g_opt, tuner, g_loss, z):
    for p in D.parameters():
        p.requires_grad_(False)
    loss = g_loss(D(tuner.augment(G(z))))
    g_opt.zero_grad()
    loss.backward()
    g_opt.step()
    for p in D.parameters():
        p.requires_grad_(True)
    return loss.item()
