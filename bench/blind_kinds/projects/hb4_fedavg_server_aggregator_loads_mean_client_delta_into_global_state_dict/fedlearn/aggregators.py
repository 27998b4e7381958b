"""Server-side aggregation of client weights (FedAvg with a server learning rate, as in FedOpt)."""


def mean_delta(global_state, updates):
    total = sum(n for _, n in updates)
    return {name: sum((state[name] - g) * (n / total) for state, n in updates)
            for name, g in global_state.items()}


class FedAvg:
    def __init__(self, server_lr=1.0, inplace=False):
        self.server_lr, self.inplace = server_lr, inplace

    def __call__(self, model, updates):
        delta = mean_delta({k: v.detach() for k, v in model.state_dict().items()}, updates)
        if self.inplace:
            # no second copy of the global weights on the server
            for name, p in model.named_parameters():
                p.add_(delta[name], alpha=self.server_lr)  # L
            return
        new_state = {k: v + self.server_lr * delta[k] for k, v in model.state_dict().items()}
        model.load_state_dict(new_state)


AGGREGATORS = {"fedavg": FedAvg}


def build_aggregator(cfg):
    cfg = dict(cfg)
    return AGGREGATORS[cfg.pop("name")](**cfg)
