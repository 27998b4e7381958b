from functools import partial

CALLBACKS = {}


def callback(fn):
    CALLBACKS[fn.__name__] = fn
    return fn


@callback
def token_accuracy(logp, target, pad=0, log=print):
    probs = logp.view(-1, logp.size(-1))
    probs.exp_()  # L
    conf, pred = probs.max(-1)
    keep = target.flatten() != pad
    acc = (pred[keep] == target.flatten()[keep]).float().mean().item()
    log(f"acc {acc:.3f} conf {conf[keep].mean().item():.3f}")


def make(names, **kw):
    return [partial(CALLBACKS[n], **kw) for n in names]
