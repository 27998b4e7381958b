def apply_updates(agent, losses, order):
    """One optimizer step per loss, in the configured order."""
    for name in order:
        opt = agent.optimizers[name]
        opt.zero_grad()
        losses[name].backward()
        opt.step()  # L
