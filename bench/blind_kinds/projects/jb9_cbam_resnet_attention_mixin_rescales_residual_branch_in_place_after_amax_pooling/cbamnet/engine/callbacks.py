import functools

import torch

CALLBACKS = {}


def register(name):
    def deco(fn):
        CALLBACKS[name] = fn
        return fn
    return deco


@register("clip_grad")
def clip_grad(trainer, event, max_norm=1.0):
    if event == "after_backward":
        torch.nn.utils.clip_grad_norm_(trainer.model.parameters(), max_norm)


@register("loss_log")
def loss_log(trainer, event):
    if event == "after_step":
        trainer.log.append(trainer.last_loss)


def callbacks_from_config(specs):
    out = []
    for spec in specs:
        spec = dict(spec)
        out.append(functools.partial(CALLBACKS[spec.pop("name")], **spec))
    return out
