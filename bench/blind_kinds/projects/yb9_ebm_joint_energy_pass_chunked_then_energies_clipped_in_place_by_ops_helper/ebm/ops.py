def clip_energies_(*energies, cap=10.0):
    """Keeps the energies in a bounded range; the loss stays finite early in training."""
    for e in energies:
        e.clamp_(-cap, cap)  # L
    return energies
