import torch.nn.functional as F

VALUE_LOSSES = {}


def value_loss(name):
    def register(fn):
        VALUE_LOSSES[name] = fn
        return fn
    return register


@value_loss("mse")
def mse(values, returns):
    return F.mse_loss(values, returns)


@value_loss("half_squared")
def half_squared(values, returns):
    return 0.5 * (returns - values).pow(2).mean()


@value_loss("huber")
def huber(values, returns):
    return F.smooth_l1_loss(values, returns)
