import torch.nn as nn


class Bottleneck(nn.Module):
    def __init__(self, d_model, bottleneck, init_scale):
        super().__init__()
        self.down = nn.Linear(d_model, bottleneck)
        self.act = nn.GELU()
        self.up = nn.Linear(bottleneck, d_model)
        nn.init.normal_(self.up.weight, std=init_scale)
        nn.init.zeros_(self.up.bias)

    def forward(self, x):
        return self.up(self.act(self.down(x)))


class AdapterMixin:
    """Gives a block an adapter; the host calls ``apply_adapter_`` on its sublayer output."""

    def init_adapter(self, d_model, cfg):
        self.adapter_cfg = cfg
        self.adapter = Bottleneck(d_model, cfg.bottleneck, cfg.init_scale)

    def apply_adapter_(self, sublayer_out, sublayer_in):
        # adds the adapter's output into the sublayer output without a new buffer
        source = sublayer_out if self.adapter_cfg.placement == "sequential" else sublayer_in
        sublayer_out += self.adapter(source)  # L
        return sublayer_out
