import torch.nn.functional as F

from .ops import scale_gradient


def unrolled_loss(net, batch, unroll_steps):
    """Sum over the K unrolled steps of value, reward and policy losses (scalar targets)."""
    state, policy_logits, value = net.initial_inference(batch["obs"])  # L
    loss = F.mse_loss(value, batch["value"][:, 0]) + F.cross_entropy(policy_logits, batch["policy"][:, 0])
    for k in range(unroll_steps):
        state, reward, policy_logits, value = net.recurrent_inference(state, batch["actions"][:, k])  # L
        step_loss = (F.mse_loss(value, batch["value"][:, k + 1])
                     + F.mse_loss(reward, batch["reward"][:, k])
                     + F.cross_entropy(policy_logits, batch["policy"][:, k + 1]))
        loss = loss + scale_gradient(step_loss, 1.0 / unroll_steps)
        state = scale_gradient(state, 0.5)
    return loss
