from .server_opts import SERVER_OPTS


class Server:
    def __init__(self, model, opt_name, **opt_kwargs):
        self.model = model
        self.opt = SERVER_OPTS[opt_name](model.parameters(), **opt_kwargs)

    def round(self, clients):
        deltas = [c.update(self.model) for c in clients]
        mean_delta = [sum(ds) / len(ds) for ds in zip(*deltas)]
        self.opt.apply(mean_delta)  # L
        return mean_delta
