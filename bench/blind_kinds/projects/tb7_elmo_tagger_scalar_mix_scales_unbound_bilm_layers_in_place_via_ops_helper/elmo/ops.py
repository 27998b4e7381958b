def scale_layers_(layers, weights):
    """Multiply each layer by its mixing weight, in place (the layers are large, the weights are
    scalars)."""
    for w, layer in zip(weights, layers):
        layer.mul_(w)  # L
    return layers
