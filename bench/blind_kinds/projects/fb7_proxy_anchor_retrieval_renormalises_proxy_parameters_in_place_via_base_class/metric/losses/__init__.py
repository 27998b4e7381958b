from .proxy_anchor import ProxyAnchorLoss
from .proxy_nca import ProxyNCALoss

LOSSES = {"proxy_anchor": ProxyAnchorLoss, "proxy_nca": ProxyNCALoss}


def build_loss(cfg, n_classes, embed_dim):
    cfg = dict(cfg)
    return LOSSES[cfg.pop("name")](n_classes, embed_dim, **cfg)
