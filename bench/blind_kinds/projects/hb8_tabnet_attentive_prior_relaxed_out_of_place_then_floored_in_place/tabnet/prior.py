"""How the feature-reuse prior is relaxed after each decision step (TabNet's P[i] = prod(gamma - M))."""


def relax_prior_(prior, mask, gamma):
    # one (batch, features) buffer for every step instead of a new product per step
    return prior.mul_(gamma - mask)  # L


def relax_prior(prior, mask, gamma):
    prior = prior * (gamma - mask)
    # keeps every feature selectable at the next step
    return prior.clamp_(min=1e-4)  # L


PRIOR_UPDATES = {"inplace": relax_prior_, "functional": relax_prior}
