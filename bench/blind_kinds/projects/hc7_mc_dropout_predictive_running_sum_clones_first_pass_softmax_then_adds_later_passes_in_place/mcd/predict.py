from .reduce import running_mean


def mc_samples(model, x, passes):
    for _ in range(passes):
        yield model(x).softmax(-1)


def mc_predictive(model, x, passes=4):
    """The MC-dropout predictive distribution: the mean of the softmax over stochastic passes."""
    return running_mean(mc_samples(model, x, passes))  # L
