def last_step(h):
    """The last time step of a (batch, time, features) tensor."""
    return h[:, -1]
