import torch


def reset_where_(h, starts):
    """Zero the carried state of the environments whose episode starts at this step."""
    return h.mul_((~starts).to(h.dtype).unsqueeze(-1))  # L


def unroll(cell, head, obs, starts, h0):
    h, outs = h0, []
    for t, x in enumerate(obs):
        reset_where_(h, starts[t])
        h = cell(x, h)
        outs.append(head(torch.cat([h, x], dim=-1)))
    return torch.stack(outs), h
