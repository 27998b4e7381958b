HOOK_KINDS = {"forward": "register_forward_hook", "forward_pre": "register_forward_pre_hook"}


def attach_memory(loss_module, memory, when):
    """Feed every batch the loss sees into the memory, from a hook on the loss module."""

    def enqueue_hook(module, args, *output):
        feats, labels = args
        memory.enqueue(feats.detach(), labels)  # L

    return getattr(loss_module, HOOK_KINDS[when])(enqueue_hook)
