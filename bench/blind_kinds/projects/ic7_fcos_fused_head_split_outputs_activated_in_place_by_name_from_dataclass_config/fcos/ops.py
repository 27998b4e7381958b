def activate_(outputs, acts):
    """Apply each named activation in place, without a copy of each map."""
    for key, name in acts.items():
        getattr(outputs[key], name + "_")()  # L
    return outputs
