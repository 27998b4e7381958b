# Source: https://github.com/microsoft/unilm/pull/999
# Safe twin: the positional embedding is added out of place (`x = x.clone() + x_conv`,
# the PR's fix), leaving the x the convolution saved untouched.
import torch
import torch.nn as nn


class SamePad(nn.Module):
    def __init__(self, kernel_size):
        super().__init__()
        self.remove = 1 if kernel_size % 2 == 0 else 0

    def forward(self, x):
        if self.remove > 0:
            x = x[:, :, : -self.remove]
        return x


class TransformerEncoder(nn.Module):
    def __init__(self, embed_dim=8, conv_pos=4, conv_pos_groups=2, layers=2):
        super().__init__()
        self.pos_conv = nn.Conv1d(embed_dim, embed_dim, kernel_size=conv_pos,
                                  padding=conv_pos // 2, groups=conv_pos_groups)
        self.pos_conv = nn.Sequential(self.pos_conv, SamePad(conv_pos), nn.GELU())
        self.layer_norm = nn.LayerNorm(embed_dim)
        self.layers = nn.ModuleList([nn.Linear(embed_dim, embed_dim) for _ in range(layers)])

    def forward(self, x, padding_mask=None):
        return self.extract_features(x, padding_mask)

    def extract_features(self, x, padding_mask=None):
        if padding_mask is not None:
            x[padding_mask] = 0
        x_conv = self.pos_conv(x.transpose(1, 2))
        x_conv = x_conv.transpose(1, 2)
        x = x.clone() + x_conv
        x = self.layer_norm(x)
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x


class BEATs(nn.Module):
    def __init__(self, feat_dim=6, embed_dim=8, num_classes=3):
        super().__init__()
        self.layer_norm = nn.LayerNorm(feat_dim)
        self.post_extract_proj = nn.Linear(feat_dim, embed_dim)
        self.encoder = TransformerEncoder(embed_dim)
        self.head = nn.Linear(embed_dim, num_classes)

    def forward(self, features):
        features = self.layer_norm(features)
        x = self.post_extract_proj(features)
        x = self.encoder(x)
        return self.head(x.mean(1))


def run():
    torch.manual_seed(0)
    model = BEATs()
    fbank = torch.randn(2, 7, 6)
    labels = torch.tensor([0, 2])
    nn.functional.cross_entropy(model(fbank), labels).backward()


if __name__ == "__main__":
    run()
